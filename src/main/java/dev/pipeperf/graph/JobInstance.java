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

  @Override
  public String toString() {
    return displayName;
  }
}
