package dev.pipeperf.cost;

/**
 * The assumptions that turn one run's cost into a month's (spec §7, §10). Every one comes from
 * {@code .pipeperf.yml} when set; the {@link #DEFAULTS} are chosen as of 2026-11-23 and stated in
 * reports so readers can judge them:
 *
 * <ul>
 *   <li>{@code runsPerDay = 12} — seed 004's cost table implies about 11–12 pipeline runs per
 *       working day (54–60 developer-hours a month saved by 11–15 minutes a run, one person
 *       waiting); its decision tree calls fewer than 5 a day not worth optimising. A small team
 *       pushing a few times a day each lands here.
 *   <li>{@code workingDaysPerMonth = 21} — 260 weekdays a year less about 10 public holidays, over
 *       12 months (≈ 20.8). CI mostly runs when people push, on working days.
 *   <li>{@code developerHourlyCost = 90} (USD) — US software developers (SOC 15-1252) earn about
 *       $130,000–145,000 a year in the BLS Occupational Employment and Wage Statistics for 2024
 *       (mean $144,570; medians quoted around $131,000–133,000, read from secondary sources that
 *       cite BLS, not from bls.gov itself), i.e. $63–70 an hour over 2,080 hours; wages are about
 *       70% of an employer's total cost of an employee (BLS Employer Costs for Employee
 *       Compensation), giving $90–100. The lower end is used. Set your own: outside the US, or for
 *       contractors, it differs a lot.
 *   <li>{@code waitingDevelopers = 1} — the author of the change waits for the run; reviewers
 *       mostly do not. Raise it when merges queue behind CI.
 * </ul>
 *
 * <p>A developer who waits for CI usually does other work meanwhile; the waiting cost is therefore
 * an upper bound of lost time, as seed 004's table counts it.
 *
 * @param runsPerDay pipeline runs per working day
 * @param workingDaysPerMonth working days per month
 * @param developerHourlyCost what an hour of a developer costs, USD, employer costs included
 * @param waitingDevelopers how many people wait for each run
 */
public record CostInputs(
    double runsPerDay,
    double workingDaysPerMonth,
    double developerHourlyCost,
    double waitingDevelopers) {

  /** The documented defaults (see the class comment for their basis). */
  public static final CostInputs DEFAULTS = new CostInputs(12, 21, 90, 1);

  public CostInputs {
    if (runsPerDay < 0
        || workingDaysPerMonth < 0
        || developerHourlyCost < 0
        || waitingDevelopers < 0) {
      throw new IllegalArgumentException("cost inputs must not be negative");
    }
  }

  /** Runs per month: runs per day × working days. */
  public double runsPerMonth() {
    return runsPerDay * workingDaysPerMonth;
  }
}
