package dev.pipeperf.graph;

import dev.pipeperf.config.ConfigLoader;
import dev.pipeperf.config.DurationOverrides;
import dev.pipeperf.source.Diagnostic;
import dev.pipeperf.source.SourceFile;
import dev.pipeperf.workflow.Step;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code durations:} pins that match nothing: a typo, or a job renamed since the pin was written.
 * Silently ignored, such a pin makes the job fall back on the catalogue and the gate report an
 * "improvement" nobody made.
 */
public final class PinCheck {

  private PinCheck() {}

  /**
   * One warning per {@code durations.jobs}, {@code durations.steps} or {@code durations.actions}
   * key that no job, step or action of the graph matches.
   *
   * @param configFile the config as read, for the keys' positions (null: positions unknown)
   */
  public static List<Diagnostic> unmatched(
      DurationOverrides pins, PipelineGraph graph, SourceFile configFile, String shownName) {
    if (pins.jobs().isEmpty() && pins.steps().isEmpty() && pins.actions().isEmpty()) {
      return List.of();
    }
    Set<String> jobKeys = new HashSet<>();
    Set<String> stepKeys = new HashSet<>();
    Set<String> actions = new HashSet<>();
    Set<String> jobIds = new HashSet<>();
    for (PipelineGraph.JobSpan span : graph.jobs()) {
      JobInstance ji = span.job();
      String id = ji.job().id();
      String file = ji.workflow().substring(ji.workflow().lastIndexOf('/') + 1);
      jobIds.add(id);
      jobKeys.add(id);
      jobKeys.add(file + ":" + id);
      jobKeys.add(ji.workflow() + ":" + id);
      for (Step step : ji.job().steps()) {
        collect(id, step, stepKeys, actions);
      }
    }
    List<Diagnostic> out = new ArrayList<>();
    pins.jobs().keySet().stream()
        .sorted()
        .filter(k -> !jobKeys.contains(k))
        .forEach(
            k ->
                out.add(
                    warning(
                        configFile,
                        shownName,
                        k,
                        "durations.jobs: "
                            + k
                            + " matches no job (job ids: "
                            + String.join(", ", jobIds.stream().sorted().limit(12).toList())
                            + (jobIds.size() > 12 ? ", …" : "")
                            + "); the pin is ignored")));
    pins.steps().keySet().stream()
        .sorted()
        .filter(k -> !stepKeys.contains(k))
        .forEach(
            k ->
                out.add(
                    warning(
                        configFile,
                        shownName,
                        k,
                        "durations.steps: "
                            + k
                            + " matches no step (write job-id/step-id or job-id/step name);"
                            + " the pin is ignored")));
    pins.actions().keySet().stream()
        .sorted()
        .filter(k -> !actions.contains(k.toLowerCase(Locale.ROOT)))
        .forEach(
            k ->
                out.add(
                    warning(
                        configFile,
                        shownName,
                        k,
                        "durations.actions: "
                            + k
                            + " is used by no step (write owner/name, without @version);"
                            + " the pin is ignored")));
    return out;
  }

  private static void collect(String jobId, Step step, Set<String> stepKeys, Set<String> actions) {
    if (step.id() != null) {
      stepKeys.add(jobId + "/" + step.id());
    }
    if (step.name() != null) {
      stepKeys.add(jobId + "/" + step.name());
    }
    if (step.uses() != null) {
      String name = step.uses().toLowerCase(Locale.ROOT);
      int at = name.indexOf('@');
      actions.add(at >= 0 ? name.substring(0, at) : name);
    }
    for (Step inner : step.parallel()) {
      collect(jobId, inner, stepKeys, actions);
    }
  }

  private static Diagnostic warning(
      SourceFile configFile, String shownName, String key, String message) {
    return Diagnostic.warning(
        configFile == null
            ? dev.pipeperf.source.Location.ofFile(shownName)
            : ConfigLoader.keyLocation(configFile, key),
        "config",
        message);
  }
}
