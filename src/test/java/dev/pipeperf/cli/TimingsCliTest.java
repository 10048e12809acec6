package dev.pipeperf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --timings}: observed runs beside the estimate, their precedence, and bad files. */
class TimingsCliTest {

  static final Path SAMPLE = Path.of("samples/seed-004-monorepo");

  @TempDir Path tmp;

  static List<String> timingsArgs() throws IOException {
    List<String> args = new ArrayList<>();
    args.add("--timings");
    try (Stream<Path> s = Files.list(SAMPLE.resolve("timings"))) {
      s.filter(p -> p.toString().endsWith(".json")).sorted().forEach(p -> args.add(p.toString()));
    }
    return args;
  }

  @Test
  void observedAndEstimatedCriticalPathsSideBySide() throws IOException {
    List<String> args =
        new ArrayList<>(List.of("analyze", SAMPLE.toString(), "--workflow", "Test"));
    args.addAll(timingsArgs());
    Cli r = Cli.run(args.toArray(String[]::new));
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("estimated vs observed (3 runs; p50–p90)")
        .containsPattern(
            "observed critical path 21(\\.\\d)? min \\(median run \\d+\\): build-docker-image → test-suite → all-checks → tag-production-images")
        .contains(
            "estimated critical path 21 min: build-docker-image → test-suite → all-checks → tag-production-images")
        .containsPattern("cost +36–37 billable min per run")
        .contains("483 runs/month (triggers: push to main 63, pull_request 420)");
  }

  @Test
  void withoutConfigDurationsObservedTimingsDriveTheEstimate() throws IOException {
    copySampleWorkflows();
    List<String> args =
        new ArrayList<>(
            List.of("analyze", tmp.toString(), "--workflow", "Test", "--format", "json"));
    args.addAll(timingsArgs());
    Cli r = Cli.run(args.toArray(String[]::new));
    assertThat(r.code()).isZero();
    JsonNode w = new ObjectMapper().readTree(r.out()).get("workflows").get(0);
    assertThat(w.get("criticalJobs").findValuesAsText("provenance")).containsOnly("observed");
    // p50 of the observed jobs: 5 + 10 + 1 + 5 minutes.
    assertThat(w.get("criticalPath").get("low").asDouble()).isBetween(1255.0, 1265.0);
    assertThat(w.get("observed").get("runs").asInt()).isEqualTo(3);
    assertThat(w.get("cost").get("inputs").get("runsPerDay").asDouble()).isEqualTo(12.0);
  }

  @Test
  void invalidTimingsJsonIsOneDiagnosticWithItsPositionAndTheRestGoesOn() throws IOException {
    copySampleWorkflows();
    Path bad = tmp.resolve("bad.json");
    Files.writeString(bad, "{\"total_count\": 1, \"jobs\": [{\"name\": \"x\",\n \"started_at\": }");
    Cli r = Cli.run("analyze", tmp.toString(), "--timings", bad.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("critical path").containsPattern("bad.json:2:\\d+: ");
  }

  @Test
  void aMissingTimingsFileIsExitCode2() {
    Cli r = Cli.run("analyze", SAMPLE.toString(), "--timings", tmp.resolve("none.json").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("none.json: timings file not found");
  }

  private void copySampleWorkflows() throws IOException {
    Path wf = tmp.resolve(".github/workflows");
    Files.createDirectories(wf);
    Files.copy(SAMPLE.resolve(".github/workflows/test.yml"), wf.resolve("test.yml"));
  }
}
