package dev.pipeperf.cost;

import dev.pipeperf.estimate.DurationRange;

/**
 * What a change (a finding's remedy) saves a month: runner minutes and dollars, and developer hours
 * and dollars from a shorter critical path. Savings of several findings add up with {@link #plus}
 * (an upper bound when their remedies overlap).
 *
 * @param criticalPathPerRun wall-clock time saved per run, seconds
 * @param billableMinutes billable minutes saved a month
 * @param runnerDollars runner USD saved a month
 * @param developerHours developer-hours saved a month
 * @param developerDollars those hours × the hourly cost
 * @param runsBasis the runs a month the monthly figures assume ({@code 315 runs/month from
 *     triggers}), printed beside them; null when no workflow's rate is involved
 */
public record Savings(
    DurationRange criticalPathPerRun,
    Amount billableMinutes,
    Amount runnerDollars,
    Amount developerHours,
    Amount developerDollars,
    String runsBasis) {

  /** Savings with no run rate stated (flat inputs). */
  public Savings(
      DurationRange criticalPathPerRun,
      Amount billableMinutes,
      Amount runnerDollars,
      Amount developerHours,
      Amount developerDollars) {
    this(
        criticalPathPerRun, billableMinutes, runnerDollars, developerHours, developerDollars, null);
  }

  /** The same savings, said to assume the given runs a month. */
  public Savings withRunsBasis(String basis) {
    return new Savings(
        criticalPathPerRun,
        billableMinutes,
        runnerDollars,
        developerHours,
        developerDollars,
        basis);
  }

  public static final Savings NONE =
      new Savings(DurationRange.ZERO, Amount.ZERO, Amount.ZERO, Amount.ZERO, Amount.ZERO);

  /**
   * Savings from the bills before and after a change (each job rounded to the minute as GitHub
   * does) and the critical path it saves per run. The bill's saving is negative when the change
   * bills more (a split job runs on two runners).
   */
  public static Savings between(
      BillableMinutes before,
      BillableMinutes after,
      DurationRange criticalPathSavedPerRun,
      CostInputs inputs) {
    double runs = inputs.runsPerMonth();
    Amount hours = developerHours(criticalPathSavedPerRun, inputs);
    return new Savings(
        criticalPathSavedPerRun,
        before.minutes().minusSigned(after.minutes()).times(runs),
        before.dollars().minusSigned(after.dollars()).times(runs),
        hours,
        hours.times(inputs.developerHourlyCost()));
  }

  /**
   * Savings when only the runner time saved per run is known (no per-job rounding: a fair average
   * over many runs).
   *
   * @param runnerTimeSavedPerRun runner seconds saved per run, summed over jobs
   * @param perMinute the runner's price, USD per minute
   * @param criticalPathSavedPerRun wall-clock seconds saved per run
   */
  public static Savings ofRunnerTime(
      DurationRange runnerTimeSavedPerRun,
      double perMinute,
      DurationRange criticalPathSavedPerRun,
      CostInputs inputs) {
    double runs = inputs.runsPerMonth();
    Amount minutes =
        Amount.of(runnerTimeSavedPerRun.low(), runnerTimeSavedPerRun.high()).times(runs / 60.0);
    Amount hours = developerHours(criticalPathSavedPerRun, inputs);
    return new Savings(
        criticalPathSavedPerRun,
        minutes,
        minutes.times(perMinute),
        hours,
        hours.times(inputs.developerHourlyCost()));
  }

  private static Amount developerHours(DurationRange savedPerRun, CostInputs inputs) {
    return Amount.of(savedPerRun.low(), savedPerRun.high())
        .times(inputs.runsPerMonth() * inputs.waitingDevelopers() / 3600.0);
  }

  /** Both savings together. */
  public Savings plus(Savings other) {
    return new Savings(
        criticalPathPerRun.plus(other.criticalPathPerRun),
        billableMinutes.plus(other.billableMinutes),
        runnerDollars.plus(other.runnerDollars),
        developerHours.plus(other.developerHours),
        developerDollars.plus(other.developerDollars),
        basis(runsBasis, other.runsBasis));
  }

  private static String basis(String a, String b) {
    if (a == null || a.equals(b)) {
      return b == null ? a : b;
    }
    if (b == null) {
      return a;
    }
    return "each workflow's own runs a month";
  }

  /** Runner and developer dollars together. */
  public Amount totalDollars() {
    return runnerDollars.plus(developerDollars);
  }
}
