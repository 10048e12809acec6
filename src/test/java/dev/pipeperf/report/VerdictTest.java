package dev.pipeperf.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipeperf.cost.Savings;
import dev.pipeperf.rules.Effort;
import dev.pipeperf.rules.Finding;
import dev.pipeperf.rules.Remedy;
import dev.pipeperf.source.Location;
import dev.pipeperf.source.Severity;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VerdictTest {

  private final Map<Finding, Double> shares = new HashMap<>();

  private Finding finding(String id, Severity severity, Effort effort, double share) {
    Finding f =
        new Finding(
            id,
            "rule-" + id,
            severity,
            new Location("a.yml", shares.size() + 1, 1),
            "m",
            "fix",
            effort,
            effort.defaultHours(),
            Remedy.NONE,
            "a.yml",
            Savings.NONE,
            id + shares.size());
    shares.put(f, share);
    return f;
  }

  private Verdict verdict(Finding... findings) {
    return Verdict.of(List.of(findings), shares::get);
  }

  @Test
  void nothingAtHighOrBlockerIsApprovedWithTenMinusTheDeductions() {
    Verdict v =
        verdict(
            finding("PP015", Severity.LOW, Effort.LOW, 0),
            finding("PP013", Severity.MEDIUM, Effort.LOW, 0.1));
    assertThat(v.decision()).isEqualTo(Verdict.Decision.APPROVED);
    // 10 − (0.1) − (0.25 + 4 × 0.1)
    assertThat(v.score()).isEqualTo(9.3);
    assertThat(v.mustFix()).isEmpty();
  }

  @Test
  void noFindingsIsTenOutOfTen() {
    Verdict v = verdict();
    assertThat(v.decision()).isEqualTo(Verdict.Decision.APPROVED);
    assertThat(v.score()).isEqualTo(10);
    assertThat(Verdict.formatScore(v.score())).isEqualTo("10/10");
  }

  @Test
  void seed000OneLowEffortBlockerIsConditionallyApproved() {
    Finding blocker = finding("PP010", Severity.BLOCKER, Effort.LOW, 0);
    Verdict v = verdict(blocker, finding("PP015", Severity.LOW, Effort.LOW, 0));
    assertThat(v.decision()).isEqualTo(Verdict.Decision.CONDITIONALLY_APPROVED);
    assertThat(v.mustFix()).containsExactly(blocker);
    assertThat(v.score()).isEqualTo(8.9);
    assertThat(v.headline()).isEqualTo("⚠️ CONDITIONALLY APPROVED");
  }

  @Test
  void aBlockerWhoseFixIsNotLowEffortRequiresChanges() {
    Verdict v = verdict(finding("PP010", Severity.BLOCKER, Effort.MEDIUM, 0));
    assertThat(v.decision()).isEqualTo(Verdict.Decision.CHANGES_REQUIRED);
    assertThat(v.reasons()).anyMatch(r -> r.contains("medium effort"));
  }

  @Test
  void highFindingsSavingAQuarterOfTheCriticalPathRequireChanges() {
    Verdict below =
        verdict(
            finding("PP001", Severity.HIGH, Effort.LOW, 0.12),
            finding("PP004", Severity.HIGH, Effort.LOW, 0.12));
    assertThat(below.decision()).isEqualTo(Verdict.Decision.CONDITIONALLY_APPROVED);
    assertThat(below.mustFix()).isEmpty();
    Verdict at =
        verdict(
            finding("PP001", Severity.HIGH, Effort.LOW, 0.125),
            finding("PP004", Severity.HIGH, Effort.LOW, 0.125));
    assertThat(at.decision()).isEqualTo(Verdict.Decision.CHANGES_REQUIRED);
    assertThat(at.mustFix()).hasSize(2);
  }

  @Test
  void mediumFindingsNeverBlockHoweverMuchTheySave() {
    Verdict v = verdict(finding("PP009", Severity.MEDIUM, Effort.HIGH, 0.9));
    assertThat(v.decision()).isEqualTo(Verdict.Decision.APPROVED);
    // the share counts up to 0.5: 10 − 0.25 − 2
    assertThat(v.score()).isEqualTo(7.8);
  }

  @Test
  void theScoreNeverGoesBelowZero() {
    Finding[] many = new Finding[12];
    for (int i = 0; i < many.length; i++) {
      many[i] = finding("PP00" + i, Severity.HIGH, Effort.LOW, 0.5);
    }
    assertThat(verdict(many).score()).isZero();
  }
}
