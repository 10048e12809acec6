/**
 * The pipeline graph (jobs, steps, joins and their dependencies), how it is built from a workspace,
 * the critical-path engine and the "what if" edits that findings' savings are computed with.
 */
package dev.pipeperf.graph;
