package dev.pipeperf.graph;

import dev.pipeperf.source.Escape;
import dev.pipeperf.source.Location;
import dev.pipeperf.workflow.Job;
import dev.pipeperf.workflow.MatrixInstance;
import dev.pipeperf.workflow.RunsOn;

/**
 * One job as it runs: a matrix instance, or a job of a called reusable workflow.
 *
 * @param key unique within the graph: {@code workflow:job}, {@code workflow:caller/job}, plus
 *     {@code [i]} for matrix instances
 * @param workflow the workflow file the run belongs to (the caller's, for called jobs)
 * @param definedIn the file that defines the job (differs for reusable workflows)
 * @param jobPath the job id, prefixed by caller ids for called jobs: {@code deploy/build}
 * @param displayName what GitHub shows: name or id, matrix values, {@code caller / callee}
 * @param instance the matrix values, or null
 * @param runsOn the runner labels with matrix values put in
 * @param runnerKind the billed runner kind: linux, windows, macos, self-hosted
 * @param caller for a job of a called reusable workflow, the calling job's instance; else null
 */
public record JobInstance(
    String key,
    String workflow,
    String definedIn,
    String jobPath,
    String displayName,
    Job job,
    MatrixInstance instance,
    RunsOn runsOn,
    String runnerKind,
    Location location,
    JobInstance caller) {

  /** Names and matrix values come from files; every report shows them on one line. */
  public JobInstance {
    displayName = Escape.oneLine(displayName);
  }

  /**
   * By {@link #key}, unique within a graph: the generated hash walked the job's every step, so a
   * map keyed by instances cost O(steps) per look-up (a 5,000-step job took 19 s to render).
   */
  @Override
  public int hashCode() {
    return key.hashCode();
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    return o instanceof JobInstance other
        && key.equals(other.key)
        && java.util.Objects.equals(workflow, other.workflow)
        && java.util.Objects.equals(definedIn, other.definedIn)
        && java.util.Objects.equals(jobPath, other.jobPath)
        && java.util.Objects.equals(displayName, other.displayName)
        && java.util.Objects.equals(job, other.job)
        && java.util.Objects.equals(instance, other.instance)
        && java.util.Objects.equals(runsOn, other.runsOn)
        && java.util.Objects.equals(runnerKind, other.runnerKind)
        && java.util.Objects.equals(location, other.location)
        && java.util.Objects.equals(caller, other.caller);
  }

  @Override
  public String toString() {
    return displayName;
  }
}
