package dev.pipeperf.bake;

import dev.pipeperf.source.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One build target after bake evaluation: inheritance merged, matrix expanded, variables
 * substituted, defaults applied as buildx applies them ({@code context "."}, {@code dockerfile
 * "Dockerfile"}). Absent optional values are null; absent collections are empty.
 *
 * @param name the target's name (after matrix expansion)
 * @param location the target's block
 * @param description the {@code description} attribute
 * @param context build context (default {@code "."})
 * @param contexts named additional contexts ({@code target:x} values are dependencies)
 * @param dockerfile Dockerfile path (default {@code "Dockerfile"})
 * @param dockerfileInline {@code dockerfile-inline}
 * @param target the Dockerfile stage to build
 * @param args build arguments
 * @param labels image labels
 * @param annotations {@code annotations}
 * @param tags image tags
 * @param platforms target platforms
 * @param cacheFrom cache sources, each parsed from {@code type=...,k=v}
 * @param cacheTo cache destinations, parsed like {@code cacheFrom}
 * @param output outputs, parsed like {@code cacheFrom}
 * @param secret secrets, parsed like {@code cacheFrom}
 * @param ssh SSH agent sockets or keys, parsed like {@code cacheFrom}
 * @param attest attestations, parsed like {@code cacheFrom}
 * @param entitlements entitlements
 * @param network {@code network}
 * @param noCache {@code no-cache}, null when not set
 * @param noCacheFilter {@code no-cache-filter}
 * @param pull {@code pull}, null when not set
 * @param call {@code call}
 * @param shmSize {@code shm-size}
 * @param ulimits {@code ulimits}
 * @param extraHosts {@code extra-hosts}
 * @param resources {@code resources}: cgroup limits of each {@code RUN} ({@code memory}, {@code
 *     cpu-quota}...), numbers in their decimal form
 * @param push true when an output pushes to a registry, false when outputs exist but none does,
 *     null without outputs
 * @param inherits the names this target's own block inherits from, in order
 * @param matrixOrigin for a matrix-expanded target, the name of the block it came from
 * @param attributeLocations where each attribute that has a value was set (for an inherited or
 *     overridden attribute: the definition that won), by bake attribute name ({@code cache-to})
 */
public record BakeTarget(
    String name,
    Location location,
    String description,
    String context,
    Map<String, String> contexts,
    String dockerfile,
    String dockerfileInline,
    String target,
    Map<String, String> args,
    Map<String, String> labels,
    List<String> annotations,
    List<String> tags,
    List<String> platforms,
    List<Map<String, String>> cacheFrom,
    List<Map<String, String>> cacheTo,
    List<Map<String, String>> output,
    List<Map<String, String>> secret,
    List<Map<String, String>> ssh,
    List<Map<String, String>> attest,
    List<String> entitlements,
    String network,
    Boolean noCache,
    List<String> noCacheFilter,
    Boolean pull,
    String call,
    String shmSize,
    List<String> ulimits,
    Map<String, String> extraHosts,
    Map<String, String> resources,
    Boolean push,
    List<String> inherits,
    String matrixOrigin,
    Map<String, Location> attributeLocations) {

  /** Where attribute {@code name} was set, or the target's block when it was not. */
  public Location locationOf(String name) {
    return attributeLocations.getOrDefault(name, location);
  }

  /** Names of the targets this one builds on through {@code target:} contexts, in order. */
  public List<String> targetDependencies() {
    List<String> deps = new ArrayList<>();
    for (String v : contexts.values()) {
      if (v.startsWith("target:")) {
        String n = v.substring("target:".length());
        if (!deps.contains(n)) {
          deps.add(n);
        }
      }
    }
    if (context != null && context.startsWith("target:")) {
      String n = context.substring("target:".length());
      if (!deps.contains(n)) {
        deps.add(n);
      }
    }
    return deps;
  }
}
