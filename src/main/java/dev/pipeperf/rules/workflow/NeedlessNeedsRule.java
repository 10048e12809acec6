package dev.pipeperf.rules.workflow;

import dev.pipeperf.graph.GraphEdit;
import dev.pipeperf.graph.JobInstance;
import dev.pipeperf.graph.Node;
import dev.pipeperf.graph.PipelineGraph;
import dev.pipeperf.rules.Effort;
import dev.pipeperf.rules.Remedy;
import dev.pipeperf.rules.Rule;
import dev.pipeperf.rules.RuleContext;
import dev.pipeperf.rules.RuleInfo;
import dev.pipeperf.rules.StepKinds;
import dev.pipeperf.source.Severity;
import dev.pipeperf.source.SourceFile;
import dev.pipeperf.workflow.Expressions;
import dev.pipeperf.workflow.Job;
import dev.pipeperf.workflow.Need;
import dev.pipeperf.workflow.Step;
import dev.pipeperf.workflow.Workflow;
import dev.pipeperf.workspace.BuildInvocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A {@code needs} edge whose downstream job takes nothing from upstream — no outputs, no result, no
 * artifact, no image — and does not deliver anything (deploys, releases and pushes are kept in
 * order on purpose). The edge only serialises two jobs that could run side by side.
 */
@RuleInfo(
    id = "PP011",
    name = "needless-needs",
    severity = Severity.LOW,
    effort = Effort.LOW,
    effortHours = 0.5,
    summary =
        "A needs edge serialises two jobs although the later one uses nothing from the earlier",
    savingOnly = true)
public final class NeedlessNeedsRule implements Rule {

  /** Commands that read images from a registry: running them, or re-tagging and merging them. */
  private static final Pattern USES_IMAGES =
      Pattern.compile(
          "\\bdocker\\s+(pull|run|compose|tag|manifest|buildx\\s+imagetools|image\\s+(pull|tag))\\b"
              + "|\\b(crane|gcrane|skopeo|regctl|oras)\\s");

  @Override
  public void visitJob(Workflow w, Job job, RuleContext ctx) {
    if (job.needs().isEmpty()
        || job.callsReusableWorkflow()
        || gatesDelivery(w, job)
        || isReleaseWorkflow(w)) {
      return;
    }
    String text = allText(job) + source(ctx, w, job);
    // A job that waits for several jobs and uses none of them is a stage gate: run the expensive
    // part only once every check passed.
    long unused =
        job.needs().stream()
            .map(n -> w.job(n.jobId()).orElse(null))
            .filter(u -> u != null && !uses(job, text, u) && !sideEffect(job, text, u))
            .count();
    if (unused >= 2) {
      return;
    }
    for (Need need : job.needs()) {
      Job upstream = w.job(need.jobId()).orElse(null);
      if (upstream == null
          || uses(job, text, upstream)
          || sideEffect(job, text, upstream)
          || cheapGate(ctx, w, job, upstream)) {
        continue;
      }
      List<GraphEdit> edits = edgesToRemove(ctx, w, job, upstream);
      if (edits.isEmpty()) {
        continue;
      }
      ctx.report(
          need.location(),
          "job "
              + job.id()
              + " needs "
              + upstream.id()
              + " but uses nothing from it (no outputs, result, artifacts or images)",
          "Remove "
              + upstream.id()
              + " from the needs of job "
              + job.id()
              + " at "
              + need.location()
              + ", so both start as soon as they can. Keep it if "
              + job.id()
              + " must only run after "
              + upstream.id()
              + " succeeded (a gate): then say so in a comment with `# pipeperf-ignore PP011`.",
          Remedy.of(edits).onlyIfItSaves(),
          w.path(),
          job.id() + "<-" + upstream.id());
    }
  }

  /** Per workflow, the jobs that gate delivery; rules are fresh per run, so this is per run. */
  private final java.util.Map<Workflow, java.util.Set<String>> gating =
      new java.util.IdentityHashMap<>();

  /**
   * True when the job, or any job after it, deploys, releases or pushes: its needs then keep
   * untested work from being delivered, even when nothing is passed along.
   */
  private boolean gatesDelivery(Workflow w, Job job) {
    return gating.computeIfAbsent(w, NeedlessNeedsRule::gatingJobs).contains(job.id());
  }

