package dev.pipeperf.rules.workflow;

import dev.pipeperf.graph.GraphEdit;
import dev.pipeperf.graph.JobInstance;
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
 * A housekeeping job at the end of every run — deleting the run's test images or packages — that
 * keeps the run open after the checks have passed. A scheduled clean-up with a retention rule
 * (delete what is older than a day) does the same without holding any run open.
 */
@RuleInfo(
    id = "PP020",
    name = "per-run-cleanup-job",
    severity = Severity.LOW,
    effort = Effort.LOW,
    effortHours = 2,
    summary = "A clean-up job holds every run open at its end; a scheduled clean-up would not",
    savingOnly = true)
public final class PerRunCleanupJobRule implements Rule {

  private static final Pattern DELETES =
      Pattern.compile(
          "(?i)--method\\s+DELETE|-X\\s*DELETE|\\b(docker|podman)\\s+(image\\s+)?(rmi|rm|prune)\\b|\\b(crane|regctl)\\s+(delete|image\\s+delete)\\b"
              + "|\\bgcloud\\s+(artifacts|container)\\s+.*\\bdelete\\b|\\baws\\s+ecr\\s+batch-delete-image\\b");

  @Override
  public void visitJob(Workflow w, Job job, RuleContext ctx) {
    if (job.needs().isEmpty()
        || job.callsReusableWorkflow()
        || job.allSteps().stream().anyMatch(StepKinds::isTest)) {
      return;
    }
    List<Step> work =
        job.allSteps().stream().filter(s -> !StepKinds.isSetup(s) && !s.isControl()).toList();
    boolean cleanupOnly = !work.isEmpty() && work.stream().allMatch(PerRunCleanupJobRule::deletes);
    boolean actionCleanup =
        work.stream()
            .anyMatch(
                s ->
                    "actions/delete-package-versions".equals(StepKinds.action(s))
                        || "dataaxiom/ghcr-cleanup-action".equals(StepKinds.action(s)));
    if (!cleanupOnly && !actionCleanup) {
      return;
    }
    List<GraphEdit> edits = new ArrayList<>();
    for (JobInstance ji : ctx.view().instances(w, job)) {
      edits.add(new GraphEdit.RemoveJob(ji.key()));
    }
    ctx.finding(
            job.location(),
            "job "
                + job.id()
                + " cleans up at the end of every run, holding the run open after its checks")
        .fix(
            "Delete job "
                + job.id()
                + " ("
                + job.location()
                + ") and clean up on a schedule instead: a workflow with"
                + " `on: schedule` (e.g. nightly) that deletes what is older than a day — for GHCR,"
                + " `actions/delete-package-versions` with `min-versions-to-keep`, or the registry's own retention"
                + " policy. Tag per-run images so the rule can find them (e.g. `test-${{ github.sha }}`).")
        .remedy(Remedy.of(edits))
        .workflow(w.path())
        .subject(job.id())
        .report();
  }

  /** True when every command of the step deletes something (shell plumbing aside). */
  private static boolean deletes(Step s) {
    if (s.run() == null) {
      return false;
    }
    boolean any = false;
    for (dev.pipeperf.shell.Command c : dev.pipeperf.shell.ShellCommands.split(s.run())) {
      List<String> w = c.words();
      if (w.isEmpty()
          || PLUMBING.contains(w.get(0))
          || (w.get(0).contains("=") && !w.get(0).startsWith("-"))) {
        continue;
      }
      if (!DELETES.matcher(String.join(" ", w)).find()) {
        return false;
      }
      any = true;
    }
    return any;
  }

  private static final java.util.Set<String> PLUMBING =
      java.util.Set.of(
          "echo", "set", "export", "true", "printf", "if", "then", "fi", "for", "do", "done", "[",
          "test");
}
