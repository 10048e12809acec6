package dev.pipeperf.config;

import java.util.List;
import java.util.Map;

/**
 * The contents of {@code .pipeperf.yml}. Every field is optional; {@link #DEFAULT} documents the
 * defaults (also in the README). Numbers that feed the cost model are nullable here so the cost
 * model can tell "not given" from a value and state its own dated default.
 *
 * @param runsPerDay pipeline runs per working day
 * @param workingDaysPerMonth working days in a month
 * @param developerHourlyCost what an hour of a developer costs, in dollars
 * @param waitingDevelopers how many people wait on a run
 * @param pricing dollars per minute by runner kind, overriding the built-in price list
 * @param rules per rule id: off, or a severity
 * @param exclude glob patterns (relative to the root) of files to leave out
 * @param durations duration overrides
 * @param timings observed-timings files to read, relative to the root
 * @param baseline thresholds for {@code pipeperf check}
 * @param matrices the number of jobs a dynamic matrix ({@code ${{ fromJSON(...) }}}) makes, by job
 *     id or {@code workflow-file:job-id}
 */
public record PipeperfConfig(
    Double runsPerDay,
    Double workingDaysPerMonth,
    Double developerHourlyCost,
    Double waitingDevelopers,
    Map<String, Double> pricing,
    Map<String, RuleSetting> rules,
    List<String> exclude,
    DurationOverrides durations,
    List<String> timings,
    BaselineSettings baseline,
    Map<String, Integer> matrices) {

  public static final PipeperfConfig DEFAULT =
      new PipeperfConfig(
          null,
          null,
          null,
          null,
          Map.of(),
          Map.of(),
          List.of(),
          DurationOverrides.NONE,
          List.of(),
          BaselineSettings.DEFAULT,
          Map.of());

  public PipeperfConfig {
    pricing = pricing == null ? Map.of() : Map.copyOf(pricing);
    rules = rules == null ? Map.of() : Map.copyOf(rules);
    exclude = exclude == null ? List.of() : List.copyOf(exclude);
    durations = durations == null ? DurationOverrides.NONE : durations;
    timings = timings == null ? List.of() : List.copyOf(timings);
    baseline = baseline == null ? BaselineSettings.DEFAULT : baseline;
    matrices = matrices == null ? Map.of() : Map.copyOf(matrices);
  }

  /**
   * The configured size of a job's dynamic matrix ({@code matrices:}), by {@code path:job}, {@code
   * file:job} or {@code job}; null when not given.
   */
  public Integer matrixSize(String workflowPath, String jobId) {
    String file = workflowPath.substring(workflowPath.lastIndexOf('/') + 1);
    for (String key : List.of(workflowPath + ":" + jobId, file + ":" + jobId, jobId)) {
      Integer n = matrices.get(key);
      if (n != null) {
        return n;
      }
    }
    return null;
  }
}
