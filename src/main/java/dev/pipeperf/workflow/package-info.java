/**
 * GitHub Actions workflows and local actions: the model (records with a {@link
 * dev.pipeperf.source.Location} on everything a finding can point at), the parser (SnakeYAML's node
 * API, safe and bounded) and a tokeniser for {@code ${{ }}} expressions.
 */
package dev.pipeperf.workflow;
