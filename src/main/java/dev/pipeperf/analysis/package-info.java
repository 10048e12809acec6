/**
 * The whole flow in one call: {@link dev.pipeperf.analysis.Analyzer} reads the files, builds the
 * graph, joins observed runs ({@link dev.pipeperf.analysis.Observations}), estimates, prices and
 * runs the rules, and returns one immutable {@link dev.pipeperf.analysis.AnalysisResult} that the
 * review models, the reports, the gate and the commands read.
 */
package dev.pipeperf.analysis;
