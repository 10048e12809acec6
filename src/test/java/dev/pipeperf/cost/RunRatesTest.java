package dev.pipeperf.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.pipeperf.source.SourceFile;
import dev.pipeperf.workflow.Workflow;
import dev.pipeperf.workflow.WorkflowParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunRatesTest {

  static final RunActivity A = RunActivity.DEFAULTS;

  static Workflow workflow(String file, String yaml) {
    return WorkflowParser.parse(SourceFile.of(".github/workflows/" + file, yaml)).model();
  }

  static RunRates.Result derive(Map<String, Double> configured, Workflow... ws) {
    return RunRates.derive(List.of(ws), A, configured, Map.of(), 252);
  }

  static RunRate rate(String yaml) {
    Workflow w =
        workflow(
            "w.yml",
            yaml + "\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n");
    return derive(Map.of(), w).byWorkflow().get(w.path());
  }

  static Map<String, Double> byLabel(RunRate r) {
    Map<String, Double> m = new java.util.LinkedHashMap<>();
    r.events().forEach(e -> m.put(e.label(), e.runsPerMonth()));
    return m;
  }

  @Test
  void aNightlyScheduleRunsAboutThirtyTimesAMonth() {
    RunRate r = rate("on:\n  schedule:\n    - cron: '0 3 * * *'");
    assertThat(r.runsPerMonth()).isCloseTo(30.44, within(0.01));
    assertThat(r.source()).isEqualTo(RunRate.Source.TRIGGERS);
    assertThat(r.events().get(0).assumption()).contains("0 3 * * *").contains("UTC");
    assertThat(r.events().get(0).waited()).isFalse();
  }

  @Test
  void schedulesAddUpAndSayTheirTimezone() {
    RunRate r =
        rate(
            "on:\n  schedule:\n    - cron: '0 3 * * *'\n    - cron: '0 15 * * 1-5'\n"
                + "      timezone: Europe/Paris");
    assertThat(r.runsPerMonth()).isCloseTo(30.44 + 21.74, within(0.01));
    assertThat(r.events().get(0).assumption()).contains("Europe/Paris");
  }

  @Test
  void anInvalidCronIsADiagnosticAtItsLine() {
    Workflow w =
        workflow(
            "w.yml",
            "on:\n  schedule:\n    - cron: '61 3 * * *'\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: make\n");
    RunRates.Result r = derive(Map.of(), w);
    assertThat(r.diagnostics()).hasSize(1);
    assertThat(r.diagnostics().get(0).toString()).contains("w.yml:3:").contains("invalid cron");
  }

  @Test
  void aTagOnlyReleaseRunsOnTagPushes() {
    RunRate r = rate("on:\n  push:\n    tags: ['v*']");
    assertThat(byLabel(r)).containsOnlyKeys("push tag");
    assertThat(r.runsPerMonth()).isEqualTo(2);
    assertThat(r.events().get(0).facts().ref()).isEqualTo("refs/tags/");
  }

  @Test
  void releaseEventsFireThreeTimesWithoutTypes() {
    assertThat(rate("on: release").runsPerMonth()).isEqualTo(6);
    assertThat(rate("on:\n  release:\n    types: [published]").runsPerMonth()).isEqualTo(2);
  }

  @Test
  void dispatchOnlyIsRare() {
    RunRate r = rate("on: workflow_dispatch");
    assertThat(r.runsPerMonth()).isEqualTo(2);
    assertThat(r.events().get(0).assumption()).contains("default");
  }

  @Test
  void pushAndPullRequestFollowTheActivityPerBranchFilter() {
    RunRate main = rate("on:\n  push:\n    branches: [main]\n  pull_request:");
    assertThat(byLabel(main))
        .containsEntry("push to main", 63.0)
        .containsEntry("pull_request", 252.0)
        .hasSize(2);
    // unfiltered push: the default branch, every pull-request branch push, and tags
    RunRate any = rate("on: [push, pull_request]");
    assertThat(byLabel(any))
        .containsEntry("push to main", 63.0)
        .containsEntry("push to other branches", 252.0)
        .containsEntry("push tag", 2.0)
        .containsEntry("pull_request", 252.0);
    // a long-lived branch other than the default
    assertThat(byLabel(rate("on:\n  push:\n    branches: [develop]")))
        .containsOnlyKeys("push to develop")
        .containsEntry("push to develop", 4.0);
  }

  @Test
  void pathFiltersLetThroughAConfigurableShare() {
    RunRate r = rate("on:\n  pull_request:\n    paths: ['src/**']");
    assertThat(r.runsPerMonth()).isEqualTo(126);
    assertThat(r.events().get(0).assumption()).contains("50%").contains("paths filter");
  }

  @Test
  void pullRequestTypesWithoutSynchronizeRunOncePerPullRequest() {
    assertThat(rate("on:\n  pull_request:\n    types: [opened]").runsPerMonth()).isEqualTo(63);
  }

  @Test
  void workflowRunFollowsTheWorkflowItNamesOnItsBranches() {
    Workflow ci =
        workflow(
            "ci.yml",
            "name: CI\non:\n  push:\n    branches: [main]\n  pull_request:\njobs:\n  a:\n"
                + "    runs-on: x\n    steps:\n      - run: make\n");
    Workflow deploy =
        workflow(
            "deploy.yml",
            "on:\n  workflow_run:\n    workflows: [CI]\n    types: [completed]\n"
                + "    branches: [main]\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: make\n");
    Workflow all =
        workflow(
            "all.yml",
            "on:\n  workflow_run:\n    workflows: [CI]\n    types: [completed]\njobs:\n  a:\n"
                + "    runs-on: x\n    steps:\n      - run: make\n");
    RunRates.Result r = derive(Map.of(), ci, deploy, all);
    assertThat(r.byWorkflow().get(deploy.path()).runsPerMonth()).isEqualTo(63);
    assertThat(r.byWorkflow().get(all.path()).runsPerMonth()).isEqualTo(315);
    assertThat(r.byWorkflow().get(deploy.path()).events().get(0).assumption()).contains("CI");
  }

  @Test
  void reusableOnlyWorkflowsRunWhenCalled() {
    RunRate r = rate("on:\n  workflow_call:");
    assertThat(r.runsPerMonth()).isZero();
    assertThat(r.assumption()).contains("workflow_call");
  }

  @Test
  void configBeatsTriggersAndObservedBeatsConfig() {
    Workflow w =
        workflow(
            "ci.yml",
            "name: CI\non: [push, pull_request]\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: make\n");
    RunRate configured = derive(Map.of("ci.yml", 100.0), w).byWorkflow().get(w.path());
    assertThat(configured.runsPerMonth()).isEqualTo(100);
    assertThat(configured.source()).isEqualTo(RunRate.Source.CONFIGURED);
    assertThat(configured.events().stream().mapToDouble(RunRate.Event::runsPerMonth).sum())
        .isCloseTo(100, within(1e-9));
    assertThat(configured.describe()).contains("configured").contains(".pipeperf.yml");

    RunRate observed =
        RunRates.derive(List.of(w), A, Map.of("CI", 100.0), Map.of(w.path(), 40.0), 252)
            .byWorkflow()
            .get(w.path());
    assertThat(observed.runsPerMonth()).isEqualTo(40);
    assertThat(observed.source()).isEqualTo(RunRate.Source.OBSERVED);
  }

  @Test
  void masterIsTheDefaultBranchWhereFiltersNameOnlyMaster() {
    RunRate r = rate("on:\n  push:\n    branches: [master]");
    assertThat(byLabel(r)).containsOnlyKeys("push to master");
  }

  @Test
  void branchFiltersFollowGitHubsGlobs() {
    assertThat(RunRates.matches("release/**", "release/1.2/x")).isTrue();
    assertThat(RunRates.matches("release/*", "release/1.2/x")).isFalse();
    assertThat(RunRates.admits(List.of("**", "!main"), List.of(), "main")).isFalse();
    assertThat(RunRates.admits(List.of(), List.of("translations**"), "main")).isTrue();
    List<String> none = new ArrayList<>();
    assertThat(RunRates.admits(none, none, "anything")).isTrue();
  }
}
