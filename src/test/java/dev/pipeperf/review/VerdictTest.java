package dev.pipeperf.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipeperf.cost.Amount;
import dev.pipeperf.cost.Savings;
import dev.pipeperf.estimate.DurationRange;
import dev.pipeperf.rules.Effort;
import dev.pipeperf.rules.Finding;
import dev.pipeperf.rules.Remedy;
import dev.pipeperf.source.Location;
import dev.pipeperf.source.Severity;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictTest {

  private int line = 1;

  private Finding finding(String id, Severity severity, Effort effort) {
    int l = line++;
    return new Finding(
        id,
        "rule-" + id,
        severity,
        new Location("a.yml", l, 1),
        "m",
        "fix",
        effort,
        effort.defaultHours(),
        Remedy.NONE,
        "a.yml",
        Savings.NONE,
        id + l);
  }

  /** Evidence with a 10-minute critical path, of which {@code recovered} is saved. */
  private static Evidence evidence(
      double recovered, Evidence.Confidence.Level level, Finding... findings) {
    List<Evidence.Kind> kinds = new ArrayList<>();
    for (Finding f : findings) {
      kinds.add(
          new Evidence.Kind(
              f.ruleId(), f.ruleName(), f.severity(), List.of(f), DurationRange.ZERO, 0, 1));
    }
    Evidence.Confidence c =
        switch (level) {
          case HIGH -> Evidence.Confidence.of(1, 0, 0);
          case MEDIUM -> Evidence.Confidence.of(0, 1, 0);
          case LOW -> Evidence.Confidence.of(0, 0, 1);
        };
    return new Evidence(
        kinds,
        List.of(),
        DurationRange.ofSeconds(600),
        DurationRange.ofSeconds(600 * (1 - recovered)),
        Amount.of(100),
        Amount.of(100),
        c);
  }

  @Test
  void nothingFoundIsApprovedAtTen() {
    Verdict v = Verdict.of(evidence(0, Evidence.Confidence.Level.HIGH));
    assertThat(v.decision()).isEqualTo(Verdict.Decision.APPROVED);
    assertThat(v.score()).isEqualTo(10);
    assertThat(Verdict.formatScore(v.score())).isEqualTo("10/10");
  }

  @Test
  void aBlockerBlocksWhateverElseHolds() {
    Finding blocker = finding("PP010", Severity.BLOCKER, Effort.LOW);
    Verdict v = Verdict.of(evidence(0, Evidence.Confidence.Level.HIGH, blocker));
    assertThat(v.decision()).isEqualTo(Verdict.Decision.BLOCKED);
    assertThat(v.mustFix()).containsExactly(blocker);
    assertThat(v.reasons().get(0)).contains("blocker").contains("PP010");
  }

  @Test
  void aQuarterOfTheCriticalPathObservedRequestsChanges() {
    Verdict v =
        Verdict.of(
            evidence(
                0.25, Evidence.Confidence.Level.HIGH, finding("PP001", Severity.HIGH, Effort.LOW)));
    assertThat(v.decision()).isEqualTo(Verdict.Decision.CHANGES_REQUESTED);
    assertThat(v.score()).isEqualTo(5);
    assertThat(v.mustFix()).isNotEmpty();
  }

  @Test
  void theSameShareEstimatedFromTheCatalogueWeighsLess() {
    // 0.25 × 0.7 = 0.175 < 0.20: recommendations, not required changes.
    Verdict v =
        Verdict.of(
            evidence(
                0.25, Evidence.Confidence.Level.LOW, finding("PP001", Severity.HIGH, Effort.LOW)));
    assertThat(v.decision()).isEqualTo(Verdict.Decision.APPROVED_WITH_RECOMMENDATIONS);
    assertThat(v.score()).isEqualTo(6.5);
    assertThat(v.mustFix()).isEmpty();
    assertThat(v.recommended()).hasSize(1);
  }

  @Test
  void lowSeverityWithoutSavingIsApproved() {
    Verdict v =
        Verdict.of(
            evidence(
                0, Evidence.Confidence.Level.HIGH, finding("PP015", Severity.LOW, Effort.LOW)));
    assertThat(v.decision()).isEqualTo(Verdict.Decision.APPROVED);
  }

  @Test
  void monotonicInTheRecoveredShare() {
    Verdict.Decision previous = Verdict.Decision.APPROVED;
    double score = 10;
    for (int i = 0; i <= 100; i++) {
      Verdict v = Verdict.of(evidence(i / 100.0, Evidence.Confidence.Level.HIGH));
      assertThat(v.decision().compareTo(previous)).isGreaterThanOrEqualTo(0);
      assertThat(v.score()).isLessThanOrEqualTo(score);
      previous = v.decision();
      score = v.score();
    }
    assertThat(previous).isEqualTo(Verdict.Decision.CHANGES_REQUESTED);
    assertThat(score).isZero();
  }
}
