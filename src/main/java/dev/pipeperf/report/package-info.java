/** Renderers: one per output format, all fed by the same {@link dev.pipeperf.AnalysisResult}. */
package dev.pipeperf.report;
