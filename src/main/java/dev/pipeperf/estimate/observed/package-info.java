/**
 * Real run timings exported from GitHub (spec §6.3): reading the REST API and {@code gh} exports
 * ({@link dev.pipeperf.estimate.observed.TimingsReader}), their distribution over runs ({@link
 * dev.pipeperf.estimate.observed.ObservedTimings}), matching the workflow's jobs to GitHub's
 * display names ({@link dev.pipeperf.graph.JobNames}) and the critical path as it really happened
 * ({@link dev.pipeperf.estimate.observed.ObservedCriticalPath}).
 */
package dev.pipeperf.estimate.observed;
