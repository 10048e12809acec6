package dev.pipeperf.review;

import dev.pipeperf.analysis.AnalysisResult;
import dev.pipeperf.cost.Amount;
import dev.pipeperf.cost.WorkflowCost;
import dev.pipeperf.estimate.DurationRange;
import dev.pipeperf.estimate.Provenance;
import dev.pipeperf.graph.CriticalPath;
import dev.pipeperf.graph.Node;
import dev.pipeperf.graph.PipelineGraph;
import dev.pipeperf.rules.Finding;
import dev.pipeperf.source.Severity;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a verdict is decided on, and nothing else: the blockers; the share of what the team waits
 * for (the critical paths of the reported workflows, summed) and of the runner bill that fixing
 * every counted finding recovers, measured with all their remedies applied together; and how sure
 * the durations are, from their provenance. Hygiene findings ("also consider") are kept apart and
 * never counted.
 *
 * @param kinds the counted findings, one entry per rule: repeated findings of one kind count once,
 *     with their total
 * @param alsoConsider hygiene findings, listed but never counted
 * @param waitNow Σ over reported workflows of the critical path now, seconds
 * @param waitAfter the same with every counted finding fixed
 * @param runnerNow runner dollars a month now
 * @param runnerAfter runner dollars a month with every counted finding fixed
 * @param confidence how the critical-path seconds are known
 */
