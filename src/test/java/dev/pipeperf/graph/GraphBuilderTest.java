package dev.pipeperf.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipeperf.config.DurationOverrides;
import dev.pipeperf.config.DurationValue;
import dev.pipeperf.estimate.Catalogue;
import dev.pipeperf.estimate.DurationRange;
import dev.pipeperf.estimate.StepEstimator;
import dev.pipeperf.workspace.Workspace;
import dev.pipeperf.workspace.WorkspaceLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The builder on small repositories: step DAGs, matrix waves, reusable workflows, actions. */
class GraphBuilderTest {

  @TempDir Path root;

  void write(String path, String text) throws IOException {
    Path p = root.resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  GraphBuilder.Result build(Map<String, DurationValue> steps, Map<String, DurationValue> jobs) {
    Workspace ws = WorkspaceLoader.load(root, null);
    assertThat(ws.diagnostics()).isEmpty();
    return GraphBuilder.build(
        ws,
        new StepEstimator(
            Catalogue.builtIn(), new DurationOverrides(jobs, steps, Map.of(), Map.of())));
  }

  static DurationValue s(double seconds) {
    return new DurationValue(seconds, seconds);
  }

  static final String RUNNER_FREE = "runs-on: self-hosted\n";

  @Test
  void aJobNeverRunsPastItsTimeoutAndStepsSkippedOnItsRunnerCostNothing() throws IOException {
    write(
        ".github/workflows/ci.yml",
        """
        on: push
        jobs:
          t:
            runs-on: ubuntu-latest
            timeout-minutes: 5
            steps:
              - run: mvn -B verify
              - if: runner.os == 'macOS'
                run: brew install verilator
              - if: failure()
                run: make debug-dump
        """);
    GraphBuilder.Result r = build(Map.of(), Map.of());
    CriticalPath cp = CriticalPath.of(r.graph());
    DurationRange job = cp.jobTimings().get(0).duration();
    assertThat(job.high()).isCloseTo(300.0, org.assertj.core.data.Offset.offset(1e-6));
    List<dev.pipeperf.graph.Node> nodes = r.graph().nodesOf(cp.jobTimings().get(0).job());
    assertThat(nodes)
        .filteredOn(n -> n.label().contains("brew") || n.label().contains("make"))
        .allSatisfy(n -> assertThat(n.estimate().range().isZero()).isTrue());
    assertThat(nodes)
        .filteredOn(n -> n.label().contains("mvn"))
        .allSatisfy(n -> assertThat(n.estimate().source()).contains("timeout-minutes: 5"));
  }

  @Test
  void backgroundWaitAndCancelShapeTheStepDag() throws IOException {
    write(
        ".github/workflows/ci.yml",
        """
        on: push
        jobs:
          t:
            runs-on: self-hosted
            steps:
              - id: db
                name: db
                run: start-db
                background: true
              - id: deps
                name: deps
                run: install
                background: true
              - name: lint
                run: lint
              - wait: deps
              - name: test
                run: test
              - cancel: db
        """);
    GraphBuilder.Result r =
        build(Map.of("t/db", s(600), "t/deps", s(60), "t/lint", s(20), "t/test", s(100)), Map.of());
    CriticalPath cp = CriticalPath.of(r.graph());
    // set-up (self-hosted, 5 s–1 min) + max(deps 60, lint 20) + test 100; db is cancelled, so its
    // 600 s no longer holds the job open.
    assertThat(cp.path(".github/workflows/ci.yml").length())
        .isEqualTo(DurationRange.ofSeconds(165, 220));
    assertThat(r.diagnostics()).isEmpty();
  }

  @Test
  void anUncancelledBackgroundStepHoldsTheJobOpen() throws IOException {
    write(
        ".github/workflows/ci.yml",
        """
        on: push
        jobs:
          t:
            runs-on: self-hosted
            steps:
              - {id: up, name: up, run: upload, background: true}
              - {name: build, run: build}
        """);
    CriticalPath cp =
        CriticalPath.of(build(Map.of("t/up", s(90), "t/build", s(30)), Map.of()).graph());
    assertThat(cp.path(".github/workflows/ci.yml").length())
        .isEqualTo(DurationRange.ofSeconds(95, 150));
  }

  @Test
  void aParallelGroupTakesItsLongestMember() throws IOException {
    write(
        ".github/workflows/ci.yml",
        """
        on: push
        jobs:
          t:
            runs-on: self-hosted
            steps:
              - parallel:
                  - {name: a, run: a}
                  - {name: b, run: b}
                  - {name: c, run: c}
              - {name: d, run: d}
        """);
    CriticalPath cp =
        CriticalPath.of(
            build(Map.of("t/a", s(10), "t/b", s(40), "t/c", s(25), "t/d", s(5)), Map.of()).graph());
    assertThat(cp.path(".github/workflows/ci.yml").length())
        .isEqualTo(DurationRange.ofSeconds(50, 105));
  }

  @Test
  void waitingForAnUnknownStepIsADiagnostic() throws IOException {
    write(
        ".github/workflows/ci.yml",
        """
        on: push
        jobs:
          t:
            runs-on: self-hosted
            steps:
              - run: a
              - wait: nope
        """);
    assertThat(build(Map.of(), Map.of()).diagnostics())
        .singleElement()
        .hasToString(
            ".github/workflows/ci.yml:7:9: wait: names \"nope\", which is no background step of job \"t\" before it [unknown-step]");
  }

  @Test
  void maxParallelRunsTheMatrixInWaves() throws IOException {
    write(
        ".github/workflows/ci.yml",
        """
        on: push
        jobs:
          t:
            runs-on: ubuntu-latest
            strategy:
              max-parallel: 2
              matrix:
                shard: [1, 2, 3, 4, 5]
            steps:
              - run: test
        """);
    GraphBuilder.Result r = build(Map.of(), Map.of("t", s(60)));
    CriticalPath cp = CriticalPath.of(r.graph());
    assertThat(r.graph().jobs()).hasSize(5);
    assertThat(r.graph().jobs().get(0).job().displayName()).isEqualTo("t (1)");
    // Five instances, two at a time: three waves of a minute.
    assertThat(cp.path(".github/workflows/ci.yml").length())
        .isEqualTo(DurationRange.ofSeconds(180));
  }

  @Test
  void localReusableWorkflowsAreExpandedAndRemoteOnesAreOpaque() throws IOException {
    write(
        ".github/workflows/ci.yml",
        """
        on: push
        jobs:
          build:
            runs-on: ubuntu-latest
            steps: [{run: make}]
          deploy:
            needs: build
            uses: ./.github/workflows/deploy.yml
          scan:
            needs: deploy
            uses: acme/shared/.github/workflows/scan.yml@v1
        """);
    write(
        ".github/workflows/deploy.yml",
        """
        on: workflow_call
        jobs:
          push:
            runs-on: ubuntu-latest
            steps: [{run: push}]
          rollout:
            needs: push
            runs-on: ubuntu-latest
            steps: [{run: rollout}]
        """);
    GraphBuilder.Result r =
        build(Map.of(), Map.of("build", s(60), "push", s(30), "rollout", s(45), "scan", s(120)));
    CriticalPath cp = CriticalPath.of(r.graph());
    assertThat(r.graph().jobs())
        .extracting(j -> j.job().displayName())
        .containsExactly("build", "deploy / push", "deploy / rollout", "scan");
    assertThat(r.graph().workflows())
        .extracting(PipelineGraph.WorkflowEntry::path)
        .containsExactly(".github/workflows/ci.yml");
    assertThat(cp.path(".github/workflows/ci.yml").length())
        .isEqualTo(DurationRange.ofSeconds(255));
  }

  @Test
  void compositeActionsAreExpandedInPlace() throws IOException {
    write(
        ".github/workflows/ci.yml",
        """
        on: push
        jobs:
          t:
            runs-on: self-hosted
            steps:
              - uses: ./.github/actions/setup
              - {name: test, run: test}
        """);
    write(
        ".github/actions/setup/action.yml",
        """
        name: setup
        runs:
          using: composite
          steps:
            - {name: deps, run: install, shell: bash}
            - {name: tools, run: tools, shell: bash}
        """);
    GraphBuilder.Result r =
        build(Map.of("t/deps", s(40), "t/tools", s(10), "t/test", s(50)), Map.of());
    List<String> labels =
        r.graph().nodes().stream()
            .filter(n -> n.subject() instanceof Subject.StepWork)
            .map(Node::label)
            .toList();
    assertThat(labels).containsExactly("deps", "tools", "test");
    assertThat(CriticalPath.of(r.graph()).path(".github/workflows/ci.yml").length())
        .isEqualTo(DurationRange.ofSeconds(105, 160));
  }

  @Test
  void aJobOverrideScalesItsStepsToTheExactTotal() throws IOException {
    write(
        ".github/workflows/ci.yml",
        """
        on: push
        jobs:
          t:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4
              - run: npm ci
              - run: npm test
        """);
    GraphBuilder.Result r = build(Map.of(), Map.of("t", new DurationValue(240, 300)));
    CriticalPath cp = CriticalPath.of(r.graph());
    assertThat(cp.path(".github/workflows/ci.yml").length().low())
        .isCloseTo(240, org.assertj.core.api.Assertions.within(1e-6));
    assertThat(cp.path(".github/workflows/ci.yml").length().high())
        .isCloseTo(300, org.assertj.core.api.Assertions.within(1e-6));
  }
}
