package dev.pipeperf.review;

import dev.pipeperf.cost.Amount;
import dev.pipeperf.estimate.DurationRange;
import java.util.ArrayList;
import java.util.List;

/**
 * "Should I optimise this pipeline?" answered for the repository, for its slowest workflow: runs a
 * day (marked assumed when it is pipeperf's default), its runtime, what phase 1 saves, and what
 * each team capacity buys. The answers stop where the tree stops.
 */
public record DecisionTree(Timeline primary, List<Answer> answers) {

  /** Fewer runs a day than this: not worth much beyond blockers. */
  public static final double MIN_RUNS_PER_DAY = 5;

  /** A critical path shorter than this (minutes) is already good. */
  public static final double GOOD_MINUTES = 15;

  /** Phase 1 saving (seconds) from which it is worth doing at once. */
  public static final double PHASE_ONE_SECONDS = 300;

  /**
   * One question with the repository's answer.
   *
   * @param answer the value, with "(assumed)" when it is a default
   * @param outcome where the answer leads
   * @param stops whether the tree ends here
   */
  public record Answer(String question, String answer, String outcome, boolean stops) {}

  public static DecisionTree of(Timeline primary, PhasePlan plan, Assumptions assumptions) {
    List<Answer> answers = new ArrayList<>();
    if (primary == null) {
      return new DecisionTree(null, answers);
    }
    String w = primary.workflow().path();
    double runs = assumptions.inputs().runsPerDay();
    boolean few = runs < MIN_RUNS_PER_DAY;
    answers.add(
        new Answer(
            "How many runs per day?",
            assumptions.runsPerDay(),
            few
                ? "< "
                    + Amount.of(MIN_RUNS_PER_DAY).format()
                    + " runs → not worth much; fix blockers only"
                : "≥ " + Amount.of(MIN_RUNS_PER_DAY).format() + " runs → continue",
            few));
    if (few) {
      return new DecisionTree(primary, answers);
    }
    DurationRange runtime = primary.path().length();
    boolean quick = runtime.high() / 60 < GOOD_MINUTES;
    answers.add(
        new Answer(
            "Current runtime?",
            runtime.formatMinutes(),
            quick
                ? "< 15 min → already good: take the low-effort tweaks only (phase 1)"
                : "≥ 15 min → continue",
            quick));
    if (quick) {
      return new DecisionTree(primary, answers);
    }
    PhasePlan.Phase p1 = plan.phases().get(0);
    PhasePlan.Phase last = plan.phases().get(plan.phases().size() - 1);
    DurationRange saved = runtime.minusClamped(p1.criticalPath(w));
    answers.add(
        new Answer(
            "Phase 1 impact > 5 min?",
            saved.format(),
            saved.high() > PHASE_ONE_SECONDS
                ? "yes → implement phase 1 now"
                : "no → look for bigger wins first (phases 2 and 3)",
            false));
    answers.add(
        new Answer(
            "Team capacity low?",
            "phase 1 only (~" + Amount.of(p1.effortHours()).format() + " h)",
            "critical path " + p1.criticalPath(w).formatMinutes(),
            false));
    answers.add(
        new Answer(
            "Team capacity high?",
            "all phases (~" + Amount.of(last.cumulativeEffortHours()).format() + " h)",
            "critical path " + last.criticalPath(w).formatMinutes(),
            true));
    return new DecisionTree(primary, answers);
  }
}
