package dev.pipeperf.estimate.docker;

import dev.pipeperf.dockerfile.Instruction;
import dev.pipeperf.estimate.Estimate;

/**
 * What one instruction of a build costs.
 *
 * @param instruction the instruction ({@code FROM} included: its cost is the base image pull)
 * @param cold the cost with no cache
 * @param warm the cost on an ordinary commit's rebuild with the build's cache backend: a cache hit
 *     before the first changed input, the cold cost (less what a cache mount saves) from there
 * @param invalidatedByChange true when an ordinary commit makes this layer miss the cache (its own
 *     inputs change, or an earlier layer's, or a stage it copies from does)
 * @param what a short description: {@code apt-get install 12 packages incl. build-essential}
 * @param sizeMb the rough size of the layer it adds, for push times
 */
public record InstructionEstimate(
    Instruction instruction,
    Estimate cold,
    Estimate warm,
    boolean invalidatedByChange,
    String what,
    double sizeMb) {}
