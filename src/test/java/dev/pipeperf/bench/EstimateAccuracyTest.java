package dev.pipeperf.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Guards the calibration of the duration catalogue against the recorded runs of {@code
 * ../shared/corpus/runs} (issue 16): the figures are measured on the half of the runs the catalogue
 * was not calibrated on, and must not fall below what docs/performance.md reports.
 */
class EstimateAccuracyTest {

  private static final Path RUNS = Path.of("../shared/corpus/runs");

  @Test
  void holdoutRunsFallInsideTheEstimatedRangesAsDocumented() throws Exception {
    assumeTrue(
        Files.isDirectory(RUNS), "skipped: " + RUNS.toAbsolutePath() + " (shared corpus) missing");
    List<EstimateAccuracy.Sample> holdout = EstimateAccuracy.compare(RUNS, "holdout", null);
    List<EstimateAccuracy.Sample> calibration = EstimateAccuracy.compare(RUNS, "calibration", null);

    // Every executed, successful job of the corpus is compared: none is lost to name matching.
    assertThat(holdout.size() + calibration.size()).isGreaterThanOrEqualTo(54);
    assertThat(holdout)
        .extracting(EstimateAccuracy.Sample::runId)
        .doesNotContainAnyElementsOf(
            calibration.stream().map(EstimateAccuracy.Sample::runId).toList());

    EstimateAccuracy.Figures f = EstimateAccuracy.Figures.of(holdout);
    assertThat(f.inside()).isGreaterThanOrEqualTo(0.70);
    assertThat(f.medianMidpointError()).isLessThanOrEqualTo(0.40);
    assertThat(f.medianRatio()).isLessThanOrEqualTo(3.5);
  }

  @Test
  void figuresAreComputedPerJob() {
    var inside =
        new EstimateAccuracy.Sample(
            "c", "s", "1", "j", 100, dev.pipeperf.estimate.DurationRange.ofSeconds(80, 160));
    var outside =
        new EstimateAccuracy.Sample(
            "c", "s", "2", "j", 400, dev.pipeperf.estimate.DurationRange.ofSeconds(80, 160));
    EstimateAccuracy.Figures f = EstimateAccuracy.Figures.of(List.of(inside, outside));
    assertThat(f.inside()).isEqualTo(0.5);
    // midpoint 120: errors 20% and 70%; median 45%
    assertThat(f.medianMidpointError()).isCloseTo(0.45, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(f.medianRatio()).isEqualTo(2.0);
  }
}
