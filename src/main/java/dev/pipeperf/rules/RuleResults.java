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
 * @param suppressed findings silenced by inline comments (counted so reports can say so)
 */
public record RuleResults(
    List<Finding> findings,
    List<Practice> practices,
    CriticalPath optimised,
    Map<String, WorkflowCost> optimisedCosts,
    List<Diagnostic> diagnostics,
    int suppressed) {

  public RuleResults {
    findings = List.copyOf(findings);
    practices = List.copyOf(practices);
    optimisedCosts = Map.copyOf(optimisedCosts);
    diagnostics = List.copyOf(diagnostics);
  }
}
