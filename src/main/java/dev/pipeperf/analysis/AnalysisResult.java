package dev.pipeperf.analysis;

import dev.pipeperf.cost.CostInputs;
import dev.pipeperf.cost.Pricing;
import dev.pipeperf.cost.WorkflowCost;
import dev.pipeperf.graph.CriticalPath;
import dev.pipeperf.graph.PipelineGraph;
import dev.pipeperf.rules.Finding;
import dev.pipeperf.rules.RuleResults;
import dev.pipeperf.source.Diagnostic;
import dev.pipeperf.workspace.Workspace;
import java.util.List;
import java.util.Map;

/**
 * Everything one analysis found: the workspace as read, the pipeline graph, its schedule, and the
 * diagnostics (sorted by file, line, column).
 *
 * @param workflowFilter the {@code --workflow} the user asked for, or null for all
 * @param observations what observed runs showed ({@link Observations#NONE} without {@code
 *     --timings})
 * @param costs per workflow path, what a run bills and what it costs a month
 * @param pricing the runner prices used
 * @param costInputs runs per day, developer cost and the other cost settings used
 * @param rules the findings, good practices and the optimised pipeline
 */
public record AnalysisResult(
    Workspace workspace,
    PipelineGraph graph,
    CriticalPath schedule,
    List<Diagnostic> diagnostics,
    String workflowFilter,
    Observations observations,
    Map<String, WorkflowCost> costs,
    Pricing pricing,
    CostInputs costInputs,
    RuleResults rules) {

  public AnalysisResult {
    diagnostics = diagnostics.stream().sorted().distinct().toList();
  }

  /** The workflows to report: all, or those whose name or file matches {@code --workflow}. */
  public List<PipelineGraph.WorkflowEntry> reportedWorkflows() {
    if (workflowFilter == null) {
      return graph.workflows();
    }
    return graph.workflows().stream().filter(w -> matches(w, workflowFilter)).toList();
  }

  /** The findings of the reported workflows (and those tied to no workflow), ranked by saving. */
  public List<Finding> rankedFindings() {
    java.util.Set<String> shown = new java.util.HashSet<>();
    reportedWorkflows().forEach(w -> shown.add(w.path()));
    return rules.findings().stream()
        .filter(f -> workflowFilter == null || f.workflow() == null || shown.contains(f.workflow()))
        .sorted(
            java.util.Comparator.comparing((Finding f) -> -f.saving().criticalPathPerRun().high())
                .thenComparing(f -> -f.saving().totalDollars().high())
                .thenComparing(Finding::severity)
                .thenComparing(java.util.Comparator.naturalOrder()))
        .toList();
  }

  /**
   * The "also consider" list of the reported workflows: hygiene with no computed saving, neither
   * scored nor gated, by severity then place.
   */
  public List<Finding> alsoConsider() {
    java.util.Set<String> shown = new java.util.HashSet<>();
    reportedWorkflows().forEach(w -> shown.add(w.path()));
    return rules.alsoConsider().stream()
        .filter(f -> workflowFilter == null || f.workflow() == null || shown.contains(f.workflow()))
        .sorted(
            java.util.Comparator.comparing(Finding::severity)
                .thenComparing(java.util.Comparator.naturalOrder()))
        .toList();
  }

  static boolean matches(PipelineGraph.WorkflowEntry w, String filter) {
    String file = w.path().substring(w.path().lastIndexOf('/') + 1);
    String stem = file.replaceFirst("\\.ya?ml$", "");
    return w.displayName().equalsIgnoreCase(filter)
        || w.path().equals(filter)
        || file.equals(filter)
        || stem.equals(filter);
  }

  /**
   * A workflow's cost in another schedule of this graph (fixes applied, durations shifted), at the
   * same runs a month per event as the analysis priced it; null for a workflow it did not price.
   */
  public WorkflowCost costWith(
      String workflow,
      List<dev.pipeperf.graph.GraphEdit> edits,
      CriticalPath schedule,
      dev.pipeperf.graph.Scenario scenario) {
    WorkflowCost priced = costs.get(workflow);
    if (priced == null) {
      return null;
    }
    return WorkflowCost.of(
        graph, edits, schedule, scenario, workflow, pricing, costInputs, priced.plan());
  }
}
