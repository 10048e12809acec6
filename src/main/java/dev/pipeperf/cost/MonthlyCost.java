package dev.pipeperf.cost;

import dev.pipeperf.estimate.DurationRange;
import java.util.List;

/**
 * What a pipeline costs a month: runner dollars (billable minutes × price × runs) and the time of
 * the developers who wait for its critical path.
 *
 * @param runsPerMonth runs a month, from the inputs
 * @param billableMinutes billable minutes a month
 * @param runnerDollars runner USD a month
 * @param waitingHours developer-hours a month spent waiting for the critical path
 * @param developerDollars those hours × the hourly cost
 */
public record MonthlyCost(
    double runsPerMonth,
    Amount billableMinutes,
    Amount runnerDollars,
    Amount waitingHours,
    Amount developerDollars) {

  /**
   * The month's cost of a pipeline whose run bills {@code perRun} and takes {@code criticalPath}.
   */
  public static MonthlyCost of(
      BillableMinutes perRun, CostInputs inputs, DurationRange criticalPath) {
    double runs = inputs.runsPerMonth();
    Amount hours =
        Amount.of(criticalPath.low(), criticalPath.high())
            .times(runs * inputs.waitingDevelopers() / 3600.0);
    return new MonthlyCost(
        runs,
        perRun.minutes().times(runs),
        perRun.dollars().times(runs),
        hours,
        hours.times(inputs.developerHourlyCost()));
  }

  /**
   * The month of a workflow run by several events: each event's bill times its runs; developers
   * wait only for the events they start (not for schedules or issue bots).
   */
  public static MonthlyCost ofEvents(
      List<WorkflowCost.EventCost> events, CostInputs inputs, RunRate rate) {
    Amount minutes = Amount.ZERO;
    Amount dollars = Amount.ZERO;
    Amount hours = Amount.ZERO;
    for (WorkflowCost.EventCost e : events) {
      double runs = e.event().runsPerMonth();
      minutes = minutes.plus(e.perRun().minutes().times(runs));
      dollars = dollars.plus(e.perRun().dollars().times(runs));
      if (e.event().waited()) {
        hours =
            hours.plus(
                Amount.of(e.criticalPath().low(), e.criticalPath().high())
                    .times(runs * inputs.waitingDevelopers() / 3600.0));
      }
    }
    return new MonthlyCost(
        rate.runsPerMonth(), minutes, dollars, hours, hours.times(inputs.developerHourlyCost()));
  }

  /** Runner and developer dollars together. */
  public Amount totalDollars() {
    return runnerDollars.plus(developerDollars);
  }
}