public record Evidence(
    List<Kind> kinds,
    List<Finding> alsoConsider,
    DurationRange waitNow,
    DurationRange waitAfter,
    Amount runnerNow,
    Amount runnerAfter,
    Confidence confidence) {

  /**
   * The findings of one rule, counted as one: severity the highest, saving and share the total.
   *
   * @param share the critical-path seconds they save per run (each alone, summed) ÷ the critical
   *     paths they are measured on, at most 1
   */
  public record Kind(
      String ruleId,
      String ruleName,
      Severity severity,
      List<Finding> findings,
      DurationRange savedPerRun,
      double share,
      double effortHours) {

    public int count() {
      return findings.size();
    }

    /** {@code PP001 redundant-retag-job} or {@code PP006 missing-cache ×4}. */
    public String label() {
      return ruleId + " " + ruleName + (count() > 1 ? " ×" + count() : "");
    }
  }

  /**
   * How the durations on the critical paths are known, by share of their seconds.
   *
   * @param observed share from observed runs
   * @param configured share from {@code .pipeperf.yml}
   * @param estimated share from the catalogue, heuristics or defaults
   */
  public record Confidence(Level level, double observed, double configured, double estimated) {

    /** The named levels, each with the weight it gives the recovered share. */
    public enum Level {
      HIGH(1.0),
      MEDIUM(0.85),
      LOW(0.7);

      private final double weight;

      Level(double weight) {
        this.weight = weight;
      }

      public double weight() {
        return weight;
      }
    }

    /**
     * HIGH when at least half the seconds are observed; MEDIUM when observed and configured
     * together are; LOW otherwise (catalogue and defaults dominate).
     */
    public static Confidence of(double observed, double configured, double estimated) {
      double total = observed + configured + estimated;
      if (total <= 0) {
        return new Confidence(Level.LOW, 0, 0, 1);
      }
      double o = observed / total;
      double c = configured / total;
      double e = estimated / total;
      Level level = o >= 0.5 ? Level.HIGH : o + c >= 0.5 ? Level.MEDIUM : Level.LOW;
      return new Confidence(level, o, c, e);
    }

    /** {@code 62% observed, 0% configured, 38% catalogue or default}. */
    public String describe() {
      return String.format(
          Locale.ROOT,
          "%s observed, %s configured, %s catalogue or default",
          percent(observed),
          percent(configured),
          percent(estimated));
    }
  }

  /** The evidence on an analysis. */
  public static Evidence of(AnalysisResult result) {
    List<Finding> counted = new ArrayList<>();
    List<Finding> hygiene = new ArrayList<>();
    for (Finding f : result.rankedFindings()) {
      (f.alsoConsider() ? hygiene : counted).add(f);
    }
    Map<String, List<Finding>> byRule = new LinkedHashMap<>();
    counted.forEach(f -> byRule.computeIfAbsent(f.ruleId(), k -> new ArrayList<>()).add(f));
    List<Kind> kinds = new ArrayList<>();
    for (List<Finding> fs : byRule.values()) {
      kinds.add(kind(result, fs));
    }
    Outcome outcome = Outcome.of(result, counted);
    DurationRange waitNow = DurationRange.ZERO;
    DurationRange waitAfter = DurationRange.ZERO;
    Amount runnerNow = Amount.ZERO;
    for (Map.Entry<String, WorkflowCost> e : outcome.after().entrySet()) {
      WorkflowCost before = result.costs().get(e.getKey());
      waitNow = waitNow.plus(before.criticalPath());
      waitAfter = waitAfter.plus(e.getValue().criticalPath());
      runnerNow = runnerNow.plus(before.monthly().runnerDollars());
    }
    return new Evidence(
        kinds, hygiene, waitNow, waitAfter, runnerNow, outcome.runnerDollars(), confidence(result));
  }

  private static Kind kind(AnalysisResult result, List<Finding> fs) {
    Finding first = fs.get(0);
    Severity severity = first.severity();
    DurationRange saved = DurationRange.ZERO;
    double share = 0;
    double hours = 0;
    for (Finding f : fs) {
      if (f.severity().compareTo(severity) < 0) {
        severity = f.severity();
      }
      saved = saved.plus(f.saving().criticalPathPerRun());
      share += Verdict.share(result, f);
      hours += f.effortHours();
    }
    return new Kind(
        first.ruleId(), first.ruleName(), severity, fs, saved, Math.min(1, share), hours);
  }

  /** The provenance of the critical-path seconds of the reported workflows. */
  static Confidence confidence(AnalysisResult result) {
    Map<Provenance, Double> seconds = new EnumMap<>(Provenance.class);
    CriticalPath cp = result.schedule();
    for (PipelineGraph.WorkflowEntry w : result.reportedWorkflows()) {
      CriticalPath.WorkflowPath path = cp.path(w.path());
      if (path == null) {
        continue;
      }
      for (int i : path.nodes()) {
        Node n = cp.graph().node(i);
        if (!n.isJoin()) {
          seconds.merge(n.estimate().provenance(), n.estimate().range().high(), Double::sum);
        }
      }
    }
    double observed = seconds.getOrDefault(Provenance.OBSERVED, 0.0);
    double configured = seconds.getOrDefault(Provenance.CONFIG, 0.0);
    double total = seconds.values().stream().mapToDouble(Double::doubleValue).sum();
    return Confidence.of(observed, configured, total - observed - configured);
  }

  /** The findings the decision depends on absolutely: blockers. */
  public List<Finding> blockers() {
    List<Finding> out = new ArrayList<>();
    for (Kind k : kinds) {
      k.findings().stream().filter(f -> f.severity() == Severity.BLOCKER).forEach(out::add);
    }
    return out;
  }

  /** Share of the waited-for critical path recovered (pessimistic bounds), 0–1. */
  public double pathShare() {
    return waitNow.high() <= 0
        ? 0
        : Math.max(0, Math.min(1, (waitNow.high() - waitAfter.high()) / waitNow.high()));
  }

  /** Share of the monthly runner bill recovered (pessimistic bounds), 0–1. */
  public double billShare() {
    return runnerNow.high() <= 0
        ? 0
        : Math.max(0, Math.min(1, (runnerNow.high() - runnerAfter.high()) / runnerNow.high()));
  }

  /** The larger of the two shares, weighted by the confidence of the durations. */
  public double weightedShare() {
    return confidence.level().weight() * Math.max(pathShare(), billShare());
  }

  static String percent(double share) {
    double p = share * 100;
    if (p > 0 && p < 1) {
      return "<1%";
    }
    return String.format(Locale.ROOT, "%.0f%%", p);
  }
}
