package dev.pipeperf.review;

import dev.pipeperf.analysis.AnalysisResult;
import dev.pipeperf.cost.Amount;
import dev.pipeperf.cost.WorkflowCost;
import dev.pipeperf.graph.PipelineGraph;
import dev.pipeperf.rules.Effort;
import java.util.ArrayList;
import java.util.List;

/**
 * The impact/effort matrix. Impact is relative to what the team waits for across every reported
 * workflow: a kind's waiting hours saved a month ÷ all waiting hours a month (so a 5 s saving on a
 * one-minute workflow does not outrank 34 s on the 21-minute one that runs as often). High impact:
 * at least {@value #HIGH_IMPACT_SHARE} of it.
 */
public record ImpactEffort(
    List<Cell> highLow, List<Cell> highMore, List<Cell> lowLow, List<Cell> lowMore) {

  /** Share of all waiting from which a kind of finding is high impact. */
  public static final double HIGH_IMPACT_SHARE = 0.02;

  /**
   * One kind of finding placed in the matrix.
   *
   * @param waitShare its waiting hours saved ÷ all waiting hours, 0–1
   * @param billsMore whether it bills more minutes than it saves
   */
  public record Cell(Evidence.Kind kind, Effort effort, double waitShare, boolean billsMore) {}

  public static ImpactEffort of(AnalysisResult result, Evidence evidence) {
    Amount waiting = Amount.ZERO;
    for (PipelineGraph.WorkflowEntry w : result.reportedWorkflows()) {
      WorkflowCost c = result.costs().get(w.path());
      if (c != null) {
        waiting = waiting.plus(c.monthly().waitingHours());
      }
    }
    double total = waiting.high();
    List<Cell> hl = new ArrayList<>();
    List<Cell> hm = new ArrayList<>();
    List<Cell> ll = new ArrayList<>();
    List<Cell> lm = new ArrayList<>();
    for (Evidence.Kind k : evidence.kinds()) {
      double saved =
          k.findings().stream().mapToDouble(f -> f.saving().developerHours().high()).sum();
      double billed =
          k.findings().stream().mapToDouble(f -> f.saving().billableMinutes().high()).sum();
      Effort effort =
          k.findings().stream().map(f -> f.effort()).max(Enum::compareTo).orElse(Effort.LOW);
      double share = total <= 0 ? 0 : Math.min(1, saved / total);
      Cell cell = new Cell(k, effort, share, billed < 0);
      boolean high = share >= HIGH_IMPACT_SHARE;
      boolean low = effort == Effort.LOW;
      (high ? (low ? hl : hm) : (low ? ll : lm)).add(cell);
    }
    return new ImpactEffort(hl, hm, ll, lm);
  }
}
