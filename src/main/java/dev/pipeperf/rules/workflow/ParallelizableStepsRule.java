package dev.pipeperf.rules.workflow;

import dev.pipeperf.estimate.DurationRange;
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
import dev.pipeperf.workflow.Job;
import dev.pipeperf.workflow.Step;
import dev.pipeperf.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Consecutive steps of one job that do not depend on each other — several linters or type checkers
 * over the same checkout — run one after another on the critical path. Since June 2026 a {@code
 * parallel:} group runs them at once on the same runner, at no extra cost.
 */
@RuleInfo(
    id = "PP017",
    name = "parallelizable-steps",
    severity = Severity.LOW,
    effort = Effort.LOW,
    effortHours = 1,
    summary = "Independent steps of a job on the critical path run one after another",
    savingOnly = true)
public final class ParallelizableStepsRule implements Rule {

  /** Runs shorter than this (high bound, whole group) are not worth the rewrite. */
  static final double MIN_SAVING_SECONDS = 20;

  @Override
  public void visitJob(Workflow w, Job job, RuleContext ctx) {
    List<Step> top = job.steps();
    int i = 0;
    while (i < top.size()) {
      int j = i;
      while (j < top.size() && isIndependentCheck(top.get(j))) {
        j++;
      }
      if (j - i >= 2) {
        group(ctx, w, job, top.subList(i, j));
        i = j;
      } else {
        i++;
      }
    }
  }

  /**
   * Formatters and auto-fixers that rewrite the checkout: two of them at once race on the same
   * files, and a later {@code git diff --exit-code} depends on both.
   */
  private static final Pattern WRITES =
      Pattern.compile(
          "(?m)--fix\\b|--write\\b|\\bgofmt\\s+(-\\w+\\s+)*-w\\b"
              + "|^(?!.*--(check|diff)\\b).*\\b(ruff\\s+format|cargo\\s+fmt|black|isort)\\b(?!-)");

  private static boolean isIndependentCheck(Step s) {
    // A conditional step may not run at all (one per OS, say): nothing to overlap with.
    return !s.background()
        && s.ifCondition() == null
        && !s.isParallelGroup()
        && s.id() == null
        && StepKinds.isCheck(s)
        && !WRITES.matcher(s.run()).find()
        && !s.continueOnError();
  }

  private void group(RuleContext ctx, Workflow w, Job job, List<Step> steps) {
    PipelineGraph g = ctx.view().graph();
    List<GraphEdit> edits = new ArrayList<>();
    DurationRange sum = DurationRange.ZERO;
    DurationRange longest = DurationRange.ZERO;
    boolean critical = false;
    for (JobInstance ji : ctx.view().instances(w, job)) {
      List<Node> nodes = new ArrayList<>();
      for (Step s : steps) {
        ctx.view().stepNode(ji, s).ifPresent(nodes::add);
      }
      if (nodes.size() != steps.size()) {
        continue;
      }
      critical |= nodes.stream().anyMatch(ctx.view()::onCriticalPath);
      Node first = nodes.get(0);
      Node last = nodes.get(nodes.size() - 1);
      List<Node> before = g.predecessorsOf(first);
      List<Node> after = g.successorsOf(last);
      for (int k = 0; k + 1 < nodes.size(); k++) {
        edits.add(new GraphEdit.RemoveEdge(nodes.get(k).id(), nodes.get(k + 1).id()));
      }
      for (Node n : nodes.subList(1, nodes.size())) {
        before.forEach(b -> edits.add(new GraphEdit.AddEdge(b.id(), n.id())));
      }
      for (Node n : nodes.subList(0, nodes.size() - 1)) {
        after.forEach(a -> edits.add(new GraphEdit.AddEdge(n.id(), a.id())));
      }
      sum = DurationRange.ZERO;
      longest = DurationRange.ZERO;
      for (Node n : nodes) {
        sum = sum.plus(n.estimate().range());
        longest = longest.max(n.estimate().range());
      }
    }
    if (!critical || sum.minusClamped(longest).high() < MIN_SAVING_SECONDS) {
      return;
    }
    StringBuilder yaml = new StringBuilder("Run them as one parallel group:\n      - parallel:\n");
    for (Step s : steps) {
      yaml.append("          - name: ").append(s.displayName()).append('\n');
      yaml.append("            run: ")
          .append(s.run().strip().lines().findFirst().orElse(""))
          .append(s.run().strip().contains("\n") ? " ..." : "")
          .append('\n');
    }
    ctx.finding(
            steps.get(0).location(),
            steps.size()
                + " independent check steps of job "
                + job.id()
                + " ("
                + sum.format()
                + ") run one after another")
        .fix(yaml.toString().stripTrailing())
        .remedy(Remedy.of(edits))
        .workflow(w.path())
        .subject(job.id() + "/" + steps.get(0).displayName())
        .report();
  }
}
