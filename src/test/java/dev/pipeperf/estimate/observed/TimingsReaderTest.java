package dev.pipeperf.estimate.observed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.pipeperf.source.Diagnostic;
import dev.pipeperf.source.ParseResult;
import dev.pipeperf.source.Severity;
import dev.pipeperf.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TimingsReaderTest {

  static final Path FIXTURES = Path.of("src/test/resources/timings");
  static final Path SAMPLE = Path.of("samples/seed-004-monorepo/timings");

  static ParseResult<List<ObservedRun>> fixture(String name) {
    return TimingsReader.read(FIXTURES.resolve(name), "timings/" + name);
  }

  /** The seed-004 sample: every file of the folder, as `--timings` would pass them. */
  static ParseResult<List<ObservedRun>> sample() throws IOException {
    try (Stream<Path> files = Files.list(SAMPLE)) {
      List<TimingsReader.Input> inputs =
          files
              .filter(f -> f.toString().endsWith(".json"))
              .sorted()
              .map(f -> new TimingsReader.Input(f, "timings/" + f.getFileName()))
              .toList();
      return TimingsReader.readAll(inputs);
    }
  }

  @Test
  void readsARestApiPage() {
    ParseResult<List<ObservedRun>> result = fixture("rest-page.json");

    assertThat(result.diagnostics()).isEmpty();
    assertThat(result.model()).hasSize(1);
    ObservedRun run = result.model().get(0);
    assertThat(run.runId()).isEqualTo("5001");
    assertThat(run.source().toString()).isEqualTo("timings/rest-page.json:1:1");
    assertThat(run.jobs())
        .extracting(ObservedJob::name)
        .containsExactly(
            "lint", "test (3.12, ubuntu-latest)", "test (3.12, windows-latest)", "deploy");
    ObservedJob lint = run.jobs().get(0);
    assertThat(lint.queueSeconds()).hasValue(7);
    assertThat(lint.runSeconds()).isEqualTo(61);
    assertThat(lint.labels()).containsExactly("ubuntu-latest");
    assertThat(lint.steps())
        .extracting(ObservedStep::name)
        .containsExactly("Set up job", "Run ruff", "Complete job");
    assertThat(lint.steps().get(1).seconds()).isEqualTo(58);
    assertThat(lint.createdAt()).isEqualTo(Instant.parse("2026-03-02T10:00:00Z"));
  }

  @Test
  void keepsAnUnstartedJobAsSkippedNotAsZeroLength() {
    ObservedJob deploy = fixture("rest-page.json").model().get(0).job("deploy").orElseThrow();

    assertThat(deploy.isSkipped()).isTrue();
    assertThat(deploy.startedAt()).isNull();
    assertThat(deploy.completedAt()).isNull();
    assertThat(deploy.queueSeconds()).isEmpty();
  }

  @Test
  void mergesAnArrayOfPagesOfTheSameRun() {
    ParseResult<List<ObservedRun>> result = fixture("rest-pages-array.json");

    assertThat(result.diagnostics()).isEmpty();
    assertThat(result.model()).hasSize(1);
    assertThat(result.model().get(0).jobs()).hasSize(4);
  }

  @Test
  void mergesPagesOfTheSameRunAcrossFilesWithoutDuplicates() {
    ParseResult<List<ObservedRun>> result =
        TimingsReader.readAll(
            List.of(
                new TimingsReader.Input(FIXTURES.resolve("rest-page-incomplete.json"), "a.json"),
                new TimingsReader.Input(FIXTURES.resolve("rest-pages-array.json"), "b.json")));

    assertThat(result.model()).hasSize(1);
    assertThat(result.model().get(0).jobs()).hasSize(4);
    // total_count 6 on the first page, but only 4 distinct jobs across both files
    assertThat(result.diagnostics()).singleElement().asString().contains("2 jobs are missing");
  }

  @Test
  void warnsWhenTotalCountSaysJobsAreMissing() {
    ParseResult<List<ObservedRun>> result = fixture("rest-page-incomplete.json");

    assertThat(result.model().get(0).jobs()).hasSize(2);
    Diagnostic warning = result.diagnostics().get(0);
    assertThat(result.diagnostics()).hasSize(1);
    assertThat(warning.severity()).isEqualTo(Severity.MEDIUM);
    assertThat(warning.code()).isEqualTo("timings-missing-jobs");
    assertThat(warning.toString())
        .startsWith("timings/rest-page-incomplete.json:1:1: run 5001: total_count is 6")
        .contains("lists 2 jobs, so 4 jobs are missing")
        .contains("--paginate");
  }

  @Test
  void readsGhRunViewJson() {
    ParseResult<List<ObservedRun>> result = fixture("gh-run.json");

    assertThat(result.diagnostics()).isEmpty();
    ObservedRun run = result.model().get(0);
    assertThat(run.runId()).isEqualTo("4242");
    ObservedJob build = run.jobs().get(0);
    assertThat(build.createdAt()).isNull();
    assertThat(build.queueSeconds()).as("gh has no created_at").isEmpty();
    assertThat(build.runSeconds()).isEqualTo(210);
    assertThat(build.steps()).hasSize(3);
    assertThat(build.steps().get(2).isSkipped()).isTrue();
    assertThat(build.steps().get(2).seconds()).isZero();
    assertThat(run.jobs().get(1).name()).isEqualTo("deploy / push");
  }

  @Test
  void readsAnArrayOfGhRunsAsSeveralRuns() {
    ParseResult<List<ObservedRun>> result = fixture("gh-runs-array.json");

    assertThat(result.diagnostics()).isEmpty();
    assertThat(result.model()).extracting(ObservedRun::runId).containsExactly("100", "101");
  }

  @Test
  void truncatedJsonGivesOneErrorAtTheEndWithWhatWasExpected() throws IOException {
    String text = Files.readString(FIXTURES.resolve("truncated.json"));
    int lastLine = (int) text.lines().count();

    ParseResult<List<ObservedRun>> result = fixture("truncated.json");

    assertThat(result.diagnostics()).hasSize(1);
    Diagnostic error = result.diagnostics().get(0);
    assertThat(error.severity()).isEqualTo(Severity.HIGH);
    assertThat(error.location().file()).isEqualTo("timings/truncated.json");
    assertThat(error.location().line()).isEqualTo(lastLine);
    assertThat(error.location().column()).isPositive();
    assertThat(error.message()).startsWith("invalid JSON: ").containsIgnoringCase("expected");
    assertThat(error.message()).doesNotContain("Source:");
    assertThat(result.model()).isEmpty();
  }

  @Test
  void invalidJsonNamesLineAndColumn() {
    ParseResult<List<ObservedRun>> result = fixture("invalid.json");

    assertThat(result.diagnostics()).hasSize(1);
    // the missing comma: the parser stops at the second key on line 5
    assertThat(result.diagnostics().get(0).toString())
        .startsWith("timings/invalid.json:5:43: invalid JSON: ")
        .contains("expecting comma");
  }

  @Test
  void notAJobsExportIsAnErrorThatSaysHowToExport() {
    ParseResult<List<ObservedRun>> result =
        TimingsReader.parse(SourceFile.of("t.json", "{\"workflow_runs\": []}"));

    assertThat(result.model()).isEmpty();
    assertThat(result.diagnostics())
        .singleElement()
        .asString()
        .startsWith("t.json:1:1: this object has no `jobs` array")
        .contains("gh run view");
  }

  @Test
  void aBadTimestampIsAWarningAndTheTimeIsUnknown() {
    String text =
        """
        {"jobs": [{"name": "build", "startedAt": "yesterday", "completedAt": "2026-03-04T08:03:30Z"}]}
        """;

    ParseResult<List<ObservedRun>> result = TimingsReader.parse(SourceFile.of("t.json", text));

    assertThat(result.model().get(0).jobs().get(0).isSkipped()).isTrue();
    assertThat(result.diagnostics())
        .singleElement()
        .asString()
        .startsWith("t.json:1:11: job `build`: startedAt is not an ISO-8601 timestamp");
  }

  @Test
  void readsTheSeed004SampleAsThreeRunsOneOfThemFromTwoPages() throws IOException {
    ParseResult<List<ObservedRun>> result = sample();

    assertThat(result.diagnostics()).isEmpty();
    assertThat(result.model()).hasSize(3);
    assertThat(result.model()).allSatisfy(run -> assertThat(run.jobs()).hasSize(7));
    assertThat(result.model().get(2).source().file()).endsWith("page-1.json");
    ObservedJob test = result.model().get(0).job("test-suite").orElseThrow();
    assertThat(test.queueSeconds().getAsDouble()).isBetween(3.0, 11.0);
    assertThat(test.runSeconds()).isCloseTo(600, within(15.0));
  }

  @Test
  void aReRunKeepsTheLatestAttemptOfEachJob() {
    String text =
        """
        {"total_count": 3, "jobs": [
          {"id": 1, "run_id": 77, "run_attempt": 1, "name": "test", "conclusion": "failure",
           "created_at": "2026-03-02T10:00:00Z", "started_at": "2026-03-02T10:00:05Z",
           "completed_at": "2026-03-02T10:04:05Z"},
          {"id": 2, "run_id": 77, "run_attempt": 1, "name": "lint", "conclusion": "success",
           "created_at": "2026-03-02T10:00:00Z", "started_at": "2026-03-02T10:00:05Z",
           "completed_at": "2026-03-02T10:01:05Z"},
          {"id": 3, "run_id": 77, "run_attempt": 2, "name": "test", "conclusion": "success",
           "created_at": "2026-03-02T11:00:00Z", "started_at": "2026-03-02T11:00:05Z",
           "completed_at": "2026-03-02T11:05:05Z"}
        ]}
        """;

    ParseResult<List<ObservedRun>> result = TimingsReader.parse(SourceFile.of("r.json", text));

    ObservedRun run = result.model().get(0);
    assertThat(run.jobs()).extracting(ObservedJob::name).containsExactly("lint", "test");
    assertThat(run.job("test").orElseThrow().runSeconds()).isEqualTo(300);
    assertThat(result.diagnostics())
        .singleElement()
        .asString()
        .contains("run 77 was re-run: 1 job of earlier attempts left out");
  }

  @Test
  void aGhExportWithTheRunsDatabaseIdUsesIt() {
    String text =
        """
        {"databaseId": 123456, "jobs": [{"name": "build", "startedAt": "2026-03-04T08:00:00Z",
          "completedAt": "2026-03-04T08:01:00Z", "steps": []}]}
        """;

    ParseResult<List<ObservedRun>> result = TimingsReader.parse(SourceFile.of("g.json", text));

    assertThat(result.diagnostics()).isEmpty();
    assertThat(result.model().get(0).runId()).isEqualTo("123456");
  }

  @Test
  void aGhExportWithoutAnyRunIdIsNamedAfterTheFile() {
    String text =
        """
        [{"jobs": [{"name": "build", "startedAt": "2026-03-04T08:00:00Z",
           "completedAt": "2026-03-04T08:01:00Z"}]},
         {"jobs": [{"name": "build", "startedAt": "2026-03-05T08:00:00Z",
           "completedAt": "2026-03-05T08:02:00Z"}]}]
        """;

    ParseResult<List<ObservedRun>> result = TimingsReader.parse(SourceFile.of("g.json", text));

    assertThat(result.model())
        .extracting(ObservedRun::runId)
        .containsExactly("g.json#1", "g.json#2");
    assertThat(result.model().get(1).source().toString()).isEqualTo("g.json:3:2");
  }

  /**
   * What octokit's {@code paginate} returns for the jobs endpoint: the jobs of every page
   * concatenated into one bare array, each job carrying its {@code run_id} (and a re-run's
   * attempt), with no {@code total_count} or {@code jobs} wrapper.
   */
  @Test
  void readsABareArrayOfJobsAsOctokitPaginateReturnsIt() {
    String text =
        """
        [
          {"id": 11, "run_id": 900, "run_attempt": 1, "name": "lint", "conclusion": "success",
           "created_at": "2026-03-04T08:00:00Z", "started_at": "2026-03-04T08:00:05Z",
           "completed_at": "2026-03-04T08:01:05Z", "labels": ["ubuntu-latest"],
           "steps": [{"name": "Set up job", "number": 1, "conclusion": "success",
                      "started_at": "2026-03-04T08:00:05Z", "completed_at": "2026-03-04T08:00:07Z"},
                     {"name": "Run ruff", "number": 2, "conclusion": "success",
                      "started_at": "2026-03-04T08:00:07Z", "completed_at": "2026-03-04T08:01:05Z"}]},
          {"id": 12, "run_id": 900, "run_attempt": 1, "name": "test", "conclusion": "failure",
           "started_at": "2026-03-04T08:00:06Z", "completed_at": "2026-03-04T08:03:06Z",
           "steps": []},
          {"id": 13, "run_id": 900, "run_attempt": 2, "name": "test", "conclusion": "success",
           "started_at": "2026-03-04T08:10:00Z", "completed_at": "2026-03-04T08:12:00Z",
           "steps": []},
          {"id": 21, "run_id": 901, "name": "lint", "conclusion": "success",
           "started_at": "2026-03-05T08:00:00Z", "completed_at": "2026-03-05T08:00:50Z",
           "steps": []}
        ]
        """;
    ParseResult<List<ObservedRun>> result = TimingsReader.parse(SourceFile.of("jobs.json", text));

    assertThat(result.diagnostics())
        .extracting(Diagnostic::code, d -> d.location().toString())
        .containsExactly(org.assertj.core.groups.Tuple.tuple("timings-rerun", "jobs.json:2:3"));
    assertThat(result.model()).extracting(ObservedRun::runId).containsExactly("900", "901");
    ObservedRun first = result.model().get(0);
    assertThat(first.source().toString()).isEqualTo("jobs.json:2:3");
    // the re-run's attempt replaces the failed one: one `test`, the latest
    assertThat(first.jobs()).extracting(ObservedJob::name).containsExactly("lint", "test");
    ObservedJob test = first.job("test").orElseThrow();
    assertThat(test.conclusion()).isEqualTo("success");
    assertThat(test.runSeconds()).isEqualTo(120);
    ObservedJob lint = first.job("lint").orElseThrow();
    assertThat(lint.queueSeconds()).hasValue(5);
    assertThat(lint.labels()).containsExactly("ubuntu-latest");
    assertThat(lint.steps())
        .extracting(ObservedStep::name)
        .containsExactly("Set up job", "Run ruff");
    assertThat(lint.steps().get(1).seconds()).isEqualTo(58);
    assertThat(result.model().get(1).jobs())
        .extracting(ObservedJob::runSeconds)
        .containsExactly(50.0);
  }

  @Test
  void aBareArrayWithoutRunIdsIsOneRunNamedAfterTheFile() {
    String text =
        """
        [{"name": "build", "started_at": "2026-03-04T08:00:00Z", "completed_at": "2026-03-04T08:01:00Z"},
         {"name": "deploy", "started_at": "2026-03-04T08:01:00Z", "completed_at": "2026-03-04T08:01:30Z"}]
        """;
    ParseResult<List<ObservedRun>> result = TimingsReader.parse(SourceFile.of("p.json", text));

    assertThat(result.diagnostics()).isEmpty();
    assertThat(result.model()).hasSize(1);
    assertThat(result.model().get(0).runId()).startsWith("p.json#");
    assertThat(result.model().get(0).jobs())
        .extracting(ObservedJob::name)
        .containsExactly("build", "deploy");
  }
}
