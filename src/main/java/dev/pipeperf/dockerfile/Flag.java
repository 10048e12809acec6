package dev.pipeperf.dockerfile;

import dev.pipeperf.source.Location;

/**
 * A {@code --name=value} flag of an instruction, e.g. {@code --from=build} or {@code --link}.
 *
 * @param name the name without the leading dashes, as written
 * @param value what follows the first {@code =}, quotes removed; null for a bare flag
 * @param location where the flag starts
 */
public record Flag(String name, String value, Location location) {

  /** Splits BuildKit's raw flag word ({@code --from=build}). */
  static Flag parse(String raw, Location location) {
    String body = raw.startsWith("--") ? raw.substring(2) : raw;
    int eq = body.indexOf('=');
    return eq < 0
        ? new Flag(body, null, location)
        : new Flag(body.substring(0, eq), body.substring(eq + 1), location);
  }
}
