package dev.pipeperf.estimate.observed.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipeperf.estimate.observed.ObservedRun;
import dev.pipeperf.estimate.observed.RunHistory;
import dev.pipeperf.estimate.observed.TimingsReader;
import dev.pipeperf.source.ParseResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code timings fetch} against a real HTTP server on 127.0.0.1 replaying API pages. */
class TimingsFetcherTest {

  static final String REPO = "octo/app";
  static final String RUNS_1 = "/repos/octo/app/actions/runs?status=completed&per_page=3";
  static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");

  @TempDir Path root;
  ReplayServer server;
  final List<Duration> slept = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    server = new ReplayServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  GitHubApi api(String token, Map<String, String> etags) {
    return new GitHubApi(server.url(), token, etags, slept::add, () -> NOW);
  }

  TimingsFetcher.Result fetch(String token, int runs) throws Exception {
    RunHistory history = new RunHistory(root);
    return new TimingsFetcher(api(token, history.etagMap()), history)
        .fetch(new TimingsFetcher.Request(REPO, null, runs, null));
  }

  static String run(long id, String event, String conclusion) {
    return "{\"id\":"
        + id
        + ",\"name\":\"CI\",\"path\":\".github/workflows/ci.yml\",\"event\":\""
        + event
        + "\",\"status\":\"completed\",\"conclusion\":\""
        + conclusion
        + "\",\"head_branch\":\"main\",\"run_attempt\":1,"
        + "\"created_at\":\"2026-03-01T10:00:00Z\",\"html_url\":\"https://github.com/x\"}";
  }

  static String runsPage(String... runs) {
    return "{\"total_count\":"
        + runs.length
        + ",\"workflow_runs\":["
        + String.join(",", runs)
        + "]}";
  }

  static String job(long id, long runId, String name, String conclusion) {
    return "{\"id\":"
        + id
        + ",\"run_id\":"
        + runId
        + ",\"name\":\""
        + name
        + "\",\"status\":\"completed\",\"conclusion\":\""
        + conclusion
        + "\",\"created_at\":\"2026-03-01T10:00:00Z\",\"started_at\":\"2026-03-01T10:00:05Z\","
        + "\"completed_at\":\"2026-03-01T10:05:44Z\",\"labels\":[\"ubuntu-latest\"],\"steps\":["
        + "{\"name\":\"Set up job\",\"number\":1,\"conclusion\":\"success\","
        + "\"started_at\":\"2026-03-01T10:00:05Z\",\"completed_at\":\"2026-03-01T10:00:07Z\"},"
        + "{\"name\":\"Install udeps\",\"number\":2,\"conclusion\":\"success\","
        + "\"started_at\":\"2026-03-01T10:00:07Z\",\"completed_at\":\"2026-03-01T10:05:46Z\"}]}";
  }

  static String jobsPage(int total, String... jobs) {
    return "{\"total_count\":" + total + ",\"jobs\":[" + String.join(",", jobs) + "]}";
  }

  static String jobsUrl(long run) {
    return "/repos/octo/app/actions/runs/" + run + "/jobs?filter=latest&per_page=100";
  }

  List<ObservedRun> history() {
    List<Path> files = RunHistory.files(root);
    assertThat(files).hasSize(1);
    ParseResult<List<ObservedRun>> r = TimingsReader.read(files.get(0), "h.jsonl");
    assertThat(r.diagnostics()).isEmpty();
    return r.model();
  }

  @Test
  void pagesThroughRunsAndJobsAndAppendsEachRunOnce() throws Exception {
    String page2 = server.url() + "/repos/octo/app/actions/runs?status=completed&per_page=3&page=2";
    server
        .on(
            RUNS_1,
            new ReplayServer.Response(
                200,
                Map.of("Link", "<" + page2 + ">; rel=\"next\"", "ETag", "\"v1\""),
                runsPage(run(11, "push", "success"), run(10, "pull_request", "failure"))))
        .on(
            "/repos/octo/app/actions/runs?status=completed&per_page=3&page=2",
            ReplayServer.Response.ok(runsPage(run(9, "schedule", "success"))))
        .on(jobsUrl(11), ReplayServer.Response.ok(jobsPage(1, job(1101, 11, "udeps", "success"))))
        .on(jobsUrl(10), ReplayServer.Response.ok(jobsPage(1, job(1001, 10, "udeps", "failure"))))
        .on(jobsUrl(9), ReplayServer.Response.ok(jobsPage(1, job(901, 9, "udeps", "success"))));

    TimingsFetcher.Result r = fetch("good", 3);
    assertThat(r.added()).isEqualTo(3);
    assertThat(r.file()).isEqualTo(root.resolve(".pipeperf/timings/octo__app.jsonl"));
    List<ObservedRun> runs = history();
    assertThat(runs).extracting(ObservedRun::runId).containsExactly("11", "10", "9");
    assertThat(runs.get(1).info().event()).isEqualTo("pull_request");
    assertThat(runs.get(1).info().conclusion()).isEqualTo("failure");
    assertThat(runs.get(0).jobs().get(0).steps().get(1).seconds()).isEqualTo(339.0);
    assertThat(server.received()).allMatch(x -> "Bearer good".equals(x.authorization()));

    // A second fetch sends the ETag; 304 → nothing new, nothing appended twice.
    server.on(RUNS_1, new ReplayServer.Response(304, Map.of("ETag", "\"v1\""), null));
    TimingsFetcher.Result again = fetch("good", 3);
    assertThat(again.added()).isZero();
    assertThat(history()).hasSize(3);
    assertThat(server.received().get(server.received().size() - 1).ifNoneMatch())
        .isEqualTo("\"v1\"");
  }

