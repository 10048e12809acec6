package dev.pipeperf.graph;

/** A dependency: {@code to} cannot start before {@code from} finishes. */
public record Edge(int from, int to, Kind kind) {

  /** Why the dependency exists; reports and rules tell them apart. */
  public enum Kind {
    /** {@code needs:} between jobs. */
    NEEDS,
    /** Steps of one job, in order. */
    STEP_ORDER,
    /** {@code wait:}, {@code wait-all:} and the end of a {@code parallel:} group. */
    WAIT,
    /** A job's set-up, steps and end. */
    JOB,
    /** {@code max-parallel}: an instance waits for a free slot. */
    MATRIX_WAVE,
    /** A reusable-workflow call. */
    CALL,
    /** {@code workflow_run}: a separate, labelled chain between workflows. */
    WORKFLOW_RUN
  }
}
