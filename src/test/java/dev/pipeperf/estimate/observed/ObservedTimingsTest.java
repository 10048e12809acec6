package dev.pipeperf.estimate.observed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipeperf.estimate.DurationRange;
import dev.pipeperf.estimate.Provenance;
import dev.pipeperf.source.Location;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObservedTimingsTest {

  static ObservedJob job(String name, int startSecond, int seconds) {
    Instant t0 = Instant.parse("2026-03-01T00:00:00Z");
    return new ObservedJob(
        name,
        t0.plusSeconds(startSecond - 5L),
        t0.plusSeconds(startSecond),
        t0.plusSeconds((long) startSecond + seconds),
        "success",
        List.of(),
        List.of());
  }

  static ObservedRun run(String id, ObservedJob... jobs) {
    return new ObservedRun(id, List.of(jobs), Location.ofFile("t.json"));
  }

  @Test
  void oneRunGivesLowEqualToHigh() {
    ObservedTimings timings = ObservedTimings.of(List.of(run("1", job("build", 0, 61))));

    ObservedTimings.JobTiming build = timings.job("build").orElseThrow();
    assertThat(build.run()).isEqualTo(DurationRange.ofSeconds(61));
    assertThat(build.samples()).isEqualTo(1);
    assertThat(build.queue()).isEqualTo(DurationRange.ofSeconds(5));
  }

  @Test
  void severalRunsGiveNearestRankP50AndP90() {
    List<ObservedRun> runs = new java.util.ArrayList<>();
    int[] seconds = {100, 300, 200, 500, 400, 600, 700, 800, 900, 1000};
    for (int i = 0; i < seconds.length; i++) {
      runs.add(run(String.valueOf(i), job("test", 0, seconds[i])));
    }

    ObservedTimings.JobTiming test = ObservedTimings.of(runs).job("test").orElseThrow();

    // nearest rank: p50 = 5th of 10, p90 = 9th of 10
    assertThat(test.run()).isEqualTo(DurationRange.ofSeconds(500, 900));
    assertThat(test.samples()).isEqualTo(10);
    assertThat(test.estimate().provenance()).isEqualTo(Provenance.OBSERVED);
    assertThat(test.estimate().source()).isEqualTo("p50–p90 of 10 observed runs");
  }

  @Test
  void skippedJobsAreNotSamples() {
    ObservedJob skipped =
        new ObservedJob("deploy", null, null, null, "skipped", List.of(), List.of());
    ObservedTimings timings =
        ObservedTimings.of(
            List.of(run("1", job("deploy", 0, 120)), run("2", skipped), run("3", skipped)));

    assertThat(timings.job("deploy").orElseThrow().samples()).isEqualTo(1);
    assertThat(timings.job("deploy").orElseThrow().run()).isEqualTo(DurationRange.ofSeconds(120));
  }

  @Test
  void ghExportsHaveNoQueueTime() {
    ObservedTimings timings =
        ObservedTimings.of(TimingsReaderTest.fixture("gh-runs-array.json").model());

    ObservedTimings.JobTiming build = timings.job("build").orElseThrow();
    assertThat(build.queue()).isNull();
    assertThat(build.queueSamples()).isZero();
    assertThat(build.run()).isEqualTo(DurationRange.ofSeconds(120, 240));
  }

  @Test
  void theSeed004SampleGivesTheSeedsJobTimesAtP50() throws IOException {
    ObservedTimings timings = ObservedTimings.of(TimingsReaderTest.sample().model());

    assertThat(timings.runCount()).isEqualTo(3);
    assertThat(timings.job("build-docker-image").orElseThrow().run().low()).isEqualTo(300);
    assertThat(timings.job("test-suite").orElseThrow().run().low()).isEqualTo(600);
    assertThat(timings.job("coverage-upload").orElseThrow().run().low()).isEqualTo(300);
    assertThat(timings.job("build-production-images").orElseThrow().run().low()).isEqualTo(480);
    assertThat(timings.job("all-checks").orElseThrow().run().low()).isEqualTo(60);
    assertThat(timings.job("tag-production-images").orElseThrow().run().low()).isEqualTo(300);
    assertThat(timings.job("cleanup-test-images").orElseThrow().run().low())
        .isBetween(120.0, 180.0);
    ObservedTimings.JobTiming test = timings.job("test-suite").orElseThrow();
    assertThat(test.run().high()).isGreaterThan(test.run().low());
    assertThat(test.queue().high()).isLessThanOrEqualTo(11);
    assertThat(timings.steps("test-suite"))
        .extracting(ObservedTimings.StepTiming::step)
        .containsExactly(
            "Set up job",
            "Checkout",
            "Log in to GHCR",
            "Pull test image",
            "Start services",
            "Install test packages",
            "Django checks",
            "Run tests",
            "Upload coverage artifact",
            "Complete job");
    assertThat(timings.step("test-suite", "Pull test image").orElseThrow().duration())
        .isEqualTo(DurationRange.ofSeconds(60));
    assertThat(timings.step("test-suite", "Run tests").orElseThrow().estimate().source())
        .isEqualTo("p50–p90 of 3 observed runs");
    assertThat(timings.step("test-suite", "No such step")).isEmpty();
    assertThat(
            timings
                .step("tag-production-images", "Re-tag production images")
                .orElseThrow()
                .duration()
                .low())
        .isEqualTo(255);
  }
}
