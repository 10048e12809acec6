/**
 * Findings: the rule API ({@link dev.pipeperf.rules.Rule}, {@link dev.pipeperf.rules.RuleInfo}),
 * the engine that runs the rules and computes each finding's saving on the graph, and the rules
 * themselves, one class each, under {@code rules.workflow}, {@code rules.docker} and {@code
 * rules.graph}.
 */
package dev.pipeperf.rules;
