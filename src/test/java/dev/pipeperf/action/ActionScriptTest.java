package dev.pipeperf.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import dev.pipeperf.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The action's script ({@code action/run.sh}) run as GitHub runs it: inputs as {@code INPUT_*},
 * outputs to {@code $GITHUB_OUTPUT}, the summary to {@code $GITHUB_STEP_SUMMARY}, the PR comment
 * through the REST API (here a server on 127.0.0.1 that records what it is sent).
 */
class ActionScriptTest {

  @TempDir Path temp;

  Path repo;
  Path outputs;
  Path summary;

  @BeforeEach
  void setUp() throws IOException {
    for (String tool : List.of("bash", "jq", "curl")) {
      assumeTrue(onPath(tool), "skipped: the action's script needs " + tool + " on the PATH");
    }
    repo = temp.resolve("repo");
    copy(Path.of("samples/seed-004-monorepo"), repo);
    outputs = Files.createFile(temp.resolve("output"));
    summary = Files.createFile(temp.resolve("summary"));
    StringWriter out = new StringWriter();
    int code =
        Main.run(
            new PrintWriter(out),
            new PrintWriter(out),
            "baseline",
            repo.toString(),
            "-o",
            repo.resolve(".pipeperf/baseline.json").toString());
    assertThat(code).as(out.toString()).isZero();
  }

  @Test
  void theGatePassesAndSetsEveryOutput() throws Exception {
    Result r = run(Map.of("INPUT_COMMAND", "check", "INPUT_PATH", repo.toString()));
    assertThat(r.code).as(r.log).isZero();
    Map<String, String> out = outputs();
    assertThat(out).containsKeys("decision", "score", "critical-path-seconds", "report-path");
    assertThat(out.get("decision")).isNotBlank();
    assertThat(out.get("score")).matches("\\d+(\\.\\d+)?");
    assertThat(out.get("critical-path-seconds")).matches("[\\d.]+-[\\d.]+");
    assertThat(out.get("exit-code")).isEqualTo("0");
    assertThat(Path.of(out.get("report-path"))).isRegularFile();
    assertThat(Files.readString(summary)).contains("pipeperf check: passed");
  }

  @Test
  void aSlowerChangeFailsTheStepWithTheGatesExitCode() throws Exception {
    Path bake = repo.resolve("docker-bake.hcl");
    Files.writeString(
        bake,
        String.join(
            "\n",
            Files.readAllLines(bake).stream()
                .filter(l -> !l.contains("cache-from") && !l.contains("cache-to"))
                .toList()));
    Result r = run(Map.of("INPUT_COMMAND", "check", "INPUT_PATH", repo.toString()));
    assertThat(r.code).as(r.log).isEqualTo(1);
    assertThat(r.log).contains("::error ");
    assertThat(outputs().get("exit-code")).isEqualTo("1");
  }

  @Test
  void argumentsArePassedOnePerLineWithoutWordSplitting() throws Exception {
    Result r =
        run(
            Map.of(
                "INPUT_COMMAND", "analyze",
                "INPUT_PATH", repo.toString(),
                "INPUT_WORKFLOW", "Test",
                "INPUT_ARGS", "--min-severity\nhigh\n"));
    assertThat(r.code).as(r.log).isZero();
    // A quoted value reaches pipeperf literally and is refused as a usage error, not ignored.
    Result quoted =
        run(
            Map.of(
                "INPUT_COMMAND", "analyze",
                "INPUT_PATH", repo.toString(),
                "INPUT_WORKFLOW", "\"Test\""));
    assertThat(quoted.code).isEqualTo(2);
    assertThat(quoted.log).contains("matches no workflow").contains("quotes are part of the value");
  }

