package dev.pipeperf.workflow;

import dev.pipeperf.source.Location;

/**
 * {@code strategy:}.
 *
 * @param matrix the matrix, or null
 * @param maxParallel {@code max-parallel}, or null for no limit
 * @param failFast {@code fail-fast} (GitHub's default: true)
 */
public record Strategy(Matrix matrix, Integer maxParallel, boolean failFast, Location location) {}
