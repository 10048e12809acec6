package dev.pipeperf.rules.workflow;

import dev.pipeperf.estimate.DurationRange;
import dev.pipeperf.graph.GraphEdit;
import dev.pipeperf.graph.JobInstance;
import dev.pipeperf.graph.Node;
import dev.pipeperf.rules.Effort;
import dev.pipeperf.rules.Remedy;
import dev.pipeperf.rules.Rule;
import dev.pipeperf.rules.RuleContext;
import dev.pipeperf.rules.RuleInfo;
import dev.pipeperf.rules.StepKinds;
import dev.pipeperf.source.Severity;
import dev.pipeperf.workflow.Job;
import dev.pipeperf.workflow.Step;
import dev.pipeperf.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A long test step on the critical path that runs the whole suite in one process on one runner.
 * Splitting it into shards (a matrix) shortens the run and multiplies that job's bill — the finding
 * shows both.
 */
@RuleInfo(
    id = "PP009",
    name = "serial-test-suite",
    severity = Severity.MEDIUM,
    effort = Effort.MEDIUM,
    effortHours = 8,
    summary = "A long test suite on the critical path runs serially, with no sharding",
    savingOnly = true)
public final class SerialTestSuiteRule implements Rule {

  /** Below this (high bound), splitting costs more in set-up than it saves. */
  static final double MIN_SECONDS = 180;

  static final int SHARDS = 2;

  /** What each shard adds: test collection and process start. */
  static final DurationRange SHARD_OVERHEAD = DurationRange.ofSeconds(10, 30);

  private static final Pattern SHARDED =
      Pattern.compile(
          "(\\s-n\\s|\\s-n=|--numprocesses|--dist\\b|--splits\\b|--shard|--group\\b|--parallel\\b|tests\\s+split|--total-groups|-p\\s+\\d)");

  private static boolean selfHosted(JobInstance ji) {
    return ji.runsOn() != null
        && dev.pipeperf.cost.RunnerKind.fromLabels(ji.runsOn().labels()).selfHosted();
  }

  @Override
  public void visitJob(Workflow w, Job job, RuleContext ctx) {
    boolean matrixShards =
        job.strategy() != null
            && job.strategy().matrix() != null
            && job.strategy().matrix().axes().stream()
                .anyMatch(a -> a.matches("(?i).*(shard|split|group|chunk|part|slice).*"));
    if (matrixShards) {
      return;
    }
    for (Step s : job.allSteps()) {
      if (!StepKinds.isTest(s) || SHARDED.matcher(" " + s.run() + " ").find()) {
        continue;
      }
      List<GraphEdit> edits = new ArrayList<>();
      DurationRange longest = DurationRange.ZERO;
      for (JobInstance ji : ctx.view().instances(w, job)) {
        Node n = ctx.view().stepNode(ji, s).orElse(null);
        // Only a suite known to be long (its low estimate, not a default guess's high end) on a
        // hosted runner: a shard of a self-hosted GPU suite needs a second GPU machine.
        if (n != null
            && ctx.view().onCriticalPath(n)
            && n.estimate().range().low() >= MIN_SECONDS
            && !selfHosted(ji)) {
          edits.add(new GraphEdit.SplitIntoShards(n.id(), SHARDS, SHARD_OVERHEAD));
          longest = longest.max(n.estimate().range());
        }
      }
      if (edits.isEmpty()) {
        continue;
      }
      boolean python = s.run().matches("(?s).*\\b(pytest|py\\.test)\\b.*");
      String how =
          python
              ? "add strategy.matrix.shard: [1, 2] to job "
                  + job.id()
                  + " and run `pytest --splits 2 --group ${{ matrix.shard }}` (pytest-split); or, on one"
                  + " runner and without a second bill, `pytest -n auto` (pytest-xdist) when the runner has"
                  + " cores to spare"
              : "add strategy.matrix.shard: [1, 2] to job "
                  + job.id()
                  + " and give each shard half of the tests (e.g. jest/playwright --shard ${{ matrix.shard }}/2,"
                  + " go test per package group)";
      ctx.finding(
              s.runLocation() != null ? s.runLocation() : s.location(),
              "the test suite of job "
                  + job.id()
                  + " ("
                  + longest.format()
                  + ") runs serially on the critical path")
          .fix(
              "Split it into "
                  + SHARDS
                  + " shards: "
                  + how
                  + ". Each shard bills its own runner: this job's"
                  + " minutes are multiplied by "
                  + SHARDS
                  + ".")
          .remedy(Remedy.of(edits))
          .workflow(w.path())
          .subject(job.id() + "/" + s.displayName())
          .report();
    }
  }
}
