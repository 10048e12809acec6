package dev.pipeperf.estimate.observed;

import dev.pipeperf.source.Location;
import java.util.List;
import java.util.Optional;

/**
 * One workflow run as exported from GitHub: its jobs (all pages merged) and where it was read.
 *
 * @param runId GitHub's run id; for a {@code gh} export without job URLs, the file and position
 * @param jobs the jobs, in the order the export listed them
 * @param source where the run (its first page) starts in the timings file
 */
public record ObservedRun(String runId, List<ObservedJob> jobs, Location source) {

  public ObservedRun {
    jobs = List.copyOf(jobs);
  }

  /** The first job with this display name. */
  public Optional<ObservedJob> job(String displayName) {
    return jobs.stream().filter(j -> j.name().equals(displayName)).findFirst();
  }
}
