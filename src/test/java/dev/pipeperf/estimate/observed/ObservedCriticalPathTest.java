package dev.pipeperf.estimate.observed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ObservedCriticalPathTest {

  /** seed 004's test.yml: who needs whom. */
  static final Map<String, Set<String>> SEED_004_NEEDS =
      Map.of(
          "test-suite", Set.of("build-docker-image"),
          "build-production-images", Set.of("build-docker-image"),
          "coverage-upload", Set.of("test-suite"),
          "all-checks", Set.of("test-suite", "build-production-images"),
          "tag-production-images", Set.of("all-checks"),
          "cleanup-test-images", Set.of("all-checks"));

  static final Function<String, Set<String>> NEEDS = n -> SEED_004_NEEDS.getOrDefault(n, Set.of());

  @Test
  void theSeed004SampleWalksBackThroughTheSeedsCriticalPath() throws IOException {
    List<ObservedRun> runs = TimingsReaderTest.sample().model();

    ObservedCriticalPath.Summary summary = ObservedCriticalPath.computeAll(runs, NEEDS);

    assertThat(summary.perRun()).hasSize(3);
    for (ObservedCriticalPath path : summary.perRun()) {
      assertThat(path.jobNames())
          .containsExactly(
              "build-docker-image", "test-suite", "all-checks", "tag-production-images");
      assertThat(path.pathRunSeconds()).isCloseTo(21 * 60, within(30.0));
      assertThat(path.links()).allSatisfy(l -> assertThat(l.waitSeconds()).isBetween(3.0, 13.0));
      assertThat(path.wallSeconds())
          .isCloseTo(path.pathRunSeconds() + path.pathWaitSeconds(), within(0.001));
      assertThat(path.ratio()).isBetween(0.95, 1.0);
    }
    ObservedCriticalPath median = summary.median();
    assertThat(median.pathRunSeconds() / 60).isCloseTo(21, within(0.5));
    assertThat(median.wallSeconds() / 60).isCloseTo(21.5, within(0.5));
  }

  @Test
  void waitsAreStartMinusTheDependencysFinish() {
    ObservedRun run =
        ObservedTimingsTest.run(
            "1",
            ObservedTimingsTest.job("a", 10, 100), // created at 5: waits 5
            ObservedTimingsTest.job("b", 200, 50), // starts 90 s after a finished
            ObservedTimingsTest.job("c", 20, 60)); // off the path

    ObservedCriticalPath path =
        ObservedCriticalPath.compute(run, n -> n.equals("b") ? Set.of("a", "c") : Set.of());

    assertThat(path.jobNames()).containsExactly("a", "b");
    assertThat(path.links())
        .extracting(ObservedCriticalPath.Link::waitSeconds)
        .containsExactly(5.0, 90.0);
    assertThat(path.pathRunSeconds()).isEqualTo(150);
    assertThat(path.wallSeconds()).isEqualTo(245);
    assertThat(path.ratio()).isCloseTo(150.0 / 245, within(1e-9));
  }

  @Test
  void aRunWhereNothingRanHasAnEmptyPath() {
    ObservedRun run =
        ObservedTimingsTest.run(
            "1", new ObservedJob("x", null, null, null, "skipped", List.of(), List.of()));

    ObservedCriticalPath path = ObservedCriticalPath.compute(run, n -> Set.of());

    assertThat(path.links()).isEmpty();
    assertThat(path.ratio()).isZero();
    assertThat(ObservedCriticalPath.computeAll(List.of(run), n -> Set.of()).median()).isNull();
  }
}
