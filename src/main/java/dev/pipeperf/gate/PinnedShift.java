package dev.pipeperf.gate;

import dev.pipeperf.analysis.AnalysisResult;
import dev.pipeperf.cost.WorkflowCost;
import dev.pipeperf.estimate.DurationRange;
import dev.pipeperf.estimate.Provenance;
import dev.pipeperf.graph.CriticalPath;
import dev.pipeperf.graph.GraphEdit;
import dev.pipeperf.graph.JobInstance;
import dev.pipeperf.graph.Node;
import dev.pipeperf.graph.PipelineGraph;
import dev.pipeperf.graph.Scenario;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Durations pinned in {@code .pipeperf.yml} or observed in past runs describe the pipeline as it
 * was; a pull request that slows a pinned job changes nothing in them. So for each pinned job the
 * gate takes the catalogue's estimate of the job before (recorded in the baseline) and after (this
 * analysis estimated from the catalogue alone), and adds the difference to the pinned figure.
 *
 * @param schedule the schedule with the shifts applied (the analysis' own when nothing shifted)
 * @param costs per workflow path, the bill with the shifts applied
 * @param estimates per job key, the catalogue estimate of each pinned job (recorded in the
 *     baseline)
 * @param shifts one line per shifted job: name, pinned duration, the estimate's change
 */
public record PinnedShift(
    CriticalPath schedule,
    Map<String, WorkflowCost> costs,
    Map<String, DurationRange> estimates,
    List<String> shifts) {

  /**
   * Whether any job's duration is pinned or observed (only then is a catalogue estimate needed).
   */
  public static boolean hasPinnedJobs(AnalysisResult result) {
    for (Node n : result.graph().nodes()) {
      Provenance p = n.estimate().provenance();
      if (p == Provenance.CONFIG || p == Provenance.OBSERVED) {
        return true;
      }
    }
    return false;
  }

  /** Changes of an estimate below this many seconds (per bound) are rounding. */
  private static final double EPSILON = 0.05;

  /** Nothing pinned, or nothing to compare with: the analysis as it is. */
  public static PinnedShift none(AnalysisResult result) {
    return new PinnedShift(result.schedule(), result.costs(), Map.of(), List.of());
  }

  /**
   * @param catalogue the same repository estimated from the catalogue alone, or null when no job is
   *     pinned
   * @param before the baseline to shift against, or null when recording one
   */
  public static PinnedShift of(AnalysisResult result, AnalysisResult catalogue, Baseline before) {
    if (catalogue == null) {
      return none(result);
    }
    Map<String, DurationRange> catalogueByKey = new HashMap<>();
    for (CriticalPath.JobTiming t : catalogue.schedule().jobTimings()) {
      catalogueByKey.put(t.job().key(), t.duration());
    }
    Map<String, DurationRange> estimates = new LinkedHashMap<>();
    Map<String, Node> shiftable = new LinkedHashMap<>();
    PipelineGraph graph = result.graph();
    for (PipelineGraph.JobSpan span : graph.jobs()) {
      Node longest = null;
      boolean pinned = false;
      for (int i = span.start(); i <= span.end(); i++) {
        Node n = graph.node(i);
        Provenance p = n.estimate().provenance();
        pinned |= p == Provenance.CONFIG || p == Provenance.OBSERVED;
        if (!n.isJoin()
            && (longest == null || n.estimate().range().mid() > longest.estimate().range().mid())) {
          longest = n;
        }
      }
      DurationRange estimate = catalogueByKey.get(span.job().key());
      if (pinned && estimate != null && longest != null) {
        estimates.put(span.job().key(), estimate);
        shiftable.put(span.job().key(), longest);
      }
    }
    if (before == null || estimates.isEmpty()) {
      return new PinnedShift(result.schedule(), result.costs(), estimates, List.of());
    }
    Map<String, Baseline.JobEntry> old = new HashMap<>();
    for (Baseline.WorkflowEntry w : before.workflows()) {
      for (Baseline.JobEntry j : w.jobs()) {
        old.putIfAbsent(w.path() + "\n" + j.name(), j);
      }
    }
    List<GraphEdit> edits = new ArrayList<>();
    List<String> shifts = new ArrayList<>();
    for (PipelineGraph.JobSpan span : graph.jobs()) {
      JobInstance job = span.job();
      DurationRange now = estimates.get(job.key());
      Baseline.JobEntry was = old.get(job.workflow() + "\n" + job.displayName());
      if (now == null || was == null || was.estimate() == null) {
        continue;
      }
      double dLow = now.low() - was.estimate().low();
      double dHigh = now.high() - was.estimate().high();
      if (Math.abs(dLow) < EPSILON && Math.abs(dHigh) < EPSILON) {
        continue;
      }
      Node node = shiftable.get(job.key());
      DurationRange d = node.estimate().range();
      double low = Math.max(0, d.low() + dLow);
      double high = Math.max(low, d.high() + dHigh);
      edits.add(new GraphEdit.ChangeDuration(node.id(), new DurationRange(low, high)));
      shifts.add(
          job.displayName()
              + " ("
              + job.workflow()
              + "): its duration is pinned, so the catalogue's estimate of the change is added"
              + " to it: "
              + new DurationRange(was.estimate().low(), was.estimate().high()).format()
              + " → "
              + now.format()
              + " ("
              + signed(dLow)
              + (Math.abs(dHigh - dLow) < EPSILON ? "" : " to " + signed(dHigh))
              + ")");
    }
    if (edits.isEmpty()) {
      return new PinnedShift(result.schedule(), result.costs(), estimates, List.of());
    }
    Scenario scenario = Scenario.apply(graph, edits);
    CriticalPath schedule = CriticalPath.of(graph, scenario);
    Map<String, WorkflowCost> costs = new LinkedHashMap<>();
    for (PipelineGraph.WorkflowEntry w : graph.workflows()) {
      WorkflowCost c = result.costWith(w.path(), edits, schedule, scenario);
      if (c != null) {
        costs.put(w.path(), c);
      }
    }
    return new PinnedShift(schedule, costs, estimates, shifts);
  }

  private static String signed(double seconds) {
    return (seconds < 0 ? "−" : "+") + DurationRange.formatSeconds(Math.abs(seconds));
  }
}
