package dev.pipeperf.review;

import dev.pipeperf.analysis.AnalysisResult;
import dev.pipeperf.cost.Amount;
import dev.pipeperf.cost.BreakEven;
import dev.pipeperf.cost.WorkflowCost;
import dev.pipeperf.estimate.DurationRange;
import dev.pipeperf.graph.CriticalPath;
import dev.pipeperf.rules.Effort;
import dev.pipeperf.rules.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The phased plan, computed: phase 1 takes the low-effort fixes, phase 2 adds the medium ones,
 * phase 3 the rest. After each phase the remedies of every finding so far are applied to the graph
 * together and the critical path and bill recomputed, so the runtimes are cumulative and
 * overlapping fixes are not counted twice.
 *
 * @param phases one per effort level, in order
 */
public record PhasePlan(List<Phase> phases) {

  /**
   * One phase.
   *
   * @param findings the findings fixed in this phase (not the earlier ones)
   * @param effortHours this phase's hours
   * @param cumulativeEffortHours hours of this and the earlier phases
   * @param after per reported workflow, its cost (critical path included) once this and the earlier
   *     phases are done
   * @param hoursSavedPerMonth developer-hours of waiting saved a month, all workflows, cumulative
   * @param billableMinutesSavedPerMonth billable minutes saved a month (negative: more), cumulative
   * @param dollarsSavedPerMonth runner and developer dollars saved a month, cumulative
   * @param breakEven cumulative effort ÷ cumulative hours saved a month
   */
  public record Phase(
      int number,
      Effort effort,
      List<Finding> findings,
      double effortHours,
      double cumulativeEffortHours,
      Map<String, WorkflowCost> after,
      CriticalPath schedule,
      Amount hoursSavedPerMonth,
      Amount billableMinutesSavedPerMonth,
      Amount dollarsSavedPerMonth,
      BreakEven breakEven) {

    /** A workflow's critical path after this phase. */
    public DurationRange criticalPath(String workflow) {
      WorkflowCost c = after.get(workflow);
      return c == null ? DurationRange.ZERO : c.criticalPath();
    }
  }

  /** The plan for the findings that count (hygiene, "also consider", is not planned). */
  public static PhasePlan of(AnalysisResult result) {
    List<Finding> findings =
        result.rankedFindings().stream().filter(f -> !f.alsoConsider()).toList();
    List<Phase> phases = new ArrayList<>();
    List<Finding> fixed = new ArrayList<>();
    double cumulative = 0;
    int number = 1;
    for (Effort effort : Effort.values()) {
      List<Finding> these = findings.stream().filter(f -> f.effort() == effort).toList();
      double hours = these.stream().mapToDouble(Finding::effortHours).sum();
      fixed.addAll(these);
      cumulative += hours;
      Outcome outcome = Outcome.of(result, fixed);
      Amount waited = Amount.ZERO;
      Amount billable = outcome.avoidedBillableMinutes();
      Amount dollars = outcome.avoidedRunnerDollars();
      for (Map.Entry<String, WorkflowCost> e : outcome.after().entrySet()) {
        WorkflowCost before = result.costs().get(e.getKey());
        WorkflowCost now = e.getValue();
        waited =
            waited.plus(before.monthly().waitingHours().minusClamped(now.monthly().waitingHours()));
        billable =
            billable.plus(
                before.monthly().billableMinutes().minusSigned(now.monthly().billableMinutes()));
        dollars =
            dollars
                .plus(before.monthly().runnerDollars().minusSigned(now.monthly().runnerDollars()))
                .plus(
                    before
                        .monthly()
                        .developerDollars()
                        .minusClamped(now.monthly().developerDollars()));
      }
      phases.add(
          new Phase(
              number++,
              effort,
              these,
              hours,
              cumulative,
              outcome.after(),
              outcome.schedule(),
              waited,
              billable,
              dollars,
              BreakEven.of(cumulative, waited)));
    }
    return new PhasePlan(phases);
  }

  /** The phase a finding belongs to: 1 for low effort, 2 medium, 3 high. */
  public static int phaseOf(Finding f) {
    return f.effort().ordinal() + 1;
  }
}
