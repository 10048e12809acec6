package dev.pipeperf.workflow;

import dev.pipeperf.source.Location;

/**
 * {@code concurrency:} at workflow or job level.
 *
 * @param group the group expression
 * @param cancelInProgress {@code true}, {@code false}, or an expression (kept as text)
 */
public record Concurrency(String group, String cancelInProgress, Location location) {

  /** True unless cancel-in-progress is absent or literally false. */
  public boolean mayCancelInProgress() {
    return cancelInProgress != null && !cancelInProgress.equalsIgnoreCase("false");
  }
}
