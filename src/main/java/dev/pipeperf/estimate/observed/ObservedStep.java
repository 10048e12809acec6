package dev.pipeperf.estimate.observed;

import java.time.Duration;
import java.time.Instant;

/**
 * One step of an observed job, as GitHub reported it.
 *
 * @param name the step's display name ({@code Set up job}, {@code Run tests})
 * @param number its 1-based position in the job
 * @param startedAt null when the step never started (skipped, or the job was cancelled first)
 * @param completedAt null when the step never finished
 * @param conclusion {@code success}, {@code failure}, {@code skipped}...; null while in progress
 */
public record ObservedStep(
    String name, int number, Instant startedAt, Instant completedAt, String conclusion) {

  /** True when the step did not run: no times, or GitHub says it was skipped. */
  public boolean isSkipped() {
    return startedAt == null || completedAt == null || "skipped".equals(conclusion);
  }

  /** How long the step ran, in seconds; 0 for a skipped step. */
  public double seconds() {
    if (isSkipped() || completedAt.isBefore(startedAt)) {
      return 0;
    }
    return Duration.between(startedAt, completedAt).toMillis() / 1000.0;
  }
}
