/**
 * pipeperf: reads a repository's CI configuration, builds one job/stage graph, computes how long a
 * run takes and what it costs, and says what to change. {@link dev.pipeperf.analysis.Analyzer} runs
 * the whole flow; this package holds only the product's identity ({@link dev.pipeperf.Version}).
 */
package dev.pipeperf;
