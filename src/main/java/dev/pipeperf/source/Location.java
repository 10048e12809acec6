package dev.pipeperf.source;

import java.util.Comparator;

/**
 * A position in a file of the analysed repository: the path relative to the analysis root (with
 * forward slashes), and a 1-based line and column. Column 0 means "the whole line", line 0 "the
 * whole file".
 */
public record Location(String file, int line, int column) implements Comparable<Location> {

  private static final Comparator<Location> ORDER =
      Comparator.comparing(Location::file)
          .thenComparingInt(Location::line)
          .thenComparingInt(Location::column);

  public Location {
    if (file == null) {
      throw new IllegalArgumentException("file must not be null");
    }
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException("line and column are 1-based: " + line + ":" + column);
    }
  }

  /** A location that names a whole file. */
  public static Location ofFile(String file) {
    return new Location(file, 0, 0);
  }

  /** {@code path:line:col}, the form terminals and editors turn into links. */
  @Override
  public String toString() {
    if (line == 0) {
      return Escape.oneLine(file);
    }
    String shown = Escape.oneLine(file);
    return column == 0 ? shown + ":" + line : shown + ":" + line + ":" + column;
  }

  @Override
  public int compareTo(Location other) {
    return ORDER.compare(this, other);
  }
}
