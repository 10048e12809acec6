package dev.pipeperf.review;

import dev.pipeperf.analysis.AnalysisResult;
import java.util.List;

/**
 * Every decision a report shows, computed once from one analysis; renderers only print it. The
 * markdown, HTML and JSON reports read the same objects, so they agree.
 *
 * @param current each reported workflow's timeline now
 * @param optimised the same workflows with every finding fixed
 * @param runs each workflow's runs a month with their source, and its cost per event
 */
public record Review(
    AnalysisResult result,
    Evidence evidence,
    Verdict verdict,
    PhasePlan plan,
    List<Timeline> current,
    List<Timeline> optimised,
    ImpactEffort matrix,
    Bottlenecks bottlenecks,
    DecisionTree decisionTree,
    Assumptions assumptions,
    CacheStrategy cacheStrategy,
    DockerfileArchitecture dockerfiles,
    RunsPerEvent runs) {

  public static Review of(AnalysisResult result) {
    Evidence evidence = Evidence.of(result);
    Verdict verdict = Verdict.of(evidence);
    PhasePlan plan = PhasePlan.of(result);
    List<Timeline> current = Timeline.of(result);
    List<Timeline> optimised = Timeline.of(result, result.rules().optimised());
    Assumptions assumptions = Assumptions.of(result);
    return new Review(
        result,
        evidence,
        verdict,
        plan,
        current,
        optimised,
        ImpactEffort.of(result, evidence),
        Bottlenecks.of(result, current),
        DecisionTree.of(primary(current), plan, assumptions),
        assumptions,
        CacheStrategy.of(result),
        DockerfileArchitecture.of(result),
        RunsPerEvent.of(result, current));
  }

  /** The slowest reported workflow, or null when there is none. */
  public Timeline primary() {
    return primary(current);
  }

  private static Timeline primary(List<Timeline> current) {
    Timeline best = null;
    for (Timeline t : current) {
      if (best == null || t.path().length().high() > best.path().length().high()) {
        best = t;
      }
    }
    return best;
  }
}
