package dev.pipeperf.review;

import dev.pipeperf.analysis.AnalysisResult;
import dev.pipeperf.config.PipeperfConfig;
import dev.pipeperf.cost.Amount;
import dev.pipeperf.cost.CostInputs;

/**
 * The cost inputs of an analysis, each marked as configured (from {@code .pipeperf.yml}) or assumed
 * (pipeperf's default), so that every report states which numbers rest on an assumption.
 */
public record Assumptions(CostInputs inputs, PipeperfConfig config) {

  public static Assumptions of(AnalysisResult result) {
    return new Assumptions(result.costInputs(), result.workspace().config());
  }

  /** {@code 12 runs/day (assumed)} or {@code 30 runs/day (configured)}. */
  public String runsPerDay() {
    return mark(Amount.of(inputs.runsPerDay()).format() + " runs/day", config.runsPerDay());
  }

  public String workingDays() {
    return mark(
        Amount.of(inputs.workingDaysPerMonth()).format() + " working days",
        config.workingDaysPerMonth());
  }

  public String developers() {
    double n = inputs.waitingDevelopers();
    return mark(
        Amount.of(n).format() + " developer" + (n == 1 ? "" : "s") + " waiting per run",
        config.waitingDevelopers());
  }

  public String hourlyCost() {
    return mark(
        "$" + Amount.of(inputs.developerHourlyCost()).format() + "/h per developer",
        config.developerHourlyCost());
  }

  /** Whether runs per day is pipeperf's default rather than the team's figure. */
  public boolean runsAssumed() {
    return config.runsPerDay() == null;
  }

  /** Whether any input behind the waiting time is a default. */
  public boolean waitingAssumed() {
    return config.runsPerDay() == null
        || config.waitingDevelopers() == null
        || config.workingDaysPerMonth() == null
        || config.developerHourlyCost() == null;
  }

  /** One sentence: every input, each marked. */
  public String sentence() {
    return runsPerDay()
        + " × "
        + workingDays()
        + " = "
        + Amount.of(inputs.runsPerMonth()).format()
        + " pull-request pushes a month, the activity each workflow's runs a month are derived"
        + " from with its triggers unless observed or configured (per workflow below); "
        + developers()
        + " at "
        + hourlyCost()
        + (waitingAssumed()
            ? ". Assumed values are pipeperf's defaults: set yours in .pipeperf.yml"
                + " (runsPerDay, workingDaysPerMonth, waitingDevelopers, developerHourlyCost)."
            : ".");
  }

  private static String mark(String text, Double configured) {
    return text + (configured == null ? " (assumed)" : " (configured)");
  }
}
