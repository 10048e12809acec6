package dev.pipeperf.cost;

import dev.pipeperf.estimate.DurationRange;

/**
 * One job instance to bill: what it is called in reports, the runner it runs on, and how long it
 * runs (start to finish, seconds as a range).
 */
public record JobCharge(String jobLabel, RunnerKind kind, DurationRange duration) {}
