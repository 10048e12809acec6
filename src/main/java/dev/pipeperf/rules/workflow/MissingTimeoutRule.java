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
    String coldRelease = coldReleaseBuild(job);
    String basis =
        " (about three times its estimated " + Math.max(1, Math.round(high / 60)) + " min).";
    if (coldRelease != null && minutes < COLD_RELEASE_FLOOR) {
      // A cold optimised Rust build (LTO, every dependency compiled) takes far longer than the
      // catalogue's step estimate: a timeout from the estimate would kill the release.
      minutes = COLD_RELEASE_FLOOR;
      basis =
          " (the job builds a release with "
              + coldRelease
              + ": a cold optimised build often takes 20–45 min, more than the estimated "
              + Math.max(1, Math.round(high / 60))
              + " min, so "
              + COLD_RELEASE_FLOOR
              + " min is an assumed floor; set it to about three times a recent run's duration).";
    }
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
            + basis,
        Remedy.NONE,
        w.path(),
        job.id());
  }

  /** Minutes a timeout for a cold Rust release build is never set under (assumed). */
  static final int COLD_RELEASE_FLOOR = 60;

  private static final java.util.regex.Pattern RELEASE_RUN =
      java.util.regex.Pattern.compile(
          "(?s).*\\b(cargo\\s+(?:\\+\\S+\\s+)?(?:build|install|zigbuild|auditable\\s+build)\\b[^\\n]*--release"
              + "|maturin\\s+build|cross\\s+build\\b[^\\n]*--release).*");

  private static final List<String> RELEASE_ACTIONS =
      List.of(
          "pyo3/maturin-action",
          "tauri-apps/tauri-action",
          "houseabsolute/actions-rust-cross",
          "taiki-e/upload-rust-binary-action");

  /** What makes the job a cold optimised Rust build (a command or action), or null. */
  static String coldReleaseBuild(Job job) {
    for (var st : job.allSteps()) {
      if (st.run() != null && RELEASE_RUN.matcher(st.run()).matches()) {
        String line =
            st.run()
                .lines()
                .filter(l -> l.matches(".*\\b(cargo|maturin|cross)\\b.*"))
                .findFirst()
                .orElse(st.run().strip().lines().findFirst().orElse(""))
                .strip();
        return "`" + (line.length() > 60 ? line.substring(0, 57) + "…" : line) + "`";
      }
      String a = st.action();
      if (a != null && RELEASE_ACTIONS.contains(a.toLowerCase(java.util.Locale.ROOT))) {
        return a;
      }
    }
    return null;
  }

  /** Three times the high estimate, rounded up to 5 minutes, at least 10. */
  static int suggested(double highSeconds) {
    int m = (int) Math.ceil(highSeconds * 3 / 60 / 5) * 5;
    return Math.max(10, m);
  }
}
