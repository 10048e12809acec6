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
import dev.pipeperf.workflow.Expressions;
import dev.pipeperf.workflow.Job;
import dev.pipeperf.workflow.Need;
import dev.pipeperf.workflow.Step;
import dev.pipeperf.workflow.Workflow;
import dev.pipeperf.workspace.BuildInvocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
        "A needs edge serialises two jobs although the later one uses nothing from the earlier")
public final class NeedlessNeedsRule implements Rule {

  @Override
  public void visitJob(Workflow w, Job job, RuleContext ctx) {
    if (job.needs().isEmpty()
        || job.callsReusableWorkflow()
        || job.allSteps().stream().anyMatch(StepKinds::isDelivery)) {
      return;
    }
    String text = allText(job);
    for (Need need : job.needs()) {
      Job upstream = w.job(need.jobId()).orElse(null);
      if (upstream == null || uses(job, text, upstream)) {
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
          Remedy.of(edits),
          w.path(),
          job.id() + "<-" + upstream.id());
    }
  }

  /** True when the downstream job refers to the upstream one or consumes what it produces. */
  private static boolean uses(Job job, String text, Job upstream) {
    for (Expressions.Reference r : Expressions.referencesInTemplate(text)) {
      if (r.context().equals("needs")
          && (upstream.id().equalsIgnoreCase(r.first()) || "*".equals(r.first()))) {
        return true;
      }
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
                        s.run() != null
                                && s.run().matches("(?s).*\\bdocker\\s+(pull|run|compose)\\b.*")
                            || (s.uses() != null && s.uses().startsWith("docker://")));
    return publishesImages && usesImages;
  }

  private static String allText(Job job) {
    StringBuilder sb = new StringBuilder();
    sb.append(job.name()).append('\n').append(job.runsOn()).append('\n');
    job.outputs().values().forEach(v -> sb.append(v).append('\n'));
    job.with().values().forEach(v -> sb.append(v).append('\n'));
    if (job.strategy() != null) {
      sb.append(job.strategy()).append('\n');
    }
    for (Step s : job.allSteps()) {
      sb.append(s.run())
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
