package dev.pipeperf.rules.workflow;

import dev.pipeperf.rules.Effort;
import dev.pipeperf.rules.Rule;
import dev.pipeperf.rules.RuleContext;
import dev.pipeperf.rules.RuleInfo;
import dev.pipeperf.rules.StepKinds;
import dev.pipeperf.shell.Command;
import dev.pipeperf.shell.ShellCommands;
import dev.pipeperf.source.Severity;
import dev.pipeperf.workflow.Job;
import dev.pipeperf.workflow.Step;
import dev.pipeperf.workflow.Workflow;
import java.util.List;

/**
 * Cloud Run deploys without startup CPU boost: new instances start on throttled CPU, so cold starts
 * take seconds longer (seed 000: 4–6 s → 1.2–2 s with boost). This is the service's latency, not CI
 * time, so the finding saves no pipeline minutes.
 */
@RuleInfo(
    id = "PP016",
    name = "cold-start-cpu-boost",
    severity = Severity.LOW,
    effort = Effort.LOW,
    effortHours = 0.25,
    summary = "A Cloud Run deploy does not enable startup CPU boost")
public final class ColdStartCpuBoostRule implements Rule {

  @Override
  public void visitStep(Workflow w, Job job, Step s, RuleContext ctx) {
    String a = StepKinds.action(s);
    if (a != null && a.equals("google-github-actions/deploy-cloudrun")) {
      if (s.with().containsKey("job") && !s.with().containsKey("service")) {
        return; // a Cloud Run job: it serves no requests, and has no startup CPU boost
      }
      String flags = s.with().getOrDefault("flags", "");
      if (flags.contains("--cpu-boost")) {
        ctx.practice("cpu-boost", s.location(), "Cloud Run deploy with startup CPU boost");
      } else if (!flags.contains("--no-cpu-boost")) {
        report(
            ctx,
            w,
            job,
            s,
            "Add `flags: --cpu-boost` under `with:` of " + a + " at " + s.location() + ".");
      }
      return;
    }
    if (s.run() == null || !s.run().contains("run")) {
      return;
    }
    for (Command c : ShellCommands.split(s.run())) {
      var words = c.words();
      int i = words.indexOf("gcloud");
      if (i < 0 || words.size() < i + 4) {
        continue;
      }
      int run = words.subList(i, words.size()).indexOf("run") + i;
      if (run < i || !deploysAService(words, run)) {
        continue;
      }
      if (words.contains("--cpu-boost")) {
        ctx.practice(
            "cpu-boost",
            s.runLocation() != null ? s.runLocation() : s.location(),
            "Cloud Run deploy with startup CPU boost");
      } else if (!words.contains("--no-cpu-boost")) {
        report(
            ctx,
            w,
            job,
            s,
            "Add `--cpu-boost` to the `gcloud run deploy` command at "
                + (s.runLocation() != null ? s.runLocation() : s.location())
                + ".");
      }
    }
  }

  /**
   * {@code gcloud [beta] run deploy} (or {@code run <group> deploy}), but not {@code gcloud run
   * jobs deploy}: Cloud Run jobs serve no requests, and {@code --cpu-boost} is no flag of theirs.
   */
  private static boolean deploysAService(List<String> words, int run) {
    String next = run + 1 < words.size() ? words.get(run + 1) : "";
    String after = run + 2 < words.size() ? words.get(run + 2) : "";
    return next.equals("deploy") || !next.equals("jobs") && after.equals("deploy");
  }

  private static void report(RuleContext ctx, Workflow w, Job job, Step s, String fix) {
    ctx.finding(
            s.runLocation() != null ? s.runLocation() : s.location(),
            "Cloud Run deploy in job "
                + job.id()
                + " does not enable startup CPU boost: cold starts run on throttled CPU")
        .fix(fix)
        .workflow(w.path())
        .subject(job.id() + "/" + s.displayName())
        .report();
  }
}
