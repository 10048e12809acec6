package dev.pipeperf.rules.workflow;

import dev.pipeperf.graph.CriticalPath;
import dev.pipeperf.graph.JobInstance;
import dev.pipeperf.rules.Effort;
import dev.pipeperf.rules.Remedy;
import dev.pipeperf.rules.Rule;
import dev.pipeperf.rules.RuleContext;
import dev.pipeperf.rules.RuleInfo;
import dev.pipeperf.source.Severity;
import dev.pipeperf.workflow.Job;
import dev.pipeperf.workflow.Workflow;
import java.util.List;

/**
 * A job without {@code timeout-minutes} runs for up to GitHub's default of 360 minutes when it
 * hangs — six hours of runner bill and of a blocked pipeline. A timeout a few times the estimate
 * caps that.
 */
@RuleInfo(
    id = "PP015",
    name = "missing-timeout",
    severity = Severity.LOW,
    effort = Effort.LOW,
    effortHours = 0.25,
    summary = "A job has no timeout-minutes, so a hung run bills up to 360 minutes")
public final class MissingTimeoutRule implements Rule {

  @Override
  public void visitJob(Workflow w, Job job, RuleContext ctx) {
    if (job.callsReusableWorkflow()) {
      return;
    }
    if (job.timeoutLocation() != null) {
      // Present: a number, or an expression (${{ matrix.timeout }}) only known at run time.
      ctx.practice(
          "timeout",
          job.timeoutLocation(),
          "job "
              + job.id()
              + " has timeout-minutes"
              + (job.timeoutMinutes() != null ? ": " + job.timeoutMinutes() : ""));
      return;
    }
    List<JobInstance> instances = ctx.view().instances(w, job);
    double high = 0;
    for (JobInstance ji : instances) {
      CriticalPath.JobTiming t = ctx.view().schedule().jobTiming(ji);
      if (t != null) {
        high = Math.max(high, t.duration().high());
      }
    }
    int minutes = suggested(high);
    ctx.report(
        job.location(),
        "job "
            + job.id()
            + " has no timeout-minutes: a hung run bills up to "
            + Job.DEFAULT_TIMEOUT_MINUTES
            + " minutes",
        "Add `timeout-minutes: "
            + minutes
            + "` to job "
            + job.id()
            + " at "
            + job.location()
            + " (about three times its estimated "
            + Math.max(1, Math.round(high / 60))
            + " min).",
        Remedy.NONE,
        w.path(),
        job.id());
  }

  /** Three times the high estimate, rounded up to 5 minutes, at least 10. */
  static int suggested(double highSeconds) {
    int m = (int) Math.ceil(highSeconds * 3 / 60 / 5) * 5;
    return Math.max(10, m);
  }
}
