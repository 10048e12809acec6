package dev.pipeperf.rules;

import dev.pipeperf.cost.Savings;
import dev.pipeperf.source.Escape;
import dev.pipeperf.source.Location;
import dev.pipeperf.source.Severity;
import java.util.Comparator;

/**
 * One thing worth changing: which rule, where, what is wrong, the concrete fix, what it takes and
 * what it saves.
 *
 * @param workflow the workflow whose run the saving is measured on, or null when none
 * @param fix what to write where, in the user's terms (may span lines)
 * @param effortHours hours the fix usually takes
 * @param saving what applying the remedy saves (critical path per run; bill and waiting per month)
 * @param fingerprint stable across runs and unrelated edits: rule, file and the finding's subject
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
    String fingerprint)
    implements Comparable<Finding> {

  /** Messages and fixes quote names from files: no control characters, messages on one line. */
  public Finding {
    message = Escape.oneLine(message);
    fix = Escape.multiLine(fix);
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
        fingerprint);
  }

  /**
   * Hygiene rather than performance (a missing timeout, a pinned tag): listed under "also consider"
   * and never counted in a verdict's score or decision.
   */
  public boolean alsoConsider() {
    return false;
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
