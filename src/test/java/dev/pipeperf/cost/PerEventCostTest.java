package dev.pipeperf.cost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipeperf.analysis.AnalysisResult;
import dev.pipeperf.analysis.Analyzer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole flow: triggers, if: per event and runners, down to each event's bill. */
class PerEventCostTest {

  @TempDir Path root;

  AnalysisResult analyze(String workflow, String config) throws IOException {
    Path dir = Files.createDirectories(root.resolve(".github/workflows"));
    Files.writeString(dir.resolve("ci.yml"), workflow);
    if (config != null) {
      Files.writeString(root.resolve(".pipeperf.yml"), config);
    }
    return Analyzer.analyze(Analyzer.Options.of(root));
  }

  static Map<String, WorkflowCost.EventCost> events(AnalysisResult r) {
    return r.costs().get(".github/workflows/ci.yml").events().stream()
        .collect(Collectors.toMap(e -> e.event().label(), e -> e));
  }

  static final String CI =
      """
      name: CI
      on:
        push:
          branches: [main]
        pull_request:
      jobs:
        test:
          runs-on: ubuntu-latest
          steps:
            - run: pytest
        never:
          if: false
          runs-on: ubuntu-latest
          steps:
            - run: pytest
        retry:
          needs: test
          if: failure()
          runs-on: ubuntu-latest
          steps:
            - run: pytest
        deploy:
          needs: test
          if: github.event_name == 'push' && github.ref == 'refs/heads/main'
          runs-on: ubuntu-latest
          steps:
            - run: pytest
        after-deploy:
          needs: deploy
          runs-on: ubuntu-latest
          steps:
            - run: pytest
        gpu:
          runs-on: [self-hosted, gpu]
          steps:
            - run: pytest
      """;

  @Test
  void jobsRunPerEventAsTheirConditionsSay() throws IOException {
    AnalysisResult r = analyze(CI, null);
    Map<String, WorkflowCost.EventCost> events = events(r);

    WorkflowCost.EventCost pr = events.get("pull_request");
    WorkflowCost.EventCost push = events.get("push to main");
    assertThat(pr.event().runsPerMonth()).isEqualTo(252);
    assertThat(push.event().runsPerMonth()).isEqualTo(63);
    assertThat(pr.notRun()).containsExactlyInAnyOrder("never", "deploy", "after-deploy");
    assertThat(push.notRun()).containsExactly("never");
    assertThat(pr.rarely()).containsExactly("retry");
    // the deploy chain is on the push's critical path, not the pull request's
    assertThat(push.criticalPath().high()).isGreaterThan(pr.criticalPath().high());
    // test only on a pull request, test + deploy + after-deploy on a push (gpu is self-hosted)
    assertThat(push.perRun().minutes().low()).isGreaterThan(pr.perRun().minutes().low());
    WorkflowCost c = r.costs().get(".github/workflows/ci.yml");
    double expected = pr.perRun().minutes().low() * 252 + push.perRun().minutes().low() * 63;
    assertThat(c.monthly().billableMinutes().low()).isEqualTo(expected);
    assertThat(c.runsAssumption()).contains("315 runs/month").contains("triggers");
  }

  @Test
  void selfHostedJobsBillNoGitHubMinutes() throws IOException {
    AnalysisResult r = analyze(CI, null);
    BillableMinutes bill = events(r).get("pull_request").perRun();
    BillableMinutes.Line gpu =
        bill.lines().stream().filter(l -> l.jobLabel().equals("gpu")).findFirst().orElseThrow();
    assertThat(gpu.dollars()).isEqualTo(Amount.ZERO);
    assertThat(gpu.assumption()).contains("self-hosted").contains("gpu");
    assertThat(bill.minutes().low()).isLessThan(gpu.minutes().low() + bill.minutes().low());
  }

  @Test
  void configSetsRunsAndVisibility() throws IOException {
    AnalysisResult r = analyze(CI, "runsPerMonth:\n  ci.yml: 100\nvisibility: public\n");
    WorkflowCost c = r.costs().get(".github/workflows/ci.yml");
    assertThat(c.runsPerMonth()).isEqualTo(100);
    assertThat(c.runsAssumption()).contains("configured");
    assertThat(c.monthly().runnerDollars()).isEqualTo(Amount.ZERO);
    assertThat(c.perRun().lines().get(0).assumption()).contains("free for public repositories");
  }

  @Test
  void aNightlyWorkflowIsBilledThirtyTimesAMonthAndNobodyWaits() throws IOException {
    AnalysisResult r =
        analyze(
            """
            on:
              schedule:
                - cron: '0 2 * * *'
            jobs:
              nightly:
                runs-on: ubuntu-latest
                steps:
                  - run: pytest
            """,
            null);
    WorkflowCost c = r.costs().get(".github/workflows/ci.yml");
    assertThat(c.runsPerMonth()).isBetween(30.4, 30.5);
    assertThat(c.monthly().waitingHours()).isEqualTo(Amount.ZERO);
    assertThat(c.monthly().billableMinutes().low())
        .isEqualTo(c.perRun().minutes().low() * c.runsPerMonth());
  }
}
