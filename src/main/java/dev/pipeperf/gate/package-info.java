/**
 * The CI gate (spec §1 use 2): a {@link dev.pipeperf.gate.Baseline} recorded from an analysis, its
 * JSON file, and the comparison of a new analysis against it that {@code pipeperf check} turns into
 * an exit code.
 */
package dev.pipeperf.gate;