  /**
   * The delivering jobs and everything they need, transitively: one walk up the needs from the
   * delivering jobs, O(jobs + needs) per workflow (a walk down per job was cubic on long chains).
   */
  private static java.util.Set<String> gatingJobs(Workflow w) {
    java.util.Map<String, Job> byId = new java.util.HashMap<>();
    w.jobs().forEach(j -> byId.putIfAbsent(j.id(), j));
    java.util.ArrayDeque<Job> pending = new java.util.ArrayDeque<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (Job j : w.jobs()) {
      if (j.callsReusableWorkflow() || j.allSteps().stream().anyMatch(StepKinds::isDelivery)) {
        pending.add(j);
      }
    }
    while (!pending.isEmpty()) {
      Job j = pending.poll();
      if (!seen.add(j.id())) {
        continue;
      }
      for (String up : j.needIds()) {
        Job u = byId.get(up);
        if (u != null && !seen.contains(up)) {
          pending.add(u);
        }
      }
    }
    return seen;
  }

  /** True when the downstream job refers to the upstream one or consumes what it produces. */
  private static boolean uses(Job job, String text, Job upstream) {
    // A clean-up job (deleting test images, tearing down an environment) must run after the jobs
    // that use what it removes, even though it reads nothing from them.
    if (isCleanup(job) && (touchesResources(upstream) || isCleanup(upstream))) {
      return true;
    }
    for (Expressions.Reference r : Expressions.referencesInTemplate(text)) {
      // `toJSON(needs)` (alls-green and other aggregators) reads every needed job's result.
      if (r.context().equals("needs")
          && (r.first() == null
              || r.first().isEmpty()
              || upstream.id().equalsIgnoreCase(r.first())
              || "*".equals(r.first()))) {
        return true;
      }
    }
    if (text.matches("(?s).*\\btoJSON\\(\\s*needs\\s*\\).*")
        || text.contains("re-actors/alls-green")) {
      return true;
    }
    if (job.ifCondition() != null) {
      for (Expressions.Reference r : Expressions.referencesInCondition(job.ifCondition())) {
        if (r.context().equals("needs")) {
          return true;
        }
      }
      // always() only says "whatever happened upstream": it orders nothing on a particular job.
      // failure() and cancelled() do look at the needed jobs' results.
      if (job.ifCondition().matches("(?s).*\\b(failure|cancelled)\\s*\\(.*")) {
        return true;
      }
    }
    boolean uploads =
        upstream.allSteps().stream()
            .anyMatch(s -> "actions/upload-artifact".equals(StepKinds.action(s)));
    boolean downloads =
        job.allSteps().stream()
            .anyMatch(s -> "actions/download-artifact".equals(StepKinds.action(s)));
    if (uploads && downloads) {
      return true;
    }
    boolean publishesImages =
        upstream.allSteps().stream()
            .anyMatch(
                s ->
                    BuildInvocation.of(s).stream().anyMatch(BuildInvocation::push)
                        || (s.run() != null && s.run().contains("docker push")));
    boolean usesImages =
        job.container() != null
            || !job.services().isEmpty()
            || job.allSteps().stream()
                .anyMatch(
                    s ->
                        s.run() != null && USES_IMAGES.matcher(s.run()).find()
                            || StepKinds.isRetag(s)
                            || (s.uses() != null && s.uses().startsWith("docker://"))
                            || s.with().containsKey("image")
                            || s.with().containsKey("image-ref")
                            || s.with().containsKey("subject-name")
                            || isImageScanner(s));
    return publishesImages && usesImages;
  }

  /** Pushing commits or tags to the repository, by hand or through an action. */
  private static final Pattern PUSHES_GIT =
      Pattern.compile(
          "\\bgit\\s+(-C\\s+\\S+\\s+)?push\\b|stefanzweifel/git-auto-commit-action|peter-evans/create-pull-request"
              + "|EndBug/add-and-commit|ad-m/github-push-action");

