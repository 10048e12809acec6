/**
 * Durations: the ranges pipeperf assumes ({@link dev.pipeperf.estimate.DurationRange}), where they
 * come from ({@link dev.pipeperf.estimate.Provenance}), the built-in catalogue and the estimator
 * that applies the user's overrides.
 */
package dev.pipeperf.estimate;