  @Test
  void aRunWith300JobsIsReadAcrossItsThreePages() throws Exception {
    List<List<String>> pages = new ArrayList<>();
    for (int p = 0; p < 3; p++) {
      List<String> jobs = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        int n = p * 100 + i;
        jobs.add(job(5000 + n, 42, "shard (" + n + ")", "success"));
      }
      pages.add(jobs);
    }
    String base = jobsUrl(42);
    server
        .on(
            RUNS_1.replace("per_page=3", "per_page=1"),
            ReplayServer.Response.ok(runsPage(run(42, "push", "success"))))
        .on(
            base,
            new ReplayServer.Response(
                200,
                Map.of("Link", "<" + server.url() + base + "&page=2>; rel=\"next\""),
                jobsPage(300, pages.get(0).toArray(String[]::new))))
        .on(
            base + "&page=2",
            new ReplayServer.Response(
                200,
                Map.of("Link", "<" + server.url() + base + "&page=3>; rel=\"next\""),
                jobsPage(300, pages.get(1).toArray(String[]::new))))
        .on(
            base + "&page=3",
            ReplayServer.Response.ok(jobsPage(300, pages.get(2).toArray(String[]::new))));
    assertThat(fetch(null, 1).added()).isEqualTo(1);
    assertThat(history().get(0).jobs()).hasSize(300);
    assertThat(server.received()).allMatch(x -> x.authorization() == null);
  }

  @Test
  void waitsForTheRateLimitResetThenGoesOn() throws Exception {
    long reset = NOW.getEpochSecond() + 120;
    server
        .on(
            RUNS_1,
            new ReplayServer.Response(
                403,
                Map.of("X-RateLimit-Remaining", "0", "X-RateLimit-Reset", String.valueOf(reset)),
                "{\"message\":\"API rate limit exceeded\"}"),
            new ReplayServer.Response(
                403, Map.of("Retry-After", "7"), "{\"message\":\"secondary rate limit\"}"),
            ReplayServer.Response.ok(runsPage(run(11, "push", "success"))))
        .on(jobsUrl(11), ReplayServer.Response.ok(jobsPage(1, job(1101, 11, "udeps", "success"))));
    assertThat(fetch("t", 3).added()).isEqualTo(1);
    assertThat(slept).containsExactly(Duration.ofSeconds(121), Duration.ofSeconds(7));
  }

  @Test
  void aLimitThatResetsTooLateIsAnError() throws Exception {
    long reset = NOW.getEpochSecond() + 3600;
    server.on(
        RUNS_1,
        new ReplayServer.Response(
            403,
            Map.of("X-RateLimit-Remaining", "0", "X-RateLimit-Reset", String.valueOf(reset)),
            "{\"message\":\"API rate limit exceeded\"}"));
    assertThatThrownBy(() -> fetch(null, 3))
        .isInstanceOf(GitHubApi.ApiException.class)
        .hasMessageContaining("rate limit is spent until 2026-03-02T13:00:00Z");
    assertThat(slept).isEmpty();
  }

  @Test
  void retriesServerErrorsWithBackoff() throws Exception {
    server
        .on(
            RUNS_1,
            new ReplayServer.Response(502, Map.of(), "bad gateway"),
            new ReplayServer.Response(500, Map.of(), "{}"),
            ReplayServer.Response.ok(runsPage(run(11, "push", "success"))))
        .on(jobsUrl(11), ReplayServer.Response.ok(jobsPage(1, job(1101, 11, "udeps", "success"))));
    assertThat(fetch("t", 3).added()).isEqualTo(1);
    assertThat(slept).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
  }

  @Test
  void givesUpOnAServerThatKeepsFailing() {
    server.on(RUNS_1, new ReplayServer.Response(503, Map.of(), "{}"));
    assertThatThrownBy(() -> fetch("t", 3))
        .isInstanceOf(GitHubApi.ApiException.class)
        .hasMessageContaining("503")
        .hasMessageContaining("gave up after 5 attempts");
    assertThat(RunHistory.files(root)).isEmpty();
  }

  @Test
  void notFoundAndBadCredentialsSayWhatToFix() throws Exception {
    assertThatThrownBy(() -> fetch("t", 3))
        .isInstanceOf(GitHubApi.ApiException.class)
        .hasMessageContaining("404 Not Found")
        .hasMessageContaining("--repo");
    server.on(
        RUNS_1, new ReplayServer.Response(401, Map.of(), "{\"message\":\"Bad credentials\"}"));
    assertThatThrownBy(() -> fetch("bad", 3))
        .isInstanceOf(GitHubApi.ApiException.class)
        .hasMessageContaining("401 Bad credentials")
        .hasMessageContaining("GITHUB_TOKEN");
    assertThat(Files.exists(root.resolve(".pipeperf/timings/octo__app.jsonl"))).isFalse();
  }

  @Test
  void aRunAlreadyInTheHistoryIsNotFetchedAgain() throws Exception {
    server
        .on(RUNS_1, ReplayServer.Response.ok(runsPage(run(11, "push", "success"))))
        .on(jobsUrl(11), ReplayServer.Response.ok(jobsPage(1, job(1101, 11, "udeps", "success"))));
    fetch("t", 3);
    int before = server.received().size();
    TimingsFetcher.Result r = fetch("t", 3);
    assertThat(r.added()).isZero();
    assertThat(r.known()).isEqualTo(1);
    assertThat(server.received().subList(before, server.received().size()))
        .extracting(ReplayServer.Received::pathAndQuery)
        .containsExactly(RUNS_1);
    assertThat(history()).hasSize(1);
    Map<String, String> etags = new HashMap<>(new RunHistory(root).etagMap());
    assertThat(etags).isEmpty(); // the replayed page had no ETag
  }
}
