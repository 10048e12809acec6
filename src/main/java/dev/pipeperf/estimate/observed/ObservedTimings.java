package dev.pipeperf.estimate.observed;

import dev.pipeperf.estimate.DurationRange;
import dev.pipeperf.estimate.Estimate;
import dev.pipeperf.estimate.Provenance;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The distribution of observed durations over several runs, per job display name and per (job, step
 * name): {@code [p50, p90]} as a {@link DurationRange} (nearest-rank percentiles, so every bound is
 * a duration that really happened; with one run low == high), the number of samples, and the queue
 * time ({@code created_at} → {@code started_at}) kept apart from the run time.
 *
 * <p>Skipped jobs and steps are not samples. When a job runs a step name twice, a run's sample for
 * that name is the sum of both. When a display name occurs twice in one run, each occurrence is a
 * sample.
 */
public final class ObservedTimings {

  /**
   * What the runs say about one job.
   *
   * @param name the display name
   * @param run run time, {@code [p50, p90]} seconds
   * @param samples how many runs ran the job
   * @param queue queue time, {@code [p50, p90]} seconds; null when no export had creation times
   * @param queueSamples how many samples the queue time has
   */
  public record JobTiming(
      String name,
      DurationRange run,
      int samples,
      DurationRange queue,
      int queueSamples,
      int failedRuns) {

    public JobTiming(
        String name, DurationRange run, int samples, DurationRange queue, int queueSamples) {
      this(name, run, samples, queue, queueSamples, 0);
    }

    /** The run time as an estimate whose provenance names the runs it came from. */
    public Estimate estimate() {
      return Estimate.of(
          run,
          Provenance.OBSERVED,
          "p50–p90 of " + samples + (samples == 1 ? " observed run" : " observed runs"));
    }
  }

  /**
   * What the runs say about one step of one job.
   *
   * @param job the job's display name
   * @param step the step's display name
   * @param duration {@code [p50, p90]} seconds
   * @param samples how many runs ran the step
   */
  public record StepTiming(String job, String step, DurationRange duration, int samples) {

    /** The duration as an estimate whose provenance names the runs it came from. */
    public Estimate estimate() {
      return Estimate.of(
          duration,
          Provenance.OBSERVED,
          "p50–p90 of " + samples + (samples == 1 ? " observed run" : " observed runs"));
    }
  }

  private final Map<String, JobTiming> jobs;
  private final Map<String, Map<String, StepTiming>> steps;
  private final int runs;

  private final Map<String, Integer> failedOnly;

  private ObservedTimings(
      Map<String, JobTiming> jobs,
      Map<String, Map<String, StepTiming>> steps,
      int runs,
      Map<String, Integer> failedOnly) {
    this.jobs = jobs;
    this.steps = steps;
    this.runs = runs;
    this.failedOnly = failedOnly;
  }

  /** Jobs that only ever failed or were cancelled, with how many times: no percentile for them. */
  public Map<String, Integer> failedOnly() {
    return java.util.Collections.unmodifiableMap(failedOnly);
  }

  /** Failed or cancelled job runs, in all, kept out of the percentiles. */
  public int failedJobRuns() {
    return jobs.values().stream().mapToInt(JobTiming::failedRuns).sum()
        + failedOnly.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** Summarises runs. Job and step order is that of first appearance. */
  public static ObservedTimings of(List<ObservedRun> runs) {
    Map<String, Integer> failedOnly = new LinkedHashMap<>();
    Map<String, List<Double>> runSamples = new LinkedHashMap<>();
    Map<String, List<Double>> queueSamples = new LinkedHashMap<>();
    Map<String, Map<String, List<Double>>> stepSamples = new LinkedHashMap<>();
    Map<String, Integer> failed = new LinkedHashMap<>();
    for (ObservedRun run : runs) {
      for (ObservedJob job : run.jobs()) {
        if (job.isSkipped()) {
          continue;
        }
        if (job.failedOrCancelled()) {
          // A failed or cancelled job stopped early (or hung until its timeout): it says nothing
          // about how long the job takes, so it is counted apart from the percentiles.
          failed.merge(job.name(), 1, Integer::sum);
          continue;
        }
        runSamples.computeIfAbsent(job.name(), k -> new ArrayList<>()).add(job.runSeconds());
        OptionalDouble queue = job.queueSeconds();
        List<Double> queues = queueSamples.computeIfAbsent(job.name(), k -> new ArrayList<>());
        queue.ifPresent(queues::add);
        Map<String, Double> perName = new LinkedHashMap<>();
        for (ObservedStep step : job.steps()) {
          if (!step.isSkipped()) {
            perName.merge(step.name(), step.seconds(), Double::sum);
          }
        }
        Map<String, List<Double>> forJob =
            stepSamples.computeIfAbsent(job.name(), k -> new LinkedHashMap<>());
        perName.forEach((name, s) -> forJob.computeIfAbsent(name, k -> new ArrayList<>()).add(s));
      }
    }
    Map<String, JobTiming> jobs = new LinkedHashMap<>();
    failed.forEach(
        (name, n) -> {
          if (!runSamples.containsKey(name)) {
            // only failed runs of this job: it is still shown, with what failed
            failedOnly.put(name, n);
          }
        });
    runSamples.forEach(
        (name, samples) -> {
          List<Double> queues = queueSamples.get(name);
          jobs.put(
              name,
              new JobTiming(
                  name,
                  Percentiles.p50p90(samples),
                  samples.size(),
                  queues.isEmpty() ? null : Percentiles.p50p90(queues),
                  queues.size(),
                  failed.getOrDefault(name, 0)));
        });
    Map<String, Map<String, StepTiming>> steps = new LinkedHashMap<>();
    stepSamples.forEach(
        (job, byStep) -> {
          Map<String, StepTiming> timings = new LinkedHashMap<>();
          byStep.forEach(
              (step, samples) ->
                  timings.put(
                      step,
                      new StepTiming(job, step, Percentiles.p50p90(samples), samples.size())));
          steps.put(job, timings);
        });
    return new ObservedTimings(jobs, steps, runs.size(), failedOnly);
  }

  /** How many runs were summarised. */
  public int runCount() {
    return runs;
  }

  /** Every job that ran at least once, in order of first appearance. */
  public List<JobTiming> jobs() {
    return List.copyOf(jobs.values());
  }

  /** The timing of the job with this display name, if it ran in any run. */
  public Optional<JobTiming> job(String displayName) {
    return Optional.ofNullable(jobs.get(displayName));
  }

  /** The steps of a job that ran, in order of first appearance. */
  public List<StepTiming> steps(String jobDisplayName) {
    Map<String, StepTiming> forJob = steps.get(jobDisplayName);
    return forJob == null ? List.of() : List.copyOf(forJob.values());
  }

  /** The timing of one step of one job. */
  public Optional<StepTiming> step(String jobDisplayName, String stepName) {
    Map<String, StepTiming> forJob = steps.get(jobDisplayName);
    return forJob == null ? Optional.empty() : Optional.ofNullable(forJob.get(stepName));
  }
}
