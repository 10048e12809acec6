package dev.pipeperf.estimate.observed;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The critical path of one run as it really happened (spec §6.3): start at the job that finished
 * last, and repeatedly step back to the dependency that finished latest, until a job with no (ran)
 * dependency. For each job on the chain it gives the start and finish and the wait before it — its
 * start minus the finish of the dependency it waited for (for the first job, minus the run's first
 * creation time): queueing and scheduling, not work.
 *
 * @param runId the run
 * @param links the chain, first job first
 * @param pathRunSeconds the sum of the chain's run times
 * @param pathWaitSeconds the sum of the waits before each link
 * @param wallSeconds first job created (or started, when the export has no creation times) → last
 *     job completed
 */
public record ObservedCriticalPath(
    String runId,
    List<Link> links,
    double pathRunSeconds,
    double pathWaitSeconds,
    double wallSeconds) {

  public ObservedCriticalPath {
    links = List.copyOf(links);
  }

  /**
   * One job on the path.
   *
   * @param job the display name
   * @param startedAt when it started
   * @param completedAt when it finished
   * @param runSeconds finish − start
   * @param waitSeconds start − the finish of the dependency before it on the path (for the first
   *     link, start − the run's start); never negative
   */
  public record Link(
      String job, Instant startedAt, Instant completedAt, double runSeconds, double waitSeconds) {}

  /**
   * Several runs: the path of each, and the run of median wall time (nearest rank, so a real run).
   *
   * @param perRun one path per run that had any job that ran, in input order
   * @param median the path of the run with the median wall time; null when there is none
   */
  public record Summary(List<ObservedCriticalPath> perRun, ObservedCriticalPath median) {
    public Summary {
      perRun = List.copyOf(perRun);
    }
  }

  /** Critical-path run time ÷ wall time: 1.0 when the chain never waited; 0 for an empty run. */
  public double ratio() {
    return wallSeconds <= 0 ? 0 : pathRunSeconds / wallSeconds;
  }

  /** The chain's display names, first job first. */
  public List<String> jobNames() {
    return links.stream().map(Link::job).toList();
  }

  /**
   * Computes the path of one run.
   *
   * @param run the run
   * @param dependenciesOfDisplayName the display names of the jobs a job (by display name) needs;
   *     the caller maps workflow {@code needs} to observed names (a matrix dependency gives all its
   *     instances)
   * @return the path; an empty path when no job of the run ran
   */
  public static ObservedCriticalPath compute(
      ObservedRun run, Function<String, Set<String>> dependenciesOfDisplayName) {
    List<ObservedJob> ran = run.jobs().stream().filter(j -> !j.isSkipped()).toList();
    if (ran.isEmpty()) {
      return new ObservedCriticalPath(run.runId(), List.of(), 0, 0, 0);
    }
    Instant runStart =
        ran.stream()
            .map(j -> j.createdAt() != null ? j.createdAt() : j.startedAt())
            .min(Comparator.naturalOrder())
            .orElseThrow();
    Comparator<ObservedJob> byFinish =
        Comparator.comparing(ObservedJob::completedAt).thenComparing(ObservedJob::startedAt);
    ObservedJob current = ran.stream().max(byFinish).orElseThrow();
    Instant runEnd = current.completedAt();
    List<ObservedJob> chain = new ArrayList<>();
    Set<String> visited = new HashSet<>();
    while (current != null && visited.add(current.name())) {
      chain.add(current);
      Set<String> needs = dependenciesOfDisplayName.apply(current.name());
      ObservedJob dependent = current;
      current =
          needs == null
              ? null
              : ran.stream()
                  .filter(j -> needs.contains(j.name()) && j != dependent)
                  .filter(j -> !visited.contains(j.name()))
                  .max(byFinish)
                  .orElse(null);
    }
    Collections.reverse(chain);
    List<Link> links = new ArrayList<>();
    Instant previousFinish = runStart;
    double total = 0;
    double wait = 0;
    for (ObservedJob job : chain) {
      double waitSeconds = Math.max(0, seconds(previousFinish, job.startedAt()));
      links.add(
          new Link(job.name(), job.startedAt(), job.completedAt(), job.runSeconds(), waitSeconds));
      total += job.runSeconds();
      wait += waitSeconds;
      previousFinish = job.completedAt();
    }
    return new ObservedCriticalPath(run.runId(), links, total, wait, seconds(runStart, runEnd));
  }

  /** Computes the path of every run, and picks the run of median wall time. */
  public static Summary computeAll(
      List<ObservedRun> runs, Function<String, Set<String>> dependenciesOfDisplayName) {
    List<ObservedCriticalPath> paths = new ArrayList<>();
    for (ObservedRun run : runs) {
      ObservedCriticalPath path = compute(run, dependenciesOfDisplayName);
      if (!path.links().isEmpty()) {
        paths.add(path);
      }
    }
    if (paths.isEmpty()) {
      return new Summary(paths, null);
    }
    List<ObservedCriticalPath> sorted = new ArrayList<>(paths);
    sorted.sort(Comparator.comparingDouble(ObservedCriticalPath::wallSeconds));
    int rank = (int) Math.ceil(0.5 * sorted.size());
    return new Summary(paths, sorted.get(rank - 1));
  }

  private static double seconds(Instant from, Instant to) {
    return Duration.between(from, to).toMillis() / 1000.0;
  }
}
