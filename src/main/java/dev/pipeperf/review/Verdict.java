package dev.pipeperf.review;

import dev.pipeperf.analysis.AnalysisResult;
import dev.pipeperf.graph.CriticalPath;
import dev.pipeperf.rules.Effort;
import dev.pipeperf.rules.Finding;
import dev.pipeperf.source.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The reviewer's call on a pipeline: one documented function of the {@link Evidence}, monotonic in
 * it (more blockers, a larger recovered share or more findings never give a better decision or a
 * higher score).
 *
 * <p>Let {@code E} = confidence weight × max(share of the waited-for critical path recovered, share
 * of the runner bill recovered), with every counted finding fixed together; the weight is 1 when
 * most critical-path seconds are observed, 0.85 when observed and configured ones are, 0.7 when
 * catalogue and defaults dominate.
 *
 * <ul>
 *   <li><b>Score</b> = 10 × (1 − min(1, E ÷ 0.5)), to one decimal: blockers and hygiene do not move
 *       it (a blocker is a correctness problem, not a slow pipeline).
 *   <li><b>BLOCKED</b> when any counted finding is a blocker;
 *   <li>else <b>CHANGES REQUESTED</b> when E ≥ {@value #CHANGES_SHARE} (score ≤ 6);
 *   <li>else <b>APPROVED WITH RECOMMENDATIONS</b> when E ≥ {@value #RECOMMEND_SHARE} or any counted
 *       finding is of medium severity or above;
 *   <li>else <b>APPROVED</b>.
 * </ul>
 *
 * @param mustFix the findings the decision depends on: the blockers when blocked, the kinds that
 *     recover most when changes are requested, else none
 * @param recommended the counted findings that are not in {@code mustFix}
 * @param reasons why the decision is what it is, one sentence each
 */
public record Verdict(
    Decision decision,
    double score,
    Evidence evidence,
    List<Finding> mustFix,
    List<Finding> recommended,
    List<String> reasons,
    Risk risk) {

  /** E at or above which changes are requested. */
  public static final double CHANGES_SHARE = 0.20;

  /** E at or above which the approval comes with recommendations. */
  public static final double RECOMMEND_SHARE = 0.02;

  /** E at which the score reaches 0. */
  public static final double ZERO_SCORE_SHARE = 0.5;

  /** A kind recovering at least this share of its critical path is a must-fix of CHANGES. */
  public static final double MUST_FIX_KIND_SHARE = 0.05;

  /** The printed rule, with the constants above. */
  public static final String FORMULA =
      "E = confidence weight (observed 1, configured 0.85, estimated 0.7) × max(share of the"
          + " critical path recovered, share of the runner bill recovered), every counted finding"
          + " fixed together; score = 10 × (1 − min(1, E ÷ 0.5)); BLOCKED if any blocker, else"
          + " CHANGES REQUESTED if E ≥ 20%, else APPROVED WITH RECOMMENDATIONS if E ≥ 2% or any"
          + " counted finding is medium severity or above, else APPROVED; hygiene (also consider)"
          + " never counts";

  /** The four outcomes of a review, best first. */
  public enum Decision {
    APPROVED("✅", "APPROVED"),
    APPROVED_WITH_RECOMMENDATIONS("✅", "APPROVED WITH RECOMMENDATIONS"),
    CHANGES_REQUESTED("🔴", "CHANGES REQUESTED"),
    BLOCKED("🛑", "BLOCKED");

    private final String mark;
    private final String words;

    Decision(String mark, String words) {
      this.mark = mark;
      this.words = words;
    }

    public String mark() {
      return mark;
    }

    public String words() {
      return words;
    }

    /** Whether the change may merge as it is. */
    public boolean approves() {
      return this == APPROVED || this == APPROVED_WITH_RECOMMENDATIONS;
    }
  }

  /**
   * The risk of acting on the review: the effort of what must change and how sure the numbers are.
   */
  public enum Risk {
    LOW,
    MEDIUM,
    HIGH
  }

  /** The verdict on an analysis. */
  public static Verdict of(AnalysisResult result) {
    return of(Evidence.of(result));
  }

  /** The verdict on some evidence: the function the class comment documents. */
  public static Verdict of(Evidence evidence) {
    double e = evidence.weightedShare();
    double score = score(e);
    List<Finding> counted = new ArrayList<>();
    evidence.kinds().forEach(k -> counted.addAll(k.findings()));
    List<Finding> blockers = evidence.blockers();
    List<String> reasons = new ArrayList<>();
    List<Finding> mustFix = new ArrayList<>();
    Decision decision;
    String recovered =
        String.format(
            Locale.ROOT,
            "fixing the findings recovers %s of the critical path and %s of the runner bill"
                + " (weighted by %s confidence: E = %s)",
            Evidence.percent(evidence.pathShare()),
            Evidence.percent(evidence.billShare()),
            evidence.confidence().level().name().toLowerCase(Locale.ROOT),
            Evidence.percent(e));
    if (!blockers.isEmpty()) {
      decision = Decision.BLOCKED;
      mustFix.addAll(blockers);
      reasons.add(
          blockers.size()
              + " blocker"
              + (blockers.size() == 1 ? "" : "s")
              + " ("
              + String.join(", ", blockers.stream().map(Finding::ruleId).distinct().toList())
              + "): the pipeline fails until "
              + (blockers.size() == 1 ? "it is" : "they are")
              + " fixed");
      reasons.add(recovered);
    } else if (e >= CHANGES_SHARE) {
      decision = Decision.CHANGES_REQUESTED;
      reasons.add(recovered + ", at least " + Evidence.percent(CHANGES_SHARE));
      List<Evidence.Kind> big =
          evidence.kinds().stream()
              .filter(k -> k.share() >= MUST_FIX_KIND_SHARE)
              .sorted(Comparator.comparingDouble(k -> -k.share()))
              .toList();
      if (big.isEmpty()) {
        big =
            evidence.kinds().stream()
                .sorted(Comparator.comparingDouble(k -> -k.savedPerRun().high()))
                .limit(1)
                .toList();
      }
      big.forEach(k -> mustFix.addAll(k.findings()));
    } else if (e >= RECOMMEND_SHARE
        || counted.stream().anyMatch(f -> f.severity().atLeast(Severity.MEDIUM))) {
      decision = Decision.APPROVED_WITH_RECOMMENDATIONS;
      reasons.add("no blocker; " + recovered + ", below " + Evidence.percent(CHANGES_SHARE));
      long serious = counted.stream().filter(f -> f.severity().atLeast(Severity.MEDIUM)).count();
      if (serious > 0) {
        reasons.add(
            serious
                + " finding"
                + (serious == 1 ? "" : "s")
                + " of medium severity or above: recommended, not required");
      }
    } else {
      decision = Decision.APPROVED;
      reasons.add(
          "no blocker and no finding of medium severity or above; "
              + recovered
              + ", below "
              + Evidence.percent(RECOMMEND_SHARE));
    }
    List<Finding> recommended = counted.stream().filter(f -> !mustFix.contains(f)).toList();
    return new Verdict(
        decision,
        score,
        evidence,
        List.copyOf(mustFix),
        recommended,
        reasons,
        risk(evidence, mustFix));
  }

  /**
   * LOW when the required fixes are low effort and the numbers mostly observed; HIGH when a
   * required fix is high effort or the numbers are mostly estimated while something must change;
   * MEDIUM otherwise.
   */
  static Risk risk(Evidence evidence, List<Finding> mustFix) {
    Evidence.Confidence.Level c = evidence.confidence().level();
    boolean hard = mustFix.stream().anyMatch(f -> f.effort() == Effort.HIGH);
    boolean easy = mustFix.stream().allMatch(f -> f.effort() == Effort.LOW);
    if (hard || (!mustFix.isEmpty() && c == Evidence.Confidence.Level.LOW && !easy)) {
      return Risk.HIGH;
    }
    if (easy && c != Evidence.Confidence.Level.LOW) {
      return Risk.LOW;
    }
    return Risk.MEDIUM;
  }

  /** 10 × (1 − min(1, E ÷ 0.5)), to one decimal. */
  public static double score(double weightedShare) {
    double s = 10 * (1 - Math.min(1, Math.max(0, weightedShare) / ZERO_SCORE_SHARE));
    return Math.round(s * 10) / 10.0;
  }

  /**
   * The share of its workflow's critical path a finding saves. A finding tied to no workflow (a
   * Dockerfile's) has its saving summed over every workflow, so it is divided by the sum of their
   * critical paths.
   */
  public static double share(AnalysisResult result, Finding f) {
    double saved = f.saving().criticalPathPerRun().high();
    if (saved <= 0) {
      return 0;
    }
    double path = 0;
    if (f.workflow() == null) {
      for (CriticalPath.WorkflowPath p : result.schedule().paths().values()) {
        path += p.length().high();
      }
    } else {
      CriticalPath.WorkflowPath p = result.schedule().path(f.workflow());
      path = p == null ? 0 : p.length().high();
    }
    return path <= 0 ? 0 : Math.min(1, saved / path);
  }

  /** {@code 9.2/10}, {@code 10/10}. */
  public static String formatScore(double score) {
    return (score == Math.rint(score)
            ? String.valueOf((long) score)
            : String.format(Locale.ROOT, "%.1f", score))
        + "/10";
  }

  /** {@code ✅ APPROVED}. */
  public String headline() {
    return decision.mark() + " " + decision.words();
  }

  /** Hours the must-fix findings take. */
  public double mustFixHours() {
    return mustFix.stream().mapToDouble(Finding::effortHours).sum();
  }
}
