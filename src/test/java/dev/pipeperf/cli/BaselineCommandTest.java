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

class BaselineCommandTest {

  static final String SAMPLE = "samples/seed-004-monorepo";

  @Test
  void recordsTheSamplesWorkflowWithItsCriticalJobsAndFindings() throws IOException {
    Cli r = Cli.run("baseline", SAMPLE, "--workflow", "test.yml");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode root = new ObjectMapper().readTree(r.out());
    assertThat(root.get("schemaVersion").asInt()).isEqualTo(1);
    JsonNode w = root.get("workflows").get(0);
    assertThat(root.get("workflows")).hasSize(1);
    assertThat(w.get("criticalPathSeconds").get("high").asDouble()).isEqualTo(1260.0);
    assertThat(w.has("observedCriticalPathSeconds")).isFalse();
    List<String> critical = new ArrayList<>();
    w.get("jobs")
        .forEach(
            j -> {
              if (j.get("critical").asBoolean()) {
                critical.add(j.get("name").asText());
              }
            });
    assertThat(critical)
        .containsExactly("build-docker-image", "test-suite", "all-checks", "tag-production-images");
    assertThat(w.get("jobCount").asInt()).isEqualTo(w.get("jobs").size());
    assertThat(root.get("findings").findValuesAsText("ruleId")).contains("PP001");
    assertThat(root.get("findings").get(0).fieldNames())
        .toIterable()
        .containsExactly("fingerprint", "ruleId", "severity", "file", "line", "message");
  }

  @Test
  void withTimingsItRecordsTheObservedCriticalPath() throws IOException {
    List<String> args = new ArrayList<>(List.of("baseline", SAMPLE, "--workflow", "test.yml"));
    args.add("--timings");
    try (Stream<Path> files = Files.list(Path.of(SAMPLE, "timings"))) {
      files
          .filter(p -> p.toString().endsWith(".json"))
          .sorted()
          .forEach(p -> args.add(p.toString()));
    }
    Cli r = Cli.run(args.toArray(String[]::new));
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode observed =
        new ObjectMapper()
            .readTree(r.out())
            .get("workflows")
            .get(0)
            .get("observedCriticalPathSeconds");
    assertThat(observed).isNotNull();
    assertThat(observed.get("run").asDouble()).isPositive();
    assertThat(observed.get("wall").asDouble())
        .isGreaterThanOrEqualTo(observed.get("run").asDouble());
  }
}
