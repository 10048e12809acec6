package dev.pipeperf.rules;

import dev.pipeperf.cost.Savings;
import dev.pipeperf.source.Escape;
import dev.pipeperf.source.Location;
import dev.pipeperf.source.Severity;
import java.util.Comparator;
import java.util.List;

/**
 * One thing worth changing: which rule, where, what is wrong, the concrete fix, what it takes and
 * what it saves.
 *
 * @param workflow the workflow whose run the saving is measured on, or null when none
 * @param fix what to write where, in the user's terms (may span lines)
 * @param effortHours hours the fix usually takes
 * @param saving what applying the remedy saves (critical path per run; bill and waiting per month)
 * @param fingerprint stable across runs and unrelated edits: rule, file and the finding's subject
 * @param edits the fix as text edits, when the rule can write it exactly (empty when the fix needs
 *     judgement: the prose {@code fix} is then all there is)
 */
public record Finding(
    String ruleId,
    String ruleName,
    Severity severity,
    Location location,
    String message,
    String fix,
    Effort effort,
    double effortHours,
    Remedy remedy,
    String workflow,
    Savings saving,
    String fingerprint,
    List<TextEdit> edits)
    implements Comparable<Finding> {

  /** Less critical path per run than this is no saving (reports print whole seconds). */
  static final double MIN_SECONDS = 1;

  /** Less than this many billable minutes a month is no saving (GitHub bills whole minutes). */
  static final double MIN_BILLABLE_MINUTES = 1;

  /** Messages and fixes quote names from files: no control characters, messages on one line. */
  public Finding {
    message = Escape.oneLine(message);
    fix = Escape.multiLine(fix);
    edits = edits == null ? List.of() : List.copyOf(edits);
  }

  /** A finding whose fix is prose only. */
  public Finding(
      String ruleId,
      String ruleName,
      Severity severity,
      Location location,
      String message,
      String fix,
      Effort effort,
      double effortHours,
      Remedy remedy,
      String workflow,
      Savings saving,
      String fingerprint) {
    this(
        ruleId,
        ruleName,
        severity,
        location,
        message,
        fix,
        effort,
        effortHours,
        remedy,
        workflow,
        saving,
        fingerprint,
        List.of());
  }

  private static final Comparator<Finding> ORDER =
      Comparator.comparing(Finding::location)
          .thenComparing(Finding::ruleId)
          .thenComparing(Finding::message);

  Finding withSaving(Savings s) {
    return new Finding(
        ruleId,
        ruleName,
        severity,
        location,
        message,
        fix,
        effort,
        effortHours,
        remedy,
        workflow,
        s,
        fingerprint,
        edits);
  }

  /**
   * True when this is hygiene rather than a finding: it is no blocker (a concrete failure) and its
   * remedy computes no saving (at least a second of critical path per run or a billable minute a
   * month). Such items go to the short "also consider" list: not scored, not gated, and left out of
   * SARIF and annotations unless {@code --all} asks for them.
   */
  public boolean alsoConsider() {
    if (severity == Severity.BLOCKER) {
      return false;
    }
    return saving.criticalPathPerRun().high() < MIN_SECONDS
        && saving.billableMinutes().high() < MIN_BILLABLE_MINUTES;
  }

  /** {@code path:line:col: severity message [PP001]}, as fixtures and terminals show it. */
  @Override
  public String toString() {
    return location + ": " + severity.word() + " " + message + " [" + ruleId + "]";
  }

  @Override
  public int compareTo(Finding o) {
    return ORDER.compare(this, o);
  }
}
