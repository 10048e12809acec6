package dev.pipeperf.workflow;

import dev.pipeperf.source.Location;

/** A job {@code container:} or one of its {@code services:}. */
public record Container(String name, String image, Location location) {}