  /**
   * True when the downstream job reads what the upstream one left outside the job: a branch it
   * pushed (the next job checks it out), a cache it saved (the next restores it), an image it built
   * and pushed to a registry (the next scans {@code registry://} or pulls it), or anything a called
   * reusable workflow produced (its jobs are out of sight).
   */
  private static boolean sideEffect(Job job, String text, Job upstream) {
    String up = allText(upstream);
    boolean checksOut =
        job.allSteps().stream().anyMatch(s -> "actions/checkout".equals(StepKinds.action(s)))
            || text.matches("(?s).*\\bgit\\s+(pull|fetch)\\b.*");
    if (PUSHES_GIT.matcher(up).find() && checksOut) {
      return true;
    }
    boolean savesCache =
        upstream.allSteps().stream()
            .anyMatch(
                s -> {
                  String a = StepKinds.action(s);
                  return "actions/cache".equals(a) || "actions/cache/save".equals(a);
                });
    boolean restoresCache =
        job.allSteps().stream()
            .anyMatch(
                s -> {
                  String a = StepKinds.action(s);
                  return "actions/cache".equals(a) || "actions/cache/restore".equals(a);
                });
    if (savesCache && restoresCache) {
      return true;
    }
    boolean buildsImage =
        upstream.allSteps().stream().anyMatch(s -> !BuildInvocation.of(s).isEmpty())
            || up.contains("docker/bake-action")
            || up.contains("docker/build-push-action");
    if (buildsImage && (text.contains("registry://") || USES_IMAGES.matcher(text).find())) {
      return true;
    }
    return upstream.callsReusableWorkflow();
  }

  /**
   * True when the upstream job is a quick check in front of a much longer or costlier job (lint
   * before a GPU or integration run): removing the edge bills the long job on every pull request
   * that fails the check, which is the gate's whole point.
   */
  private static boolean cheapGate(RuleContext ctx, Workflow w, Job job, Job upstream) {
    double upHigh = 0;
    boolean upHosted = true;
    for (JobInstance ji : ctx.view().instances(w, upstream)) {
      var t = ctx.view().schedule().jobTiming(ji);
      if (t != null) {
        upHigh = Math.max(upHigh, t.duration().high());
      }
      upHosted &= !costly(ji);
    }
    double downLow = 0;
    boolean downCostly = false;
    for (JobInstance ji : ctx.view().instances(w, job)) {
      var t = ctx.view().schedule().jobTiming(ji);
      if (t != null) {
        downLow += t.duration().low();
      }
      downCostly |= costly(ji);
    }
    return (upHosted && downCostly) || (upHigh > 0 && downLow >= GATE_RATIO * upHigh);
  }

  /** A downstream job costing this many times the upstream one makes the upstream a gate. */
  static final double GATE_RATIO = 3;

  /** Self-hosted, GPU or larger runners: their minutes are what a cheap gate protects. */
  private static boolean costly(JobInstance ji) {
    if (ji.runsOn() == null) {
      return false;
    }
    var kind = dev.pipeperf.cost.RunnerKind.fromLabels(ji.runsOn().labels());
    return kind.selfHosted()
        || ji.runsOn().labels().stream()
            .anyMatch(
                l -> l.matches("(?i).*(gpu|cuda|nvidia|a100|h100|v100|large|xlarge|cores).*"));
  }

  /**
   * A workflow that releases or publishes (by its event, file name or name): its jobs run in the
   * order a release needs, and a release is not what developers wait for.
   */
  private static boolean isReleaseWorkflow(Workflow w) {
    if (w.triggers().stream().anyMatch(t -> t.event().equals("release"))) {
      return true;
    }
    String names = (w.path() + " " + (w.name() == null ? "" : w.name())).toLowerCase(Locale.ROOT);
    return names.matches("(?s).*(release|publish|deploy).*");
  }

  private static final java.util.regex.Pattern CLEANUP =
      java.util.regex.Pattern.compile(
          "(?i)\\b(clean[ -]?up|delete|remove|prune|teardown|tear down|destroy)\\b|--method\\s+DELETE|-X\\s*DELETE");

  private static boolean isCleanup(Job job) {
    if (CLEANUP.matcher(job.id() + " " + (job.name() == null ? "" : job.name())).find()) {
      return true;
    }
    return job.allSteps().stream()
        .anyMatch(
            s ->
                CLEANUP
                    .matcher(
                        (s.name() == null ? "" : s.name()) + " " + (s.run() == null ? "" : s.run()))
                    .find());
  }

