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
 * @param findings what is worth doing: a computed saving or a concrete failure (scored, gated)
 * @param optimised the schedule with all remedies applied together
 * @param optimisedCosts per workflow, the cost with all remedies applied
 * @param diagnostics problems with the rule configuration (unknown rule ids, bad severities)
 * @param suppressed findings silenced by {@code # pipeperf-ignore} comments
 * @param alsoConsider hygiene with no computed saving ({@link Finding#alsoConsider()}): listed
 *     apart, never scored nor gated
 */
public record RuleResults(
    List<Finding> findings,
    List<Practice> practices,
    CriticalPath optimised,
    Map<String, WorkflowCost> optimisedCosts,
    List<Diagnostic> diagnostics,
    int suppressed,
    List<Finding> alsoConsider) {

  /** Results with nothing silenced by {@code # pipeperf-ignore}. */
  public RuleResults(
      List<Finding> findings,
      List<Practice> practices,
      CriticalPath optimised,
      Map<String, WorkflowCost> optimisedCosts,
      List<Diagnostic> diagnostics) {
    this(findings, practices, optimised, optimisedCosts, diagnostics, 0);
  }

  /** Results with no "also consider" list (every finding worth doing). */
  public RuleResults(
      List<Finding> findings,
      List<Practice> practices,
      CriticalPath optimised,
      Map<String, WorkflowCost> optimisedCosts,
      List<Diagnostic> diagnostics,
      int suppressed) {
    this(findings, practices, optimised, optimisedCosts, diagnostics, suppressed, List.of());
  }

  public RuleResults {
    findings = List.copyOf(findings);
    alsoConsider = List.copyOf(alsoConsider);
    practices = List.copyOf(practices);
    optimisedCosts = Map.copyOf(optimisedCosts);
    diagnostics = List.copyOf(diagnostics);
  }
}
