/**
 * Docker build-time estimates (spec §6.2): per instruction of the stages a target needs, cold and
 * warm, from the {@code build-catalogue.yml} data file and what the build context on disk holds.
 * {@link dev.pipeperf.estimate.docker.BuildEstimator} is the entry point; stage parallelism is left
 * to the pipeline graph, which gets each stage's dependencies.
 */
package dev.pipeperf.estimate.docker;
