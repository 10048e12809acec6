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
public record ObservedRun(String runId, List<ObservedJob> jobs, Location source, Info info) {

  /**
   * What the run object says, when the export has it ({@code pipeperf timings fetch} keeps it).
   *
   * @param event {@code push}, {@code pull_request}, {@code schedule}...
   * @param conclusion the run's conclusion: {@code success}, {@code failure}, {@code cancelled}...
   * @param branch the head branch
   * @param createdAt when the run was created
   */
  public record Info(String event, String conclusion, String branch, java.time.Instant createdAt) {}

  public ObservedRun {
    jobs = List.copyOf(jobs);
  }

  public ObservedRun(String runId, List<ObservedJob> jobs, Location source) {
    this(runId, jobs, source, null);
  }

  /** The first job with this display name. */
  public Optional<ObservedJob> job(String displayName) {
    return jobs.stream().filter(j -> j.name().equals(displayName)).findFirst();
  }
}
