package dev.pipeperf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI gate end to end: a temporary repository, {@code pipeperf baseline}, an edit, {@code
 * pipeperf check}. Job durations come from {@code .pipeperf.yml} so the numbers are exact.
 */
class CheckCommandTest {

  static final String CONFIG =
      """
      durations:
        jobs:
          build: 5m
          test: 10m
          lint: 1m
          integration: 4m
      rules:
        PP015: {severity: high}
      """;

  static final String WORKFLOW =
      """
      name: CI
      on: [push]
      concurrency:
        group: ci-${{ github.ref }}
        cancel-in-progress: true
      jobs:
        build:
          runs-on: ubuntu-latest
          timeout-minutes: 20
          steps:
            - run: make build
        test:
          needs: build
          runs-on: ubuntu-latest
          timeout-minutes: 20
          steps:
            - run: make test
      """;

  /** One more job after {@code test}: the critical path grows from 15 to 19 minutes. */
  static final String INTEGRATION =
      """
        integration:
          needs: test
          runs-on: ubuntu-latest
          timeout-minutes: 20
          steps:
            - run: make integration
      """;

  @TempDir Path repo;

  Path baseline;

  @BeforeEach
  void recordBaseline() throws IOException {
    write(".pipeperf.yml", CONFIG);
    write(".github/workflows/ci.yml", WORKFLOW);
    baseline = repo.resolve(".pipeperf/baseline.json");
    Cli r = Cli.run("baseline", repo.toString(), "-o", baseline.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).containsPattern("recorded 1 workflow and \\d+ findings? in");
  }

  void write(String path, String text) throws IOException {
    Path p = repo.resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  Cli check(String... more) {
    String[] args = new String[3 + more.length];
    args[0] = "check";
    args[1] = repo.toString();
    args[2] = "--baseline=" + baseline;
    System.arraycopy(more, 0, args, 3, more.length);
    return Cli.run(args);
  }

  @Test
  void noChangePasses() {
    Cli r = check();
    assertThat(r.code()).as(r.out() + r.err()).isZero();
    assertThat(r.out())
        .containsPattern("1 workflow, \\d+ findings? against")
        .contains("gate passed: no regression against the baseline")
        .doesNotContain("FAIL")
        .doesNotContain("hint");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void aNewSerialJobOnTheCriticalPathFailsNamingIt() throws IOException {
    write(".github/workflows/ci.yml", WORKFLOW + INTEGRATION);
    // Findings cannot fail this check: it is about time and minutes only.
    Cli r = check("--fail-on", "none");
    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.out())
        .contains(
            "FAIL  CI (.github/workflows/ci.yml): critical path 15m → 19m (+26.7%, limit +10%)")
        .contains("new job on the critical path: integration (4m)")
        .doesNotContain("billable minutes per run")
        .contains("gate failed: 1 regression")
        .doesNotContain("hint: things improved");
    // 4 more billable minutes per run is under the default 5-minute floor; with a 1-minute floor
    // the bill fails the gate too.
    Cli strict = check("--fail-on", "none", "--min-billable-increase", "1");
    assertThat(strict.out())
        .contains("billable minutes per run (each job rounded up to a whole minute")
        .contains("15 min → 19 min")
        .contains("gate failed: 2 regressions");
  }

  @Test
  void aLongerJobOnTheCriticalPathIsNamedWithOldAndNewDuration() throws IOException {
    write(".pipeperf.yml", CONFIG.replace("test: 10m", "test: 12m"));
    Cli r = check("--max-increase", "20%");
    assertThat(r.code()).as(r.out()).isZero();
    Cli strict = check("--max-increase", "5%");
    assertThat(strict.code()).as(strict.out()).isEqualTo(1);
    assertThat(strict.out())
        .contains("critical path 15m → 17m (+13.3%, limit +5%)")
        .contains("longer: test 10m → 12m");
  }

  @Test
  void aNewFindingAtTheFailOnLevelFailsNamingIt() throws IOException {
    write(
        ".github/workflows/ci.yml",
        WORKFLOW.replace(
            "    timeout-minutes: 20\n    steps:\n      - run: make test",
            "    steps:\n      - run: make test"));
    Cli r = check();
    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.out())
        .containsPattern(
            "FAIL  new high finding: .github/workflows/ci.yml:12 job test has no timeout-minutes.* \\[PP015\\]")
        .contains("gate failed: 1 regression");
    Cli lenient = check("--fail-on", "blocker");
    assertThat(lenient.code()).as(lenient.out()).isZero();
    assertThat(lenient.out())
        .contains("note  new high finding:")
        .contains("(below the fail-on level)");
  }

