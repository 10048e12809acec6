package dev.pipeperf.workflow;

import dev.pipeperf.source.Escape;
import dev.pipeperf.source.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One step of a job or composite action. Besides {@code uses}/{@code run}, a step may be a
 * parallel-step control (GA June 2026): {@code background: true} starts it without waiting, {@code
 * wait} / {@code wait-all} block on background steps, {@code cancel} stops one, and {@code
 * parallel} holds a group of steps that run at once and are all waited for.
 *
 * @param index 0-based position among its siblings
 * @param id {@code id:}, or null
 * @param name {@code name:}, or null
 * @param uses the action reference, or null
 * @param run the script, or null
 * @param waitFor ids named by {@code wait:}
 * @param cancel the id named by {@code cancel:}, or null
 * @param parallel the steps of a {@code parallel:} group (empty otherwise)
 */
public record Step(
    int index,
    String id,
    String name,
    Location location,
    String uses,
    Map<String, String> with,
    String run,
    Location runLocation,
    String shell,
    String ifCondition,
    boolean continueOnError,
    Integer timeoutMinutes,
    Map<String, String> env,
    boolean background,
    List<String> waitFor,
    boolean waitAll,
    String cancel,
    List<Step> parallel) {

  public Step {
    with = Map.copyOf(with);
    env = Map.copyOf(env);
    waitFor = List.copyOf(waitFor);
    parallel = List.copyOf(parallel);
  }

  /** What GitHub shows: the name, else {@code Run <first line>} or {@code Run <action>}. */
  public String displayName() {
    return Escape.oneLine(shownName());
  }

  private String shownName() {
    if (name != null) {
      return name;
    }
    if (uses != null) {
      return "Run " + uses;
    }
    if (run != null) {
      String first = run.strip().lines().findFirst().orElse("");
      return "Run " + (first.length() > 60 ? first.substring(0, 57) + "..." : first);
    }
    if (!parallel.isEmpty()) {
      return "parallel group";
    }
    if (cancel != null) {
      return "cancel " + cancel;
    }
    if (waitAll) {
      return "wait-all";
    }
    if (!waitFor.isEmpty()) {
      return "wait " + String.join(", ", waitFor);
    }
    return "step " + (index + 1);
  }

  /** True for a step that only synchronises ({@code wait}, {@code wait-all}, {@code cancel}). */
  public boolean isControl() {
    return uses == null && run == null && parallel.isEmpty();
  }

  public boolean isParallelGroup() {
    return !parallel.isEmpty();
  }

  /**
   * The action name without its version: {@code actions/checkout} for {@code actions/checkout@v4}.
   */
  public String action() {
    if (uses == null) {
      return null;
    }
    int at = uses.indexOf('@');
    return at < 0 ? uses : uses.substring(0, at);
  }

  /** Every step in the list, parallel groups replaced by their members, in file order. */
  public static List<Step> flatten(List<Step> steps) {
    List<Step> out = new ArrayList<>();
    for (Step s : steps) {
      if (s.isParallelGroup()) {
        out.addAll(flatten(s.parallel()));
      } else {
        out.add(s);
      }
    }
    return out;
  }
}
