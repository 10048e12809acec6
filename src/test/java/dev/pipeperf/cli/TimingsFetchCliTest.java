package dev.pipeperf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipeperf.estimate.observed.github.ReplayServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pipeperf timings fetch} end to end: the sample's three recorded runs served by a local
 * HTTP server as GitHub would (a runs listing, then each run's jobs, one run over two pages), then
 * {@code analyze} reading the history without being told.
 */
class TimingsFetchCliTest {

  static final Path SAMPLE = Path.of("samples/seed-004-monorepo");
  static final Map<String, String> ENV = Map.of("PIPEPERF_NO_GH", "1");

  @TempDir Path tmp;

  void copySample(Path to) throws IOException {
    try (Stream<Path> s = Files.walk(SAMPLE)) {
      for (Path p : s.toList()) {
        Path rel = SAMPLE.relativize(p);
        // As the README's worked example: the workflows without the sample's .pipeperf.yml (its
        // pinned durations would hide the catalogue's estimate beside the observation).
        if (rel.startsWith("timings") || rel.toString().equals(".pipeperf.yml")) {
          continue;
        }
        Path t = to.resolve(rel.toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
  }

  static String body(String name) throws IOException {
    return Files.readString(SAMPLE.resolve("timings").resolve(name));
  }

  static String run(long id) {
    return "{\"id\":"
        + id
        + ",\"name\":\"Test\",\"path\":\".github/workflows/test.yml\",\"event\":\"push\","
        + "\"status\":\"completed\",\"conclusion\":\"success\",\"head_branch\":\"main\","
        + "\"created_at\":\"2026-03-01T10:00:00Z\"}";
  }

  @Test
  void fetchesTheHistoryThatAnalyzeThenReads() throws IOException {
    Path repo = tmp.resolve("webapp");
    copySample(repo);
    try (ReplayServer server = new ReplayServer()) {
      String jobs = "/repos/example-org/webapp/actions/runs/%d/jobs?filter=latest&per_page=100";
      server
          .on(
              "/repos/example-org/webapp/actions/workflows/test.yml/runs?status=completed"
                  + "&per_page=3&branch=main",
              ReplayServer.Response.ok(
                  "{\"total_count\":3,\"workflow_runs\":["
                      + run(9876698765L)
                      + ","
                      + run(9876601234L)
                      + ","
                      + run(9876543210L)
                      + "]}"))
          .on(jobs.formatted(9876543210L), ReplayServer.Response.ok(body("run-9876543210.json")))
          .on(jobs.formatted(9876601234L), ReplayServer.Response.ok(body("run-9876601234.json")))
          .on(
              jobs.formatted(9876698765L),
              new ReplayServer.Response(
                  200,
                  Map.of(
                      "Link",
                      "<" + server.url() + jobs.formatted(9876698765L) + "&page=2>; rel=\"next\""),
                  body("run-9876698765-page-1.json")))
          .on(
              jobs.formatted(9876698765L) + "&page=2",
              ReplayServer.Response.ok(body("run-9876698765-page-2.json")));

      Cli fetch =
          Cli.run(
              ENV,
              "timings",
              "fetch",
              repo.toString(),
              "--repo",
              "example-org/webapp",
              "--workflow",
              "test.yml",
              "--branch",
              "main",
              "--runs",
              "3",
              "--api-url",
              server.url());
      assertThat(fetch.code()).as(fetch.err()).isZero();
      assertThat(fetch.out())
          .contains(
              "example-org/webapp: 3 runs listed, 3 added to .pipeperf/timings/example-org__webapp.jsonl");
      // The README's worked example shows this line as it is printed.
      assertThat(readme()).contains(fetch.out().lines().findFirst().orElseThrow());
      assertThat(Files.readAllLines(repo.resolve(".pipeperf/timings/example-org__webapp.jsonl")))
          .hasSize(3);

      // again: nothing new, nothing written twice
      Cli again =
          Cli.run(
              ENV,
              "timings",
              "fetch",
              repo.toString(),
              "--repo",
              "example-org/webapp",
              "--workflow",
              "test.yml",
              "--branch",
              "main",
              "--runs",
              "3",
              "--api-url",
              server.url());
      assertThat(again.out()).contains("0 added", "3 already there");
      assertThat(Files.readAllLines(repo.resolve(".pipeperf/timings/example-org__webapp.jsonl")))
          .hasSize(3);
    }

    Cli analyze =
        Cli.run(ENV, "analyze", repo.toString(), "--workflow", "Test", "--format", "json");
    assertThat(analyze.code()).as(analyze.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(analyze.out());
    JsonNode observed = json.path("workflows").get(0).path("observed");
    assertThat(observed.path("runs").asInt()).isEqualTo(3);
    Cli text = Cli.run(ENV, "analyze", repo.toString(), "--workflow", "Test");
    assertThat(text.out()).contains("estimated vs observed (3 runs; p50–p90)");
    // Every line of the README's example output (but its "..." elision) is what analyze prints.
    String readme = readme();
    int start = readme.indexOf("  estimated vs observed (3 runs; p50–p90)");
    assertThat(start).as("README's worked example of analyze after a fetch").isPositive();
    List<String> shown =
        readme.substring(start, readme.indexOf("```", start)).lines().toList().stream()
            .filter(l -> !l.isBlank() && !l.strip().equals("..."))
            .toList();
    assertThat(shown).hasSizeGreaterThan(5);
    List<String> printed = text.out().lines().map(String::stripTrailing).toList();
    assertThat(printed).containsAll(shown);
  }

  static String readme() throws IOException {
    return Files.readString(Path.of("README.md"));
  }

  @Test
  void helpSaysItIsTheOnlyCommandOnTheNetwork() {
    Cli help = Cli.run(ENV, "timings", "fetch", "--help");
    assertThat(help.out()).contains("only pipeperf command that uses the network");
    assertThat(help.out()).contains("--api-url", "--runs", "--branch", "--workflow", "--repo");
  }

  @Test
  void badUsageAndApiErrorsAreOneLine() throws IOException {
    Cli noRepo =
        Cli.run(ENV, "timings", "fetch", tmp.toString(), "--api-url", "http://127.0.0.1:1");
    assertThat(noRepo.code()).isEqualTo(2);
    assertThat(noRepo.err()).contains("no --repo given");
    try (ReplayServer server = new ReplayServer()) {
      Cli missing =
          Cli.run(
              Map.of("GITHUB_TOKEN", "t0ken"),
              "timings",
              "fetch",
              tmp.toString(),
              "--repo",
              "nobody/nothing",
              "--api-url",
              server.url());
      assertThat(missing.code()).isEqualTo(2);
      assertThat(missing.err()).startsWith("pipeperf: GitHub says 404 Not Found");
      assertThat(server.received()).allMatch(r -> "Bearer t0ken".equals(r.authorization()));
    }
  }
}
