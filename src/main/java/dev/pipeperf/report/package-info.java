/**
 * Renderers: one per output format, all fed by the same {@link
 * dev.pipeperf.analysis.AnalysisResult} and the {@link dev.pipeperf.review.Review} computed from
 * it. They print and decide nothing; markdown and HTML share their sections through {@code Page}.
 */
package dev.pipeperf.report;
