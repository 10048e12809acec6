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
import dev.pipeperf.workflow.Need;
import dev.pipeperf.workflow.Step;
import dev.pipeperf.workflow.Workflow;
import dev.pipeperf.workspace.BuildInvocation;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Seed 004's biggest win: a job on the critical path that only pulls, re-tags and pushes images an
 * earlier job built. Tagging at build time makes it unnecessary.
 */
@RuleInfo(
    id = "PP001",
    name = "redundant-retag-job",
    severity = Severity.HIGH,
    effort = Effort.LOW,
    effortHours = 4,
    summary = "A job on the critical path only re-tags images that an earlier job built")
public final class RedundantRetagJobRule implements Rule {

  @Override
  public void visitJob(Workflow w, Job job, RuleContext ctx) {
    if (job.callsReusableWorkflow() || job.needs().isEmpty()) {
      return;
    }
    List<Step> work = new ArrayList<>();
    for (Step s : job.allSteps()) {
      if (!StepKinds.isSetup(s) && !s.isControl()) {
        work.add(s);
      }
    }
    if (work.isEmpty() || !work.stream().allMatch(StepKinds::isRetag)) {
      return;
    }
    List<JobInstance> instances = ctx.view().instances(w, job);
    if (instances.stream().noneMatch(ctx.view()::onCriticalPath)) {
      return;
    }
    Job builder = builder(w, job);
    List<GraphEdit> edits = new ArrayList<>();
    instances.forEach(i -> edits.add(new GraphEdit.RemoveJob(i.key())));
    String where =
        builder == null
            ? "where the images are built"
            : "in job "
                + builder.id()
                + " ("
                + builder.location()
                + "), where the images are built";
    String fix =
        "Give the images their final tags "
            + where
            + ": add the tags this job writes (e.g. :${GITHUB_SHA} and, on main, :latest) to the build's"
            + " tags (the bake target's tags = [...] or build-push-action's tags:). Then delete job "
            + job.id()
            + " ("
            + job.location()
            + ") and point the jobs that need it at "
            + (builder == null ? "its needs" : builder.id())
            + ".";
    ctx.report(
        job.location(),
        "job " + job.id() + " only re-tags images built earlier, and it is on the critical path",
        fix,
        Remedy.of(edits),
        w.path(),
        job.id());
  }

  /** The nearest upstream job that builds images. */
  private static Job builder(Workflow w, Job job) {
    Deque<String> pending = new ArrayDeque<>();
    job.needs().forEach(n -> pending.add(n.jobId()));
    Set<String> seen = new HashSet<>();
    while (!pending.isEmpty()) {
      String id = pending.poll();
      if (!seen.add(id)) {
        continue;
      }
      Job j = w.job(id).orElse(null);
      if (j == null) {
        continue;
      }
      for (Step s : j.allSteps()) {
        if (!BuildInvocation.of(s).isEmpty()) {
          return j;
        }
      }
      for (Need n : j.needs()) {
        pending.add(n.jobId());
      }
    }
    return null;
  }
}
