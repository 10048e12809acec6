package dev.pipeperf.rules;

import dev.pipeperf.source.Location;

/**
 * A good practice already in place (multi-stage build, registry cache, timeouts...), so reports can
 * say what is right and no rule nags about it.
 *
 * @param id a short kebab-case key, e.g. {@code multi-stage-build}
 * @param what one line in the user's terms
 */
public record Practice(String id, Location location, String what) implements Comparable<Practice> {

  @Override
  public int compareTo(Practice o) {
    int c = location.compareTo(o.location);
    return c != 0 ? c : id.compareTo(o.id);
  }
}
