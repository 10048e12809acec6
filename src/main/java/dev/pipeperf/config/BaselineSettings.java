package dev.pipeperf.config;

/**
 * {@code baseline:} thresholds for {@code pipeperf check}.
 *
 * @param maxIncrease how much the critical path or billable minutes may grow, e.g. {@code 10%}
 * @param failOn the least severity of a new finding that fails the gate
 * @param minCriticalPathIncrease the least growth of a critical path that can fail the gate, as a
 *     duration ({@code 1m}): a small workflow's +10% is seconds nobody waits for
 * @param minBillableIncrease the least growth of billable minutes per run that can fail the gate
 *     ({@code 5}): one more short job is a whole billed minute, +25% of a small workflow
 */
public record BaselineSettings(
    String maxIncrease, String failOn, String minCriticalPathIncrease, String minBillableIncrease) {

  public static final BaselineSettings DEFAULT = new BaselineSettings("10%", "high", "1m", "5");
}
