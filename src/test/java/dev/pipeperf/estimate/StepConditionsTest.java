package dev.pipeperf.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StepConditionsTest {

  @Test
  void runnerOsComparisonsAreDecidedByTheRunner() {
    assertThat(StepConditions.skippedBecause("runner.os == 'macOS'", "linux")).contains("skipped");
    assertThat(StepConditions.skippedBecause("runner.os == 'Linux'", "linux")).isNull();
    assertThat(StepConditions.skippedBecause("${{ runner.os != \"Windows\" }}", "windows"))
        .contains("skipped");
    assertThat(StepConditions.skippedBecause("runner.os != 'Windows'", "macos")).isNull();
    // an unknown runner (self-hosted, an expression) decides nothing
    assertThat(StepConditions.skippedBecause("runner.os == 'macOS'", null)).isNull();
  }

  @Test
  void failureOnlyStepsAreNotPartOfATypicalRun() {
    assertThat(StepConditions.skippedBecause("failure()", "linux")).contains("failed");
    assertThat(StepConditions.skippedBecause("${{ cancelled() && true }}", null))
        .contains("cancelled");
    assertThat(StepConditions.skippedBecause("always()", "linux")).isNull();
    assertThat(StepConditions.skippedBecause("!failure()", "linux")).isNull();
    assertThat(StepConditions.skippedBecause("success() || failure()", "linux")).isNull();
    assertThat(StepConditions.skippedBecause(null, "linux")).isNull();
  }

  @Test
  void timeoutsCapEstimates() {
    Estimate e = Estimate.of(DurationRange.ofMinutes(4, 10), Provenance.CATALOGUE, "mvn test");
    Estimate capped = StepEstimator.capped(e, 5, "step");
    assertThat(capped.range()).isEqualTo(DurationRange.ofMinutes(4, 5));
    assertThat(capped.source()).contains("timeout-minutes: 5");
    assertThat(StepEstimator.capped(e, 2, "job").range()).isEqualTo(DurationRange.ofMinutes(2, 2));
    assertThat(StepEstimator.capped(e, 30, "step")).isSameAs(e);
    assertThat(StepEstimator.capped(e, null, "step")).isSameAs(e);
  }
}
