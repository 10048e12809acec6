package dev.pipeperf.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The shared test corpus ({@code ../shared/corpus} beside the project). Tests that need it call
 * {@link #require(String)}, which skips them with a clear message when it is absent.
 */
public final class Corpus {

  private Corpus() {}

  public static Path root() {
    String override = System.getProperty("pipeperf.corpus");
    return override != null ? Path.of(override) : Path.of("..", "shared", "corpus");
  }

  /** The corpus sub-folder, or a skipped test saying which folder was missing. */
  public static Path require(String relative) {
    Path p = root().resolve(relative);
    assumeTrue(
        Files.isDirectory(p),
        "corpus folder " + p.toAbsolutePath().normalize() + " not present: skipped");
    return p;
  }

  /** Regular files under a folder that satisfy the filter, sorted for stable output. */
  public static List<Path> files(Path dir, Predicate<Path> filter) {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).filter(filter).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
