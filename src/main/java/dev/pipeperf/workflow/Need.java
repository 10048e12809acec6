package dev.pipeperf.workflow;

import dev.pipeperf.source.Location;

/** One entry of a job's {@code needs}, where it is written. */
public record Need(String jobId, Location location) {}
