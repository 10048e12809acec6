package dev.pipeperf.estimate.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pipeperf.dockerfile.Dockerfile;
import dev.pipeperf.dockerfile.DockerfileParser;
import dev.pipeperf.source.ParseResult;
import dev.pipeperf.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every Dockerfile of the real-world corpus estimates without an exception, with its folder as the
 * context and a gha cache. The distribution is printed so a person can judge the figures.
 */
class RealCorpusBuildEstimateTest {

  private static final Path REAL = Path.of("..", "shared", "corpus", "real");

  private record Row(String path, double coldMid, double warmMid, int stages, String cold) {}

  @Test
  void everyRealDockerfileEstimates() throws IOException {
    assumeTrue(Files.isDirectory(REAL), "corpus not present: skipped (" + REAL + ")");
    List<Path> files;
    try (Stream<Path> s = Files.walk(REAL)) {
      files =
          s.filter(Files::isRegularFile)
              .filter(p -> isDockerfileName(p.getFileName().toString()))
              .sorted()
              .toList();
    }
    BuildEstimator estimator = new BuildEstimator();
    BuildContext.Limits limits = new BuildContext.Limits(20_000, 1L << 30, Duration.ofSeconds(2));
    List<Row> rows = new ArrayList<>();
    for (Path f : files) {
      String rel = REAL.relativize(f).toString().replace('\\', '/');
      ParseResult<SourceFile> read = SourceFile.read(f, rel);
      if (!read.hasModel()) {
        continue;
      }
      ParseResult<Dockerfile> parsed = DockerfileParser.parse(read.model());
      if (!parsed.hasModel()) {
        continue;
      }
      BuildContext ctx = BuildContext.open(f.getParent(), f, limits);
      BuildEstimate e = estimator.estimate(parsed.model(), null, ctx, CacheBackend.GHA, true);
      // A warm build only adds the cache import (a tiny build can be slower warm than cold).
      assertThat(e.serialWarm().range().low())
          .as(rel)
          .isLessThanOrEqualTo(
              e.serialCold().range().low() + e.cacheImportWarm().range().low() + 1e-6);
      for (StageEstimate s : e.stages()) {
        for (InstructionEstimate i : s.instructions()) {
          assertThat(i.warm().range().high()).as(rel).isLessThanOrEqualTo(i.cold().range().high());
          assertThat(i.cold().source()).as(rel).isNotBlank();
          assertThat(i.what()).as(rel).isNotBlank();
        }
      }
      rows.add(
          new Row(
              rel,
              e.serialCold().range().mid(),
              e.serialWarm().range().mid(),
              e.stages().size(),
              e.serialCold().range().format()));
    }
    assertThat(rows).isNotEmpty();
    List<Row> byCold = rows.stream().sorted(Comparator.comparingDouble(Row::coldMid)).toList();
    double[] cold = byCold.stream().mapToDouble(Row::coldMid).toArray();
    double[] warm = rows.stream().mapToDouble(Row::warmMid).sorted().toArray();
    System.out.printf(
        Locale.ROOT,
        "%d Dockerfiles estimated. cold mid: min %s, p25 %s, median %s, p75 %s, p90 %s, max %s;"
            + " warm (gha) mid: median %s, p90 %s%n",
        rows.size(),
        s(cold[0]),
        s(pct(cold, 25)),
        s(pct(cold, 50)),
        s(pct(cold, 75)),
        s(pct(cold, 90)),
        s(cold[cold.length - 1]),
        s(pct(warm, 50)),
        s(pct(warm, 90)));
    System.out.println("slowest cold:");
    for (Row r : byCold.subList(Math.max(0, byCold.size() - 8), byCold.size())) {
      System.out.println("  " + r.cold() + "  " + r.stages() + " stage(s)  " + r.path());
    }
    System.out.println("fastest cold:");
    for (Row r : byCold.subList(0, Math.min(3, byCold.size()))) {
      System.out.println("  " + r.cold() + "  " + r.stages() + " stage(s)  " + r.path());
    }
  }

  private static double pct(double[] sorted, int p) {
    return sorted[(int) Math.min(sorted.length - 1, Math.round(p / 100.0 * (sorted.length - 1)))];
  }

  private static String s(double seconds) {
    return dev.pipeperf.estimate.DurationRange.formatSeconds(seconds);
  }

  /** The names discovery reads as Dockerfiles, so the test sees what the product sees. */
  static boolean isDockerfileName(String name) {
    return dev.pipeperf.workspace.Paths.isDockerfileName(name);
  }
}
