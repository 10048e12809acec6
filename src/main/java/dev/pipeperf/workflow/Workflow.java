package dev.pipeperf.workflow;

import dev.pipeperf.source.Escape;
import dev.pipeperf.source.Location;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One GitHub Actions workflow file, as GitHub reads it.
 *
 * @param path the file, relative to the analysis root
 * @param name {@code name:}, or null (GitHub then shows the path)
 * @param location where the document starts
 * @param triggers the {@code on:} events, in file order
 * @param env workflow-level {@code env}
 * @param concurrency workflow-level {@code concurrency}, or null
 * @param jobs the jobs, in file order
 */
public record Workflow(
    String path,
    String name,
    Location location,
    List<Trigger> triggers,
    Map<String, String> env,
    Concurrency concurrency,
    Map<String, String> defaultsRun,
    List<Job> jobs) {

  public Workflow {
    triggers = List.copyOf(triggers);
    env = Map.copyOf(env);
    defaultsRun = Map.copyOf(defaultsRun);
    jobs = List.copyOf(jobs);
  }

  /** What GitHub shows for the workflow: its name, or its path. */
  public String displayName() {
    return Escape.oneLine(name != null ? name : path);
  }

  public Optional<Job> job(String id) {
    return jobs.stream().filter(j -> j.id().equals(id)).findFirst();
  }

  public Optional<Trigger> trigger(String event) {
    return triggers.stream().filter(t -> t.event().equals(event)).findFirst();
  }

  /** True when GitHub may start this workflow for a pull request. */
  public boolean runsOnPullRequests() {
    return triggers.stream()
        .anyMatch(t -> t.event().equals("pull_request") || t.event().equals("pull_request_target"));
  }

  /** True when this file can only be called by another workflow. */
  public boolean isReusableOnly() {
    return !triggers.isEmpty()
        && triggers.stream().allMatch(t -> t.event().equals("workflow_call"));
  }
}
