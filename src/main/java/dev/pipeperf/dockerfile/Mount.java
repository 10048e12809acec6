package dev.pipeperf.dockerfile;

import dev.pipeperf.source.Location;
import java.util.Map;

/**
 * One {@code RUN --mount=...} flag, split into its comma-separated options.
 *
 * @param type {@code bind} (BuildKit's default), {@code cache}, {@code secret}, {@code ssh} or
 *     {@code tmpfs}
 * @param options every {@code key=value} option as written, keys lower-cased; a bare key (e.g.
 *     {@code readonly}) maps to {@code "true"}
 * @param location where the flag starts
 */
public record Mount(String type, Map<String, String> options, Location location) {

  public Mount {
    options = Map.copyOf(options);
  }

  /** The stage, index or image a bind or cache mount reads from; null when none. */
  public String from() {
    return options.get("from");
  }

  /** Where the mount appears in the container; null when not given. */
  public String target() {
    String t = options.get("target");
    if (t == null) {
      t = options.get("dst");
    }
    return t == null ? options.get("destination") : t;
  }

  /** A cache mount's id (defaults to its target in BuildKit). */
  public String id() {
    String id = options.get("id");
    return id == null ? target() : id;
  }

  public boolean isCache() {
    return "cache".equals(type);
  }
}