  @Test
  void fetchTimingsFillsTheHistoryTheReportThenReads() throws Exception {
    Path samples = Path.of("samples/seed-004-monorepo/timings");
    try (dev.pipeperf.estimate.observed.github.ReplayServer server =
        new dev.pipeperf.estimate.observed.github.ReplayServer()) {
      server.on(
          "/repos/example-org/webapp/actions/runs?status=completed&per_page=20",
          dev.pipeperf.estimate.observed.github.ReplayServer.Response.ok(
              "{\"total_count\":1,\"workflow_runs\":[{\"id\":9876543210,\"name\":\"Test\","
                  + "\"path\":\".github/workflows/test.yml\",\"event\":\"push\","
                  + "\"status\":\"completed\",\"conclusion\":\"success\","
                  + "\"head_branch\":\"main\",\"created_at\":\"2026-03-01T10:00:00Z\"}]}"));
      server.on(
          "/repos/example-org/webapp/actions/runs/9876543210/jobs?filter=latest&per_page=100",
          dev.pipeperf.estimate.observed.github.ReplayServer.Response.ok(
              Files.readString(samples.resolve("run-9876543210.json"))));
      Map<String, String> in = new HashMap<>();
      in.put("INPUT_COMMAND", "report");
      in.put("INPUT_PATH", repo.toString());
      in.put("INPUT_FETCH_TIMINGS", "true");
      in.put("INPUT_TOKEN", "t0ken");
      in.put("GITHUB_REPOSITORY", "example-org/webapp");
      in.put("GITHUB_API_URL", server.url());
      in.put("PIPEPERF_NO_GH", "1");
      Result r = run(in);
      assertThat(r.code).as(r.log).isZero();
      assertThat(r.log).contains("example-org/webapp: 1 run listed, 1 added");
      assertThat(server.received()).allMatch(q -> "Bearer t0ken".equals(q.authorization()));
      assertThat(repo.resolve(".pipeperf/timings/example-org__webapp.jsonl")).isRegularFile();
      assertThat(Files.readString(summary)).contains("observed");

      // A fetch that fails (here: a repository the API does not know) warns; the step goes on.
      in.put("GITHUB_REPOSITORY", "example-org/nosuch");
      Result failed = run(in);
      assertThat(failed.code).as(failed.log).isZero();
      assertThat(failed.log).contains("::warning title=pipeperf::timings fetch failed");
    }
  }

  @Test
  void theVerdictIsOneCommentCreatedThenUpdated() throws Exception {
    List<String> requests = new ArrayList<>();
    String[] existing = {"[]"};
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        ex -> {
          String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          synchronized (requests) {
            requests.add(
                ex.getRequestMethod()
                    + " "
                    + ex.getRequestURI().getPath()
                    + " "
                    + ex.getRequestHeaders().getFirst("Authorization")
                    + " "
                    + body);
          }
          byte[] reply =
              (ex.getRequestMethod().equals("GET") ? existing[0] : "{}")
                  .getBytes(StandardCharsets.UTF_8);
          ex.sendResponseHeaders(ex.getRequestMethod().equals("POST") ? 201 : 200, reply.length);
          ex.getResponseBody().write(reply);
          ex.close();
        });
    server.start();
    try {
      Path event = temp.resolve("event.json");
      Files.writeString(event, "{\"pull_request\": {\"number\": 42}}");
      Map<String, String> env = new HashMap<>();
      env.put("INPUT_COMMAND", "report");
      env.put("INPUT_PATH", repo.toString());
      env.put("INPUT_COMMENT", "true");
      env.put("INPUT_SARIF", "true");
      env.put("INPUT_TOKEN", "t0ken");
      env.put("GITHUB_EVENT_PATH", event.toString());
      env.put("GITHUB_REPOSITORY", "acme/app");
      env.put("GITHUB_API_URL", "http://127.0.0.1:" + server.getAddress().getPort());
      Result first = run(env);
      assertThat(first.code).as(first.log).isZero();
      assertThat(Files.readString(Path.of(outputs().get("sarif-path"))))
          .contains("\"version\" : \"2.1.0\"");
      assertThat(Files.readString(summary)).isNotBlank();
      assertThat(requests).hasSize(2);
      assertThat(requests.get(0)).startsWith("GET /repos/acme/app/issues/42/comments Bearer t0ken");
      assertThat(requests.get(1))
          .startsWith("POST /repos/acme/app/issues/42/comments Bearer t0ken")
          .contains("<!-- pipeperf-verdict -->");
      requests.clear();
      existing[0] = "[{\"id\": 7, \"body\": \"<!-- pipeperf-verdict -->\\nold\"}]";
      Result second = run(env);
      assertThat(second.code).as(second.log).isZero();
      assertThat(requests.get(1))
          .startsWith("PATCH /repos/acme/app/issues/comments/7 Bearer t0ken");
    } finally {
      server.stop(0);
    }
  }

  record Result(int code, String log) {}

  Result run(Map<String, String> inputs) throws Exception {
    ProcessBuilder pb = new ProcessBuilder("bash", Path.of("action/run.sh").toString());
    Map<String, String> env = pb.environment();
    env.keySet().removeIf(k -> k.startsWith("INPUT_") || k.startsWith("GITHUB_"));
    env.put("PIPEPERF_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
    env.put("PIPEPERF_CLASSPATH", System.getProperty("java.class.path"));
    env.put("GITHUB_OUTPUT", outputs.toString());
    env.put("GITHUB_STEP_SUMMARY", summary.toString());
    env.put("RUNNER_TEMP", Files.createTempDirectory(temp, "runner").toString());
    env.putAll(inputs);
    Files.writeString(outputs, "");
    pb.redirectErrorStream(true);
    Process p = pb.start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Result(p.exitValue(), log);
  }

  Map<String, String> outputs() throws IOException {
    Map<String, String> out = new HashMap<>();
    for (String line : Files.readAllLines(outputs)) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        out.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return out;
  }

  private static boolean onPath(String tool) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    }
  }
}
