package dev.pipeperf.workflow;

import dev.pipeperf.source.Location;
import java.util.List;

/**
 * One event under {@code on:}.
 *
 * @param event the event name, e.g. {@code push}, {@code workflow_run}
 * @param workflows for {@code workflow_run}: the workflows whose completion starts this one
 * @param branches branch filters, when given
 * @param paths path filters, when given
 * @param callInputs for {@code workflow_call}: the declared input names
 * @param types activity types ({@code types: [opened, labeled]}), when given: empty means all
 */
public record Trigger(
    String event,
    Location location,
    List<String> workflows,
    List<String> branches,
    List<String> paths,
    List<String> callInputs,
    List<String> types) {

  public Trigger {
    types = List.copyOf(types);
    workflows = List.copyOf(workflows);
    branches = List.copyOf(branches);
    paths = List.copyOf(paths);
    callInputs = List.copyOf(callInputs);
  }

  /** A trigger with no activity-type filter. */
  public Trigger(
      String event,
      Location location,
      List<String> workflows,
      List<String> branches,
      List<String> paths,
      List<String> callInputs) {
    this(event, location, workflows, branches, paths, callInputs, List.of());
  }

  public static Trigger simple(String event, Location location) {
    return new Trigger(event, location, List.of(), List.of(), List.of(), List.of());
  }

  /**
   * True when a new push to a pull request starts this trigger again: a pull-request event with no
   * {@code types}, or with {@code synchronize} among them (GitHub's default types include it).
   */
  public boolean firesOnPullRequestPush() {
    return (event.equals("pull_request") || event.equals("pull_request_target"))
        && (types.isEmpty() || types.contains("synchronize"));
  }
}
