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
 * @param filters the filter keys written under the event ({@code branches-ignore}, {@code tags},
 *     {@code types}...): which events it lets through depends on which are present
 */
public record Trigger(
    String event,
    Location location,
    List<String> workflows,
    List<String> branches,
    List<String> paths,
    List<String> callInputs,
    java.util.Set<String> filters) {

  public Trigger {
    filters = java.util.Set.copyOf(filters);
    workflows = List.copyOf(workflows);
    branches = List.copyOf(branches);
    paths = List.copyOf(paths);
    callInputs = List.copyOf(callInputs);
  }

  public static Trigger simple(String event, Location location) {
    return new Trigger(
        event, location, List.of(), List.of(), List.of(), List.of(), java.util.Set.of());
  }
}
