package dev.pipeperf.graph;

import dev.pipeperf.estimate.DurationRange;

/**
 * One change to the pipeline, for "what if" questions: a finding's remedy is a list of these, and
 * its saving is the critical path now minus the critical path with them applied.
 */
public sealed interface GraphEdit {

  /** Takes a node's work away (its dependents then wait only for its predecessors). */
  record RemoveNode(String nodeId) implements GraphEdit {}

  /** Takes a whole job instance away: its set-up, steps and joins. */
  record RemoveJob(String jobKey) implements GraphEdit {}

  /** Gives a node a new duration. */
  record ChangeDuration(String nodeId, DurationRange duration) implements GraphEdit {}

  /** Scales a node's duration (e.g. 0.8 for a 20% faster step). */
  record ScaleDuration(String nodeId, double factor) implements GraphEdit {}

  /** Adds a dependency: {@code to} waits for {@code from} too. */
  record AddEdge(String fromId, String toId) implements GraphEdit {}

  /** Drops one dependency: {@code to} no longer waits for {@code from}. */
  record RemoveEdge(String fromId, String toId) implements GraphEdit {}

  /**
   * Splits a step into {@code shards} parallel copies (a matrix or test sharding): the step takes
   * its duration divided by the shard count plus a per-shard overhead, and the job it belongs to is
   * billed {@code shards} times.
   */
  record SplitIntoShards(String nodeId, int shards, DurationRange overhead) implements GraphEdit {
    public SplitIntoShards {
      if (shards < 2) {
        throw new IllegalArgumentException("split into at least 2 shards");
      }
    }
  }
}
