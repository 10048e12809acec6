package dev.pipeperf.workflow;

import dev.pipeperf.source.Location;
import java.util.List;

/**
 * One event under {@code on:}, with the filters GitHub applies before starting a run.
 *
 * @param event the event name, e.g. {@code push}, {@code workflow_run}
 * @param workflows for {@code workflow_run}: the workflows whose completion starts this one
 * @param branches branch filters, when given
 * @param paths path filters, when given
 * @param callInputs for {@code workflow_call}: the declared input names
 * @param branchesIgnore {@code branches-ignore}
 * @param tags {@code tags} (push only)
 * @param tagsIgnore {@code tags-ignore}
 * @param pathsIgnore {@code paths-ignore}
 * @param types {@code types} (activity types), empty when GitHub's default applies
 * @param schedules for {@code schedule}: each {@code cron:} entry
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
    List<String> branchesIgnore,
    List<String> tags,
    List<String> tagsIgnore,
    List<String> pathsIgnore,
    List<String> types,
    List<Schedule> schedules,
    java.util.Set<String> filters) {

  /**
   * One {@code - cron: '...'} of {@code on.schedule}.
   *
   * @param cron the five-field expression as written
   * @param timezone the optional IANA {@code timezone:} beside it, or null (UTC)
   * @param location where the expression is written
   */
  public record Schedule(String cron, String timezone, Location location) {}

  public Trigger {
    filters = java.util.Set.copyOf(filters);
    workflows = List.copyOf(workflows);
    branches = List.copyOf(branches);
    paths = List.copyOf(paths);
    callInputs = List.copyOf(callInputs);
    branchesIgnore = List.copyOf(branchesIgnore);
    tags = List.copyOf(tags);
    tagsIgnore = List.copyOf(tagsIgnore);
    pathsIgnore = List.copyOf(pathsIgnore);
    types = List.copyOf(types);
    schedules = List.copyOf(schedules);
  }

  /** A trigger with no activity-type filter. */
  public Trigger(
      String event,
      Location location,
      List<String> workflows,
      List<String> branches,
      List<String> paths,
      List<String> callInputs) {
    this(
        event,
        location,
        workflows,
        branches,
        paths,
        callInputs,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        java.util.Set.of());
  }

  public static Trigger simple(String event, Location location) {
    return new Trigger(
        event,
        location,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        java.util.Set.of());
  }

  /** True when a {@code paths} or {@code paths-ignore} filter can skip a run. */
  public boolean pathFiltered() {
    return !paths.isEmpty() || !pathsIgnore.isEmpty();
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
