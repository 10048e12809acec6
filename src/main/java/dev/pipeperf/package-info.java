/**
 * pipeperf: reads a repository's CI configuration, builds one job/stage graph, computes how long a
 * run takes and what it costs, and says what to change. {@link dev.pipeperf.Analyzer} runs the
 * whole flow.
 */
package dev.pipeperf;
