package dev.pipeperf.estimate.observed;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;

/**
 * One job of an observed run, under the display name GitHub shows ({@code test (3.12,
 * ubuntu-latest)}, {@code deploy / build}).
 *
 * @param name the display name
 * @param createdAt when the job was queued; null when the export does not say ({@code gh run view
 *     --json jobs} has no such field), so the queue time is unknown
 * @param startedAt when a runner picked it up; null when it never started
 * @param completedAt when it finished; null when it never finished
 * @param conclusion {@code success}, {@code failure}, {@code skipped}, {@code cancelled}...
 * @param labels the {@code runs-on} labels the job asked for (REST API only, else empty)
 * @param steps the job's steps in order
 */
public record ObservedJob(
    String name,
    Instant createdAt,
    Instant startedAt,
    Instant completedAt,
    String conclusion,
    List<String> labels,
    List<ObservedStep> steps) {

  public ObservedJob {
    labels = List.copyOf(labels);
    steps = List.copyOf(steps);
  }

  /**
   * True when the job did not run: no start or finish time, or GitHub says it was skipped. A
   * skipped job is kept (it shows that the job exists) but never counts as a zero-length sample.
   */
  public boolean isSkipped() {
    return startedAt == null || completedAt == null || "skipped".equals(conclusion);
  }

  /**
   * True when the job failed, was cancelled or timed out: it ran, but its length says nothing about
   * how long the job takes when it succeeds.
   */
  public boolean failedOrCancelled() {
    return "failure".equals(conclusion)
        || "cancelled".equals(conclusion)
        || "timed_out".equals(conclusion);
  }

  /** Seconds from start to finish; 0 for a skipped job. */
  public double runSeconds() {
    if (isSkipped() || completedAt.isBefore(startedAt)) {
      return 0;
    }
    return Duration.between(startedAt, completedAt).toMillis() / 1000.0;
  }

  /**
   * Seconds the job waited for a runner ({@code created_at} → {@code started_at}); empty when the
   * export has no creation time or the job never started.
   */
  public OptionalDouble queueSeconds() {
    if (createdAt == null || startedAt == null || startedAt.isBefore(createdAt)) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(Duration.between(createdAt, startedAt).toMillis() / 1000.0);
  }
}
