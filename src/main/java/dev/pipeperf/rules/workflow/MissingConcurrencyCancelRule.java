package dev.pipeperf.rules.workflow;

import dev.pipeperf.rules.Effort;
import dev.pipeperf.rules.Remedy;
import dev.pipeperf.rules.Rule;
import dev.pipeperf.rules.RuleContext;
import dev.pipeperf.rules.RuleInfo;
import dev.pipeperf.source.Location;
import dev.pipeperf.source.Severity;
import dev.pipeperf.workflow.Job;
import dev.pipeperf.workflow.Trigger;
import dev.pipeperf.workflow.Workflow;
import java.util.List;

/**
 * A workflow that runs on pull requests without {@code concurrency} + {@code cancel-in-progress}:
 * every push to a pull request leaves the previous, now useless run billing to the end.
 */
@RuleInfo(
    id = "PP014",
    name = "missing-concurrency-cancel",
    severity = Severity.LOW,
    effort = Effort.LOW,
    effortHours = 0.25,
    summary = "A pull-request workflow does not cancel superseded runs")
public final class MissingConcurrencyCancelRule implements Rule {

  /**
   * The share of pull-request runs superseded by a newer push while still running. Public data on
   * this is thin; 15% is a conservative reading of teams that push fix-ups to open pull requests (a
   * second push within a run's duration). The saving scales with it.
   */
  static final double SUPERSEDED_SHARE = 0.15;

  @Override
  public void visitWorkflow(Workflow w, RuleContext ctx) {
    if (!w.runsOnPullRequests()) {
      return;
    }
    if (w.concurrency() != null && w.concurrency().mayCancelInProgress()) {
      ctx.practice(
          "concurrency-cancel",
          w.concurrency().location(),
          "cancels superseded runs (concurrency with cancel-in-progress)");
      return;
    }
    List<Job> jobs = w.jobs();
    if (!jobs.isEmpty()
        && jobs.stream()
            .allMatch(j -> j.concurrency() != null && j.concurrency().mayCancelInProgress())) {
      return;
    }
    Location at =
        w.triggers().stream()
            .filter(t -> t.event().startsWith("pull_request"))
            .findFirst()
            .map(Trigger::location)
            .orElse(w.location());
    ctx.report(
        at,
        "workflow "
            + w.displayName()
            + " runs on pull requests but does not cancel superseded runs",
        "Add at the top level of "
            + w.path()
            + ":\n"
            + "concurrency:\n"
            + "  group: ${{ github.workflow }}-${{ github.event.pull_request.number || github.ref }}\n"
            + "  cancel-in-progress: ${{ github.event_name == 'pull_request' }}",
        new Remedy(List.of(), SUPERSEDED_SHARE, new double[] {0, 0}),
        w.path(),
        "concurrency");
  }
}
