package dev.pipeperf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipeperf.rules.BuiltinRules;
import org.junit.jupiter.api.Test;

/** {@code pipeperf rules} and {@code pipeperf explain}, run in-process. */
class RulesCommandTest {

  @Test
  void rulesListsEveryRuleAsATable() {
    Cli r = Cli.run("rules");
    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
    String[] lines = r.out().split("\n");
    assertThat(lines[0]).matches("ID\\s+NAME\\s+SEVERITY\\s+EFFORT\\s+SUMMARY");
    assertThat(lines).hasSize(BuiltinRules.all().size() + 1);
    assertThat(r.out())
        .contains("PP001  redundant-retag-job")
        .containsPattern(
            "PP015\\s+missing-timeout\\s+low\\s+low\\s+A job has no timeout-minutes, so a hung run"
                + " bills up to 360 minutes");
    // Sorted by id.
    assertThat(lines[1]).startsWith("PP000");
    assertThat(lines[lines.length - 1]).startsWith("PP02");
  }

  @Test
  void rulesAsJson() throws Exception {
    Cli r = Cli.run("rules", "--format", "json");
    assertThat(r.code()).isZero();
    JsonNode root = new ObjectMapper().readTree(r.out());
    assertThat(root.get("schemaVersion").asInt()).isEqualTo(1);
    assertThat(root.get("rules")).hasSize(BuiltinRules.all().size());
    JsonNode pp009 = root.get("rules").get(9);
    assertThat(pp009.get("id").asText()).isEqualTo("PP009");
    assertThat(pp009.get("name").asText()).isEqualTo("serial-test-suite");
    assertThat(pp009.get("severity").asText()).isEqualTo("medium");
    assertThat(pp009.get("effort").asText()).isEqualTo("medium");
    assertThat(pp009.get("effortHours").asDouble()).isEqualTo(8);
    assertThat(pp009.has("explanation")).isFalse();
  }

  @Test
  void rulesAsMarkdownLinksEachPage() {
    Cli r = Cli.run("rules", "-f", "markdown");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .startsWith("# pipeperf rules\n")
        .contains("| [PP014](PP014.md) | missing-concurrency-cancel | low | low (0.25 h) |");
  }

  @Test
  void explainById() {
    Cli r = Cli.run("explain", "PP014");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .startsWith(
            "PP014 missing-concurrency-cancel\n"
                + "severity: low   effort: low (about 0.25 h)\n"
                + "A pull-request workflow does not cancel superseded runs\n\n## Why it matters\n")
        .contains("**15%**", "## How pipeperf detects it", "## Silence it")
        .doesNotContain("# PP014 missing-concurrency-cancel");
  }

  @Test
  void explainByNameIgnoringCase() {
    Cli r = Cli.run("explain", "Redundant-Retag-Job");
    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("PP001 redundant-retag-job\n");
    assertThat(Cli.run("explain", "pp001").out()).isEqualTo(r.out());
  }

  @Test
  void explainAsMarkdownHasTheMetadataTable() {
    Cli r = Cli.run("explain", "PP009", "--format", "markdown");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .startsWith("# PP009 serial-test-suite\n\n> A long test suite")
        .contains("| PP009 | serial-test-suite | medium | medium (about 8 h) |")
        .contains("**180 s**");
  }

  @Test
  void explainAsJsonCarriesTheExplanation() throws Exception {
    Cli r = Cli.run("explain", "PP013", "-f", "json");
    assertThat(r.code()).isZero();
    JsonNode rule = new ObjectMapper().readTree(r.out()).get("rules").get(0);
    assertThat(rule.get("id").asText()).isEqualTo("PP013");
    assertThat(rule.get("explanation").asText()).contains("**40%**");
  }

  @Test
  void explainAnUnknownRuleIsOneLineAndExitTwo() {
    Cli r = Cli.run("explain", "PP999");
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("pipeperf: no rule PP999 (see pipeperf rules)\n");
  }

  @Test
  void explainWithoutARuleIsAUsageError() {
    Cli r = Cli.run("explain");
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("Missing required parameter");
  }
}