  @Test
  void anImprovementPassesWithAHintToRecordIt() throws IOException {
    write(".pipeperf.yml", CONFIG.replace("test: 10m", "test: 7m"));
    Cli r = check();
    assertThat(r.code()).as(r.out() + r.err()).isZero();
    assertThat(r.out())
        .contains("better  CI improved: critical path by 3m (15m → 12m)")
        .contains("billable minutes by 3 min per run (15 min → 12 min)")
        .contains("gate passed")
        .contains(
            "hint: things improved: run pipeperf baseline "
                + repo
                + " -o "
                + baseline
                + " to record it");
  }

  @Test
  void aMissingBaselineIsAUsageErrorInOneLine() {
    Cli r = Cli.run("check", repo.toString(), "--baseline", repo.resolve("nope.json").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .isEqualTo(
            "pipeperf: "
                + repo.resolve("nope.json")
                + ": baseline not found; record one with: pipeperf baseline . -o "
                + repo.resolve("nope.json")
                + System.lineSeparator());
  }

  @Test
  void aCorruptBaselineSaysWhereInOneLine() throws IOException {
    Files.writeString(baseline, "{\n  \"schemaVersion\": 1,\n  \"workflows\": [\n}\n");
    Cli r = check();
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err())
        .startsWith("pipeperf: " + baseline + ":4:1: baseline is not valid JSON: Unexpected close");
  }

  @Test
  void validJsonThatIsNotABaselineNamesTheMissingField() throws IOException {
    Files.writeString(baseline, "{\"schemaVersion\": 1, \"workflows\": [{\"path\": \"x\"}]}");
    Cli r = check();
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "pipeperf: "
                + baseline
                + ": not a pipeperf baseline: workflows[0].criticalPathSeconds is missing (record"
                + " a new one with pipeperf baseline)"
                + System.lineSeparator());
  }

  @Test
  void thresholdsComeFromTheConfigUnlessGivenOnTheCommandLine() throws IOException {
    write(".github/workflows/ci.yml", WORKFLOW + INTEGRATION);
    write(".pipeperf.yml", CONFIG + "baseline:\n  maxIncrease: 30%\n");
    assertThat(check().code()).isZero();
    assertThat(check("--max-increase", "10%").code()).isEqualTo(1);
    write(".pipeperf.yml", CONFIG + "baseline:\n  maxIncrease: ten\n");
    Cli bad = check();
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err())
        .isEqualTo(
            "pipeperf: .pipeperf.yml baseline: max increase 'ten' is not a percentage such as 10%"
                + System.lineSeparator());
    assertThat(check("--fail-on", "urgent").err()).contains("fail-on 'urgent' is not a severity");
  }

  @Test
  void githubFormatAnnotatesAndAppendsTheStepSummary() throws IOException {
    write(".github/workflows/ci.yml", WORKFLOW + INTEGRATION);
    Path summary = repo.resolve("summary.md");
    Files.writeString(summary, "earlier step\n");
    Cli r =
        Cli.run(
            Map.of("GITHUB_STEP_SUMMARY", summary.toString()),
            "check",
            repo.toString(),
            "--baseline",
            baseline.toString(),
            "--format",
            "github");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out())
        .contains(
            "::error file=.github/workflows/ci.yml,line=18,title=pipeperf check::CI"
                + " (.github/workflows/ci.yml): critical path 15m → 19m (+26.7%25, limit +10%25)%0Anew"
                + " job on the critical path: integration (4m)")
        .contains("gate failed");
    assertThat(Files.readString(summary))
        .startsWith("earlier step\n## pipeperf check: failed")
        .contains("| CI (`.github/workflows/ci.yml`) | 15m → 19m | 15 min → 19 min |")
        .contains("### Regressions");
  }

  @Test
  void theBaselineIsTheSameBytesEachTime() throws IOException {
    String first = Files.readString(baseline);
    Cli again = Cli.run("baseline", repo.toString());
    assertThat(again.out()).isEqualTo(first);
    assertThat(first)
        .startsWith("{\n  \"schemaVersion\" : 1,\n  \"tool\" : \"pipeperf\",")
        .contains("\"criticalPathSeconds\" : {\n        \"low\" : 900.0,\n        \"high\" : 900.0")
        .doesNotContain("\r");
  }

  @Test
  void helpPrintsWithoutPicocliFormatWarnings() {
    // picocli warns on System.err, not on the CLI's streams, when a description has a bare '%'.
    java.io.PrintStream saved = System.err;
    java.io.ByteArrayOutputStream warnings = new java.io.ByteArrayOutputStream();
    Cli r;
    try {
      System.setErr(
          new java.io.PrintStream(warnings, true, java.nio.charset.StandardCharsets.UTF_8));
      r = Cli.run("check", "--help");
    } finally {
      System.setErr(saved);
    }
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("--max-increase").contains("else 10%).");
    assertThat(warnings.toString(java.nio.charset.StandardCharsets.UTF_8)).isEmpty();
  }
}
