package dev.pipeperf.review;

import dev.pipeperf.analysis.AnalysisResult;
import dev.pipeperf.estimate.DurationRange;
import dev.pipeperf.estimate.Provenance;
import dev.pipeperf.graph.Node;
import dev.pipeperf.graph.Subject;
import dev.pipeperf.rules.Finding;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Where each workflow's time goes: its jobs by duration, each with its share of the critical path
 * and its steps. A step's duration inside a job whose total was pinned (configured or observed for
 * the job as a whole) is the job's total apportioned by the catalogue's proportions, and says so.
 */
public record Bottlenecks(List<WorkflowBreakdown> workflows) {

  /** One workflow's jobs, longest first. */
  public record WorkflowBreakdown(Timeline timeline, List<JobBreakdown> jobs) {}

  /**
   * One job.
   *
   * @param share of its workflow's critical path, 0 when off it
   * @param savings the findings that save time on this job
   */
  public record JobBreakdown(
      Timeline.Entry entry,
      boolean critical,
      double share,
      List<Step> steps,
      List<Finding> savings) {}

  /**
   * One step.
   *
   * @param basis {@code observed}, {@code configured}, {@code catalogue}…, or {@code apportioned
   *     from <source>} when only the job's total is known
   */
  public record Step(String label, DurationRange range, String basis, boolean critical) {}

  public static Bottlenecks of(AnalysisResult result, List<Timeline> timelines) {
    Set<Integer> onPath = new HashSet<>();
    timelines.forEach(t -> onPath.addAll(t.path().nodes()));
    List<WorkflowBreakdown> out = new ArrayList<>();
    for (Timeline t : timelines) {
      double total = Math.max(t.path().length().high(), 1);
      List<Timeline.Entry> all = new ArrayList<>(t.critical());
      all.addAll(t.offPath());
      all.sort((a, b) -> Double.compare(b.duration().high(), a.duration().high()));
      List<JobBreakdown> jobs = new ArrayList<>();
      for (Timeline.Entry e : all) {
        boolean crit = t.critical().contains(e);
        List<Node> nodes =
            result.graph().nodesOf(e.job()).stream().filter(n -> !n.isJoin()).toList();
        boolean apportioned = apportioned(nodes);
        List<Step> steps = new ArrayList<>();
        for (Node n : nodes) {
          Provenance p = n.estimate().provenance();
          String basis =
              apportioned ? "apportioned from " + p.word() + " " + n.estimate().source() : p.word();
          steps.add(
              new Step(
                  n.subject() instanceof Subject.JobSetup ? "set up job" : n.label(),
                  n.estimate().range(),
                  basis,
                  onPath.contains(n.index())));
        }
        List<Finding> here =
            result.rankedFindings().stream()
                .filter(f -> !f.alsoConsider())
                .filter(
                    f ->
                        f.message().contains(e.job().jobPath())
                            || f.message().contains(e.job().displayName()))
                .filter(f -> f.saving().criticalPathPerRun().high() >= 1)
                .toList();
        jobs.add(new JobBreakdown(e, crit, crit ? e.duration().high() / total : 0, steps, here));
      }
      out.add(new WorkflowBreakdown(t, jobs));
    }
    return new Bottlenecks(out);
  }

  /**
   * A job whose several nodes all carry one configured or observed source had its total pinned and
   * spread over its steps (the graph scales them to the total).
   */
  static boolean apportioned(List<Node> nodes) {
    if (nodes.size() < 2) {
      return false;
    }
    Provenance p = nodes.get(0).estimate().provenance();
    if (p != Provenance.CONFIG && p != Provenance.OBSERVED) {
      return false;
    }
    String source = nodes.get(0).estimate().source();
    return nodes.stream()
        .allMatch(
            n ->
                n.estimate().provenance() == p
                    && java.util.Objects.equals(n.estimate().source(), source));
  }
}
