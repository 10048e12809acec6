package dev.pipeperf.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipeperf.analysis.AnalysisResult;
import dev.pipeperf.analysis.Analyzer;
import dev.pipeperf.source.Diagnostic;
import dev.pipeperf.source.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inline {@code # pipeperf-ignore} comments and the {@code rules:} section of the config. */
class SuppressionAndConfigTest {

  @TempDir Path root;

  /** Line 4 takes a comment above job build (line 5); job test is on line 9. */
  private static final String TWO_JOBS =
      """
      name: ci
      on: [push]
      jobs:
        %s
        build:
          runs-on: ubuntu-latest
          steps:
            - run: make build
        test:%s
          runs-on: ubuntu-latest
          steps:
            - run: make test
      """;

  private AnalysisResult analyze(String workflow, String config) throws IOException {
    Path dir = Files.createDirectories(root.resolve(".github/workflows"));
    Files.writeString(dir.resolve("ci.yml"), workflow);
    if (config != null) {
      Files.writeString(root.resolve(".pipeperf.yml"), config);
    }
    return Analyzer.analyze(Analyzer.Options.of(root));
  }

  /** Findings and "also consider" items alike: suppression and config apply to both. */
  private static List<String> findings(AnalysisResult r, String id) {
    return java.util.stream.Stream.concat(
            r.rules().findings().stream(), r.rules().alsoConsider().stream())
        .filter(f -> f.ruleId().equals(id))
        .map(Finding::toString)
        .toList();
  }

  @Test
  void withoutSuppressionBothJobsAreReported() throws IOException {
    AnalysisResult r = analyze(TWO_JOBS.formatted("", ""), null);
    assertThat(findings(r, "PP015"))
        .containsExactly(
            ".github/workflows/ci.yml:5:3: low job build has no timeout-minutes: a hung run bills up"
                + " to 360 minutes [PP015]",
            ".github/workflows/ci.yml:9:3: low job test has no timeout-minutes: a hung run bills up"
                + " to 360 minutes [PP015]");
  }

  @Test
  void anIgnoreCommentAboveTheJobSilencesOnlyThatJob() throws IOException {
    AnalysisResult r =
        analyze(TWO_JOBS.formatted("# pipeperf-ignore PP015 -- a one-off build", ""), null);
    assertThat(findings(r, "PP015"))
        .singleElement()
        .asString()
        .startsWith(".github/workflows/ci.yml:9:3: low job test");
  }

  @Test
  void silencedFindingsAreCountedAndCommentsThatSilenceNothingAreWarnings() throws IOException {
    AnalysisResult r =
        analyze(
            TWO_JOBS.formatted(
                "# pipeperf-ignore PP015", "  # pipeperf-ignore PP999, PP001 -- nothing here"),
            null);
    assertThat(r.rules().suppressed()).isEqualTo(1);
    assertThat(r.diagnostics())
        .extracting(Diagnostic::toString)
        .anySatisfy(
            d ->
                assertThat(d)
                    .startsWith(".github/workflows/ci.yml:9:")
                    .contains("PP999, which is no pipeperf rule"))
        .anySatisfy(
            d ->
                assertThat(d)
                    .startsWith(".github/workflows/ci.yml:9:")
                    .contains("pipeperf-ignore PP001 silences nothing"))
        .noneSatisfy(d -> assertThat(d).contains("PP015 silences nothing"));
  }

  @Test
  void anIgnoreCommentOnTheLineSilencesIt() throws IOException {
    AnalysisResult r = analyze(TWO_JOBS.formatted("", "  # pipeperf-ignore PP011, PP015"), null);
    assertThat(findings(r, "PP015"))
        .singleElement()
        .asString()
        .startsWith(".github/workflows/ci.yml:5:3: low job build");
  }

  @Test
  void anIgnoreCommentForAnotherRuleSilencesNothing() throws IOException {
    AnalysisResult r = analyze(TWO_JOBS.formatted("# pipeperf-ignore PP014", ""), null);
    assertThat(findings(r, "PP015")).hasSize(2);
  }

  @Test
  void aRuleSwitchedOffInConfigReportsNothing() throws IOException {
    AnalysisResult r = analyze(TWO_JOBS.formatted("", ""), "rules:\n  PP015: off\n");
    assertThat(findings(r, "PP015")).isEmpty();
    assertThat(r.diagnostics()).isEmpty();
  }

  @Test
  void configChangesARulesSeverity() throws IOException {
    AnalysisResult r = analyze(TWO_JOBS.formatted("", ""), "rules:\n  PP015: {severity: high}\n");
    assertThat(r.rules().alsoConsider().stream().filter(f -> f.ruleId().equals("PP015")))
        .hasSize(2)
        .allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.HIGH));
    assertThat(findings(r, "PP015")).allSatisfy(l -> assertThat(l).contains(": high job "));
  }

  @Test
  void anUnknownRuleInConfigIsADiagnostic() throws IOException {
    AnalysisResult r = analyze(TWO_JOBS.formatted("", ""), "rules:\n  PP999: off\n");
    assertThat(r.rules().diagnostics())
        .extracting(Diagnostic::message)
        .containsExactly("rules: PP999 is no pipeperf rule (see pipeperf rules)");
    assertThat(r.diagnostics()).extracting(Diagnostic::code).contains("config");
    // It points at its key in .pipeperf.yml.
    assertThat(r.diagnostics())
        .extracting(Diagnostic::toString)
        .anySatisfy(d -> assertThat(d).startsWith(".pipeperf.yml:2:3: rules: PP999"));
    // The unknown entry switches nothing off.
    assertThat(findings(r, "PP015")).hasSize(2);
  }

  @Test
  void anUnknownSeverityInConfigIsADiagnostic() throws IOException {
    AnalysisResult r = analyze(TWO_JOBS.formatted("", ""), "rules:\n  PP015: {severity: urgent}\n");
    assertThat(r.rules().diagnostics())
        .extracting(Diagnostic::message)
        .containsExactly("rules: PP015: severity must be blocker, high, medium, low or info");
  }
}
