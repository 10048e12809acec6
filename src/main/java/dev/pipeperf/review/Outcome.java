package dev.pipeperf.review;

import dev.pipeperf.analysis.AnalysisResult;
import dev.pipeperf.cost.Amount;
import dev.pipeperf.cost.WorkflowCost;
import dev.pipeperf.graph.CriticalPath;
import dev.pipeperf.graph.GraphEdit;
import dev.pipeperf.graph.PipelineGraph;
import dev.pipeperf.graph.Scenario;
import dev.pipeperf.rules.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pipeline once some findings are fixed together: their remedies applied to the graph at once
 * (so overlapping fixes are not counted twice), the schedule and each reported workflow's cost
 * recomputed. Runs that a fix cancels (concurrency) are not graph edits; their saving is the
 * finding's own and is carried beside.
 *
 * @param schedule the schedule with the remedies applied
 * @param after per reported workflow, its cost once fixed
 * @param avoidedBillableMinutes billable minutes a month saved by cancelled runs
 * @param avoidedRunnerDollars runner dollars a month saved by cancelled runs
 */
public record Outcome(
    CriticalPath schedule,
    Map<String, WorkflowCost> after,
    Amount avoidedBillableMinutes,
    Amount avoidedRunnerDollars) {

  /** The outcome of fixing {@code fixed} (in any order) on the analysed pipeline. */
  public static Outcome of(AnalysisResult result, List<Finding> fixed) {
    PipelineGraph graph = result.graph();
    List<GraphEdit> edits = new ArrayList<>();
    Amount minutes = Amount.ZERO;
    Amount dollars = Amount.ZERO;
    for (Finding f : fixed) {
      edits.addAll(f.remedy().edits());
      if (f.remedy().runsAvoided() > 0) {
        minutes = minutes.plus(f.saving().billableMinutes());
        dollars = dollars.plus(f.saving().runnerDollars());
      }
    }
    Scenario scenario = Scenario.apply(graph, edits);
    CriticalPath schedule = CriticalPath.of(graph, scenario);
    Map<String, WorkflowCost> after = new LinkedHashMap<>();
    for (PipelineGraph.WorkflowEntry w : result.reportedWorkflows()) {
      // The same runs a month, per event, as the analysis priced: only the fixes differ.
      WorkflowCost c = result.costWith(w.path(), edits, schedule, scenario);
      if (c != null) {
        after.put(w.path(), c);
      }
    }
    return new Outcome(schedule, after, minutes, dollars);
  }

  /** Runner dollars a month across the reported workflows once fixed, cancelled runs deducted. */
  public Amount runnerDollars() {
    Amount total = Amount.ZERO;
    for (WorkflowCost c : after.values()) {
      total = total.plus(c.monthly().runnerDollars());
    }
    return total.minusClamped(avoidedRunnerDollars);
  }
}
