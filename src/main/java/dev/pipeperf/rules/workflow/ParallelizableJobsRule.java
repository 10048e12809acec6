package dev.pipeperf.rules.workflow;

import dev.pipeperf.estimate.DurationRange;
import dev.pipeperf.graph.GraphEdit;
import dev.pipeperf.graph.JobInstance;
import dev.pipeperf.graph.Node;
import dev.pipeperf.graph.PipelineGraph;
import dev.pipeperf.graph.Subject;
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

/**
 * A long job on the critical path that runs its checks (linters, type checkers) before a long test
 * run on the same runner: the two halves are independent, and the tests want the runner's CPUs to
 * themselves. As two jobs they run side by side; the new job pays its own set-up, which the finding
 * bills — it is only reported when the critical path gains more than that costs.
 */
@RuleInfo(
    id = "PP018",
    name = "parallelizable-jobs",
    severity = Severity.LOW,
    effort = Effort.MEDIUM,
    effortHours = 3,
    summary = "A long job runs independent checks and tests in sequence; as two jobs they overlap",
    savingOnly = true)
public final class ParallelizableJobsRule implements Rule {

  static final double MIN_CHECK_SECONDS = 60;

  @Override
  public void visitJob(Workflow w, Job job, RuleContext ctx) {
    List<Step> steps = job.allSteps();
    List<Step> checks = steps.stream().filter(StepKinds::isCheck).toList();
    List<Step> tests = steps.stream().filter(StepKinds::isTest).toList();
    if (checks.isEmpty()
        || tests.isEmpty()
        || steps.indexOf(checks.get(checks.size() - 1)) > steps.indexOf(tests.get(0))) {
      return;
    }
    for (JobInstance ji : ctx.view().instances(w, job)) {
      if (!ctx.view().onCriticalPath(ji)) {
        continue;
      }
      PipelineGraph g = ctx.view().graph();
      DurationRange checkTime = DurationRange.ZERO;
      DurationRange setupTime = DurationRange.ZERO;
      List<GraphEdit> edits = new ArrayList<>();
      for (Node n : g.nodesOf(ji)) {
        if (n.subject() instanceof Subject.JobSetup) {
          setupTime = setupTime.plus(n.estimate().range());
        } else if (n.subject() instanceof Subject.StepWork sw) {
          if (checks.contains(sw.step())) {
            checkTime = checkTime.plus(n.estimate().range());
            edits.add(new GraphEdit.RemoveNode(n.id()));
          } else if (StepKinds.isSetup(sw.step())) {
            setupTime = setupTime.plus(n.estimate().range());
          }
        }
      }
      // The moved checks only help while the new job (set-up + checks) ends before the rest.
      if (checkTime.high() < MIN_CHECK_SECONDS || checkTime.high() <= setupTime.high()) {
        continue;
      }
      ctx.finding(
              checks.get(0).location(),
              "job "
                  + job.id()
                  + " runs "
                  + checks.size()
                  + " check step(s) ("
                  + checkTime.format()
                  + ") before its tests on the same runner")
          .fix(
              "Move the checks ("
                  + String.join(", ", checks.stream().map(Step::displayName).toList())
                  + ") into a job of their own with the same set-up steps, with no needs between the two,"
                  + " so they run beside the tests. The new job bills its own set-up (about "
                  + setupTime.format()
                  + " per run).")
          .remedy(
              Remedy.of(edits)
                  .withExtraBilledSeconds(
                      setupTime.low() + checkTime.low(), setupTime.high() + checkTime.high()))
          .workflow(w.path())
          .subject(job.id())
          .report();
      return;
    }
  }
}
