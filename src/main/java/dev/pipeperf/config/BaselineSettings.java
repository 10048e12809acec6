package dev.pipeperf.config;

/**
 * {@code baseline:} thresholds for {@code pipeperf check}.
 *
 * @param maxIncrease how much the critical path or billable minutes may grow, e.g. {@code 10%}
 * @param failOn the least severity of a new finding that fails the gate
 */
public record BaselineSettings(String maxIncrease, String failOn) {

  public static final BaselineSettings DEFAULT = new BaselineSettings("10%", "high");
}
