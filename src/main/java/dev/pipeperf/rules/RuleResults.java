package dev.pipeperf.rules;

import dev.pipeperf.cost.WorkflowCost;
import dev.pipeperf.graph.CriticalPath;
import dev.pipeperf.source.Diagnostic;
import java.util.List;
import java.util.Map;

/**
 * What the rules found: findings (sorted, de-duplicated, savings computed), good practices, and the
 * pipeline with every remedy applied.
 *
 * @param optimised the schedule with all remedies applied together
 * @param optimisedCosts per workflow, the cost with all remedies applied
 * @param diagnostics problems with the rule configuration (unknown rule ids, bad severities)
 * @param suppressed findings silenced by {@code # pipeperf-ignore} comments
 */
public record RuleResults(
    List<Finding> findings,
    List<Practice> practices,
    CriticalPath optimised,
    Map<String, WorkflowCost> optimisedCosts,
    List<Diagnostic> diagnostics,
    int suppressed) {

  /** Results with nothing silenced by {@code # pipeperf-ignore}. */
  public RuleResults(
      List<Finding> findings,
      List<Practice> practices,
      CriticalPath optimised,
      Map<String, WorkflowCost> optimisedCosts,
      List<Diagnostic> diagnostics) {
    this(findings, practices, optimised, optimisedCosts, diagnostics, 0);
  }

  public RuleResults {
    findings = List.copyOf(findings);
    practices = List.copyOf(practices);
    optimisedCosts = Map.copyOf(optimisedCosts);
    diagnostics = List.copyOf(diagnostics);
  }
}
