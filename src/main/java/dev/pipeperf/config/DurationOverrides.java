package dev.pipeperf.config;

import java.util.Map;

/**
 * {@code durations:} in {@code .pipeperf.yml} — what the user knows better than the catalogue.
 *
 * @param jobs by job id (or {@code workflow-file:job-id}): the whole job, runner start-up included
 * @param steps by {@code job-id/step} where step is the step's id or name
 * @param actions by action ({@code actions/checkout}), version ignored
 * @param commands by a regular expression matched against each line of {@code run:} scripts
 */
public record DurationOverrides(
    Map<String, DurationValue> jobs,
    Map<String, DurationValue> steps,
    Map<String, DurationValue> actions,
    Map<String, DurationValue> commands) {

  public static final DurationOverrides NONE =
      new DurationOverrides(Map.of(), Map.of(), Map.of(), Map.of());

  public DurationOverrides {
    jobs = jobs == null ? Map.of() : Map.copyOf(jobs);
    steps = steps == null ? Map.of() : Map.copyOf(steps);
    actions = actions == null ? Map.of() : Map.copyOf(actions);
    commands = commands == null ? Map.of() : Map.copyOf(commands);
  }
}
