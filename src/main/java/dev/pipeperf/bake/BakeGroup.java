package dev.pipeperf.bake;

import dev.pipeperf.source.Location;
import java.util.List;

/**
 * A named set of targets and groups.
 *
 * @param name the group's name
 * @param targets target or group names, in order
 * @param description the {@code description} attribute, or null
 * @param location the group's block (for a group made by a matrix, the target block)
 */
public record BakeGroup(String name, List<String> targets, String description, Location location) {
  public BakeGroup {
    targets = List.copyOf(targets);
  }
}
