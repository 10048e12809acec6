package dev.pipeperf.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonTest {

  /** Relative limit only: the floors are tested on their own. */
  static final Thresholds LIMITS = Thresholds.parse("10%", "high", "0s", "0");

  static Baseline.WorkflowEntry workflow(String path, double pathSeconds, double minutes) {
    return new Baseline.WorkflowEntry(
        path,
        path,
        new Baseline.Range(pathSeconds, pathSeconds),
        null,
        new Baseline.Range(minutes, minutes),
        1,
        List.of(
            new Baseline.JobEntry(
                "build", new Baseline.Range(pathSeconds, pathSeconds), true, path, 3, null)));
  }

  static Baseline baseline(String version, List<Baseline.WorkflowEntry> w, String... prints) {
    return new Baseline(
        1,
        version,
        w,
        java.util.Arrays.stream(prints)
            .map(p -> new Baseline.FindingEntry(p, "PP001", "high", "a.yml", 1, "m"))
            .toList());
  }

  @Test
  void growthWithinTheLimitPassesAndPastItFails() {
    Baseline before = baseline("1", List.of(workflow("a.yml", 600, 10)));
    assertThat(
            Comparison.of(before, baseline("1", List.of(workflow("a.yml", 660, 11))), LIMITS, true)
                .passed())
        .isTrue();
    Comparison c =
        Comparison.of(before, baseline("1", List.of(workflow("a.yml", 661, 11))), LIMITS, true);
    assertThat(c.regressions())
        .singleElement()
        .extracting(Comparison.Regression::headline)
        .isEqualTo("a.yml (a.yml): critical path 10m → 11m01s (+10.2%, limit +10%)");
    assertThat(c.regressions().get(0).detail()).isEqualTo("longer: build 10m → 11m01s");
  }

  @Test
  void growthFromZeroIsARegression() {
    Comparison c =
        Comparison.of(
            baseline("1", List.of(workflow("a.yml", 0, 0))),
            baseline("1", List.of(workflow("a.yml", 60, 1))),
            LIMITS,
            true);
    assertThat(c.regressions()).hasSize(2);
    assertThat(c.regressions().get(0).headline()).contains("(up from zero, limit +10%)");
  }

  @Test
  void workflowsAndFindingsThatAreGoneAreImprovementsOnlyForTheWholeRepository() {
    Baseline before =
        baseline("1", List.of(workflow("a.yml", 60, 1), workflow("b.yml", 60, 1)), "f1", "f2");
    Baseline now = baseline("1", List.of(workflow("a.yml", 60, 1)), "f1");
    assertThat(Comparison.of(before, now, LIMITS, true).improvements())
        .containsExactly("workflow b.yml (b.yml) is gone", "1 finding of the baseline is gone");
    assertThat(Comparison.of(before, now, LIMITS, false).improvements()).isEmpty();
  }

  @Test
  void aNewWorkflowAndADifferentVersionAreNotes() {
    Comparison c =
        Comparison.of(
            baseline("1", List.of()),
            baseline("2", List.of(workflow("a.yml", 60, 1))),
            LIMITS,
            true);
    assertThat(c.passed()).isTrue();
    assertThat(c.notes())
        .containsExactly(
            "the baseline was recorded by pipeperf 1, this is 2: estimates may differ for that"
                + " reason alone",
            "new workflow a.yml (a.yml): critical path 1m, 1 min billable per run; not in the"
                + " baseline");
  }

  @Test
  void failOnNoneNeverFailsOnFindings() {
    Baseline before = baseline("1", List.of());
    Baseline now = baseline("1", List.of(), "new");
    assertThat(Comparison.of(before, now, LIMITS, true).passed()).isFalse();
    assertThat(
            Comparison.of(before, now, Thresholds.parse("10%", "none", "0s", "0"), true).passed())
        .isTrue();
  }

  static Baseline.WorkflowEntry ranged(String path, double lo, double hi, double mLo, double mHi) {
    return new Baseline.WorkflowEntry(
        path,
        path,
        new Baseline.Range(lo, hi),
        null,
        new Baseline.Range(mLo, mHi),
        1,
        List.of(new Baseline.JobEntry("build", new Baseline.Range(lo, hi), true, path, 3, null)));
  }

  @Test
  void aSmallAbsoluteGrowthDoesNotFailTheGateWhateverItsShare() {
    // An independent 10-30 s echo job: 4 → 5 billable minutes (+25%) and nothing on the path.
    Thresholds defaults = Thresholds.parse("10%", "high");
    Baseline before = baseline("1", List.of(ranged("a.yml", 120, 180, 4, 4)));
    Baseline now = baseline("1", List.of(ranged("a.yml", 120, 180, 5, 5)));
    Comparison c = Comparison.of(before, now, defaults, true);
    assertThat(c.passed()).isTrue();
    assertThat(c.improvements()).isEmpty();
    // Past the floor (5 billable minutes more per run) it fails.
    Comparison big =
        Comparison.of(
            before, baseline("1", List.of(ranged("a.yml", 120, 180, 10, 10))), defaults, true);
    assertThat(big.regressions())
        .singleElement()
        .extracting(Comparison.Regression::headline)
        .asString()
        .contains("billable minutes per run");
  }

  @Test
  void theMiddleOfTheRangeMustGrowPastTheLimit() {
    Baseline before = baseline("1", List.of(ranged("a.yml", 600, 900, 10, 15)));
    // The high bound grew 11% but the middle only 6.7% (the estimate widened): no regression.
    assertThat(
            Comparison.of(
                    before,
                    baseline("1", List.of(ranged("a.yml", 600, 1000, 10, 15))),
                    LIMITS,
                    true)
                .passed())
        .isTrue();
    // The middle grew 13% and by more than the 1-minute floor: a regression, and not also an
    // improvement.
    Comparison c =
        Comparison.of(
            before,
            baseline("1", List.of(ranged("a.yml", 700, 1000, 10, 15))),
            Thresholds.parse("10%", "high"),
            true);
    assertThat(c.regressions()).hasSize(1);
    assertThat(c.improvements()).isEmpty();
  }

  @Test
  void aWorkflowThatGotWorseIsNotAlsoReportedBetter() {
    Baseline before = baseline("1", List.of(ranged("a.yml", 600, 600, 30, 30)));
    Comparison c =
        Comparison.of(
            before, baseline("1", List.of(ranged("a.yml", 900, 900, 20, 20))), LIMITS, true);
    assertThat(c.passed()).isFalse();
    assertThat(c.improvements()).isEmpty();
  }
}