  /** True when a job builds, pulls, runs or uploads something a later clean-up could remove. */
  private static boolean touchesResources(Job job) {
    return job.container() != null
        || !job.services().isEmpty()
        || job.allSteps().stream()
            .anyMatch(
                s ->
                    !BuildInvocation.of(s).isEmpty()
                        || (s.run() != null
                            && s.run()
                                .matches(
                                    "(?s).*\\b(docker|podman|kubectl|helm|terraform|gcloud|aws)\\b.*"))
                        || "actions/upload-artifact".equals(StepKinds.action(s)));
  }

  /** Actions that read a published image: scanners, signers, SBOM and provenance tools. */
  private static boolean isImageScanner(Step s) {
    String a = StepKinds.action(s);
    return a != null
        && a.matches(
            "docker/scout-action|aquasecurity/trivy-action|anchore/scan-action|anchore/sbom-action|snyk/actions/docker|sigstore/.*|actions/attest-build-provenance|docker/github-builder.*");
  }

  private static String allText(Job job) {
    StringBuilder sb = new StringBuilder();
    sb.append(job.name()).append('\n').append(job.runsOn()).append('\n');
    job.outputs().values().forEach(v -> sb.append(v).append('\n'));
    job.with().values().forEach(v -> sb.append(v).append('\n'));
    if (job.container() != null) {
      sb.append(job.container().image()).append('\n');
    }
    job.services().forEach(c -> sb.append(c.image()).append('\n'));
    if (job.concurrency() != null) {
      sb.append(job.concurrency().group()).append('\n');
    }
    sb.append(job.environment()).append('\n');
    if (job.strategy() != null) {
      sb.append(job.strategy()).append('\n');
    }
    for (Step s : job.allSteps()) {
      sb.append(s.run())
          .append('\n')
          .append(s.uses())
          .append('\n')
          .append(s.ifCondition())
          .append('\n')
          .append(s.name())
          .append('\n');
      for (Map<String, String> m : List.of(s.with(), s.env())) {
        m.values().forEach(v -> sb.append(v).append('\n'));
      }
      if (s.ifCondition() != null && !Expressions.containsExpression(s.ifCondition())) {
        sb.append("${{ ").append(s.ifCondition()).append(" }}\n");
      }
    }
    return sb.toString();
  }

  /**
   * The job's lines as written, comments left out. The model keeps no job-level {@code env:},
   * {@code defaults:} or environment URL, and a {@code needs.<job>} reference there is as much a
   * use as one in a step.
   */
  private static String source(RuleContext ctx, Workflow w, Job job) {
    SourceFile file = ctx.view().workspace().sources().get(job.location().file());
    int from = job.location().line();
    if (file == null || from <= 0) {
      return "";
    }
    int to = file.lineCount();
    for (Job other : w.jobs()) {
      int line = other.location().line();
      if (line > from && line <= to && other.location().file().equals(job.location().file())) {
        to = line - 1;
      }
    }
    StringBuilder sb = new StringBuilder();
    for (int i = from; i <= to; i++) {
      String line = file.line(i);
      if (!line.strip().startsWith("#")) {
        sb.append(line).append('\n');
      }
    }
    return sb.toString();
  }

  private static List<GraphEdit> edgesToRemove(RuleContext ctx, Workflow w, Job job, Job upstream) {
    PipelineGraph g = ctx.view().graph();
    List<GraphEdit> out = new ArrayList<>();
    for (JobInstance ji : ctx.view().instances(w, job)) {
      PipelineGraph.JobSpan span = g.span(ji);
      if (span == null) {
        continue;
      }
      Node start = g.node(span.start());
      for (Node p : g.predecessorsOf(start)) {
        boolean fromUpstream =
            (p.job() != null && p.job().job() == upstream)
                || p.id().equals(ji.workflow() + ":" + prefix(ji) + upstream.id() + ":done");
        if (fromUpstream) {
          out.add(new GraphEdit.RemoveEdge(p.id(), start.id()));
        }
      }
    }
    return out;
  }

  private static String prefix(JobInstance ji) {
    String path = ji.jobPath();
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash + 1);
  }
}
