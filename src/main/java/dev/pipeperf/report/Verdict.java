package dev.pipeperf.report;

import dev.pipeperf.AnalysisResult;
import dev.pipeperf.graph.CriticalPath;
import dev.pipeperf.rules.Effort;
import dev.pipeperf.rules.Finding;
import dev.pipeperf.source.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The reviewer's call on a pipeline (seed 000): a decision and a performance score out of 10, both
 * from the findings and what each saves of its workflow's critical path, by rules the report
 * prints.
 *
 * <p>Decision: CHANGES REQUIRED when a blocker's fix is not low effort, or when the blocker and
 * high findings of one workflow together save at least {@link #LARGE_SHARE} of its critical path;
 * otherwise CONDITIONALLY APPROVED when there is any blocker or high finding (fixing them is the
 * condition); otherwise APPROVED.
 *
 * <p>Score: {@code 10 − Σ (severity points + SHARE_WEIGHT × min(share, SHARE_CAP))}, never below 0,
 * to one decimal.
 *
 * @param deductions one per finding, in the order given
 * @param mustFix the findings the decision depends on (blockers, and high findings when changes are
 *     required)
 * @param reasons why the decision is what it is, one sentence each
 */
public record Verdict(
    Decision decision,
    double score,
    List<Deduction> deductions,
    List<Finding> mustFix,
    List<String> reasons) {

  /** What a finding saves, as a share of its workflow's critical path, beyond which it weighs. */
  public static final double LARGE_SHARE = 0.25;

  /** Points per unit of critical-path share saved. */
  public static final double SHARE_WEIGHT = 4;

  /** A finding's share counts up to this much (so one finding costs at most 2 + 1 points). */
  public static final double SHARE_CAP = 0.5;

  /** The printed formula, with the constants above. */
  public static final String FORMULA =
      "score = 10 − Σ over findings (severity points + 4 × min(share, 0.5)), never below 0;"
          + " severity points: blocker 1, high 0.5, medium 0.25, low 0.1, info 0;"
          + " share = the finding's critical-path saving per run ÷ its workflow's critical path"
          + " (pessimistic bounds)";

  /** The three outcomes of a review. */
  public enum Decision {
    APPROVED("✅", "APPROVED"),
    CONDITIONALLY_APPROVED("⚠️", "CONDITIONALLY APPROVED"),
    CHANGES_REQUIRED("🔴", "CHANGES REQUIRED");

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
  }

  /**
   * What one finding takes off the score.
   *
   * @param share its critical-path saving per run ÷ its workflow's critical path, 0–1
   */
  public record Deduction(Finding finding, double severityPoints, double share) {

    public double sharePoints() {
      return SHARE_WEIGHT * Math.min(share, SHARE_CAP);
    }

    public double total() {
      return severityPoints + sharePoints();
    }
  }

  /** Severity points: what a finding costs the score before its saving is counted. */
  public static double severityPoints(Severity s) {
    return switch (s) {
      case BLOCKER -> 1;
      case HIGH -> 0.5;
      case MEDIUM -> 0.25;
      case LOW -> 0.1;
      case INFO -> 0;
    };
  }

  /** The verdict on an analysis: its ranked findings, shares from its schedule. */
  public static Verdict of(AnalysisResult result) {
    return of(result.rankedFindings(), f -> share(result, f));
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

  /** The verdict on some findings, with {@code share} giving each one's critical-path share. */
  public static Verdict of(List<Finding> findings, ToDoubleFunction<Finding> share) {
    List<Deduction> deductions = new ArrayList<>();
    for (Finding f : findings) {
      deductions.add(new Deduction(f, severityPoints(f.severity()), share.applyAsDouble(f)));
    }
    List<String> reasons = new ArrayList<>();
    List<Finding> mustFix = new ArrayList<>();
    boolean changes = false;
    for (Deduction d : deductions) {
      Finding f = d.finding();
      if (f.severity() == Severity.BLOCKER) {
        mustFix.add(f);
        if (f.effort() != Effort.LOW) {
          changes = true;
          reasons.add(
              f.ruleId()
                  + " at "
                  + f.location()
                  + " is a blocker and its fix is "
                  + f.effort().word()
                  + " effort");
        }
      }
    }
    Map<String, List<Deduction>> serious = new LinkedHashMap<>();
    for (Deduction d : deductions) {
      Severity s = d.finding().severity();
      if ((s == Severity.BLOCKER || s == Severity.HIGH) && d.finding().workflow() != null) {
        serious.computeIfAbsent(d.finding().workflow(), k -> new ArrayList<>()).add(d);
      }
    }
    for (Map.Entry<String, List<Deduction>> e : serious.entrySet()) {
      double sum = e.getValue().stream().mapToDouble(Deduction::share).sum();
      if (sum >= LARGE_SHARE) {
        changes = true;
        reasons.add(
            String.format(
                Locale.ROOT,
                "the blocker and high findings of %s save %.0f%% of its critical path (≥ %.0f%%)",
                e.getKey(),
                sum * 100,
                LARGE_SHARE * 100));
        for (Deduction d : e.getValue()) {
          if (!mustFix.contains(d.finding())) {
            mustFix.add(d.finding());
          }
        }
      }
    }
    long blockers = deductions.stream().filter(d -> is(d, Severity.BLOCKER)).count();
    long highs = deductions.stream().filter(d -> is(d, Severity.HIGH)).count();
    Decision decision;
    if (changes) {
      decision = Decision.CHANGES_REQUIRED;
    } else if (blockers + highs > 0) {
      decision = Decision.CONDITIONALLY_APPROVED;
      if (blockers > 0) {
        reasons.add(
            blockers
                + " blocker"
                + (blockers == 1 ? "" : "s")
                + " with a low-effort fix: approved once "
                + (blockers == 1 ? "it is" : "they are")
                + " fixed");
      }
      if (highs > 0) {
        reasons.add(
            highs
                + " high-severity finding"
                + (highs == 1 ? "" : "s")
                + " saving less than "
                + Math.round(LARGE_SHARE * 100)
                + "% of the critical path: recommended before the next release");
      }
    } else {
      decision = Decision.APPROVED;
      reasons.add("no blocker or high-severity finding");
    }
    return new Verdict(decision, score(deductions), deductions, mustFix, reasons);
  }

  private static boolean is(Deduction d, Severity s) {
    return d.finding().severity() == s;
  }

  /** 10 minus the deductions, never below 0, to one decimal. */
  public static double score(List<Deduction> deductions) {
    double total = deductions.stream().mapToDouble(Deduction::total).sum();
    return Math.round(Math.max(0, 10 - total) * 10) / 10.0;
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
}
