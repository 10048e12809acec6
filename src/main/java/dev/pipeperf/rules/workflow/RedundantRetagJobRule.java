package dev.pipeperf.rules.workflow;

import dev.pipeperf.graph.GraphEdit;
import dev.pipeperf.graph.JobInstance;
import dev.pipeperf.rules.Effort;
import dev.pipeperf.rules.Remedy;
import dev.pipeperf.rules.Rule;
import dev.pipeperf.rules.RuleContext;
import dev.pipeperf.rules.RuleInfo;
import dev.pipeperf.rules.StepKinds;
import dev.pipeperf.shell.Command;
import dev.pipeperf.shell.ShellCommands;
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
 * earlier job built. Tagging at build time makes it unnecessary. A job that merges per-platform
 * images into one manifest list is not a re-tag: builds spread over runners need it.
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
    if (job.callsReusableWorkflow() || job.needs().isEmpty() || job.environment() != null) {
      // A job in an environment is a gate (reviewers, wait timers, environment secrets): a
      // promotion to prod after approval cannot move into the build.
      return;
    }
    List<Step> work = new ArrayList<>();
    for (Step s : job.allSteps()) {
      if (!StepKinds.isSetup(s) && !s.isControl()) {
        work.add(s);
      }
    }
    if (work.isEmpty()
        || !work.stream().allMatch(StepKinds::isRetag)
        || work.stream().anyMatch(RedundantRetagJobRule::mergesManifests)) {
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
    ctx.finding(
            job.location(),
            "job "
                + job.id()
                + " only re-tags images built earlier, and it is on the critical path")
        .fix(fix)
        .remedy(Remedy.of(edits))
        .workflow(w.path())
        .subject(job.id())
        .report();
  }

  /** Options of {@code imagetools create} and {@code manifest create} that take a value. */
  private static final Set<String> VALUE_OPTIONS =
      Set.of(
          "-t", "--tag", "-f", "--file", "--annotation", "--builder", "--progress", "--platform");

  /**
   * True when the step assembles one multi-platform image from several sources ({@code docker
   * buildx imagetools create} or {@code docker manifest create} with two or more source images, or
   * sources from a command substitution or glob). That is the merge step of builds spread over
   * several runners: no tag at build time can replace it.
   */
  static boolean mergesManifests(Step s) {
    if (s.run() == null) {
      return false;
    }
    for (Command c : ShellCommands.split(s.run())) {
      List<String> w = c.words();
      int operandsFrom;
      int names;
      if (w.size() > 3
          && w.get(0).equals("docker")
          && w.get(1).equals("buildx")
          && w.get(2).equals("imagetools")
          && w.get(3).equals("create")) {
        operandsFrom = 4;
        names = 0;
      } else if (w.size() > 2
          && w.get(0).equals("docker")
          && w.get(1).equals("manifest")
          && w.get(2).equals("create")) {
        operandsFrom = 3;
        names = 1; // the first operand is the list being created
      } else {
        continue;
      }
      List<String> sources = new ArrayList<>();
      for (int i = operandsFrom; i < w.size(); i++) {
        String word = w.get(i);
        if (VALUE_OPTIONS.contains(word)) {
          i++;
        } else if (!word.startsWith("-")) {
          sources.add(word);
        }
      }
      List<String> images = sources.subList(Math.min(names, sources.size()), sources.size());
      if (images.size() >= 2
          || images.stream()
              .anyMatch(x -> x.contains("$(") || x.contains("`") || x.contains("*"))) {
        return true;
      }
    }
    return false;
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
