package dev.pipeperf.rules;

import dev.pipeperf.graph.GraphEdit;
import java.util.List;

/**
 * What a fix does to the pipeline, as graph edits: the finding's saving is the critical path (and
 * bill) now minus the critical path (and bill) with these applied.
 *
 * @param edits the graph edits the fix amounts to
 * @param runsAvoided the share of runs the fix avoids altogether (cancelled superseded runs), 0–1
 * @param extraBilledSeconds runner time the fix adds per run (a new job's set-up), low and high
 * @param onlyIfSaves report the finding only when applying the edits saves something (rules whose
 *     whole point is the saving: a needs edge that delays nothing is not worth a line)
 */
public record Remedy(
    List<GraphEdit> edits, double runsAvoided, double[] extraBilledSeconds, boolean onlyIfSaves) {

  public static final Remedy NONE = new Remedy(List.of(), 0, new double[] {0, 0}, false);

  public Remedy(List<GraphEdit> edits, double runsAvoided, double[] extraBilledSeconds) {
    this(edits, runsAvoided, extraBilledSeconds, false);
  }

  public Remedy {
    edits = List.copyOf(edits);
    if (runsAvoided < 0 || runsAvoided > 1) {
      throw new IllegalArgumentException("runsAvoided is a share of runs, 0 to 1");
    }
    extraBilledSeconds = extraBilledSeconds.clone();
  }

  public static Remedy of(List<GraphEdit> edits) {
    return new Remedy(edits, 0, new double[] {0, 0});
  }

  public static Remedy of(GraphEdit... edits) {
    return of(List.of(edits));
  }

  public Remedy withExtraBilledSeconds(double low, double high) {
    return new Remedy(edits, runsAvoided, new double[] {low, high}, onlyIfSaves);
  }

  /** The same remedy, reported only when it saves something. */
  public Remedy onlyIfItSaves() {
    return new Remedy(edits, runsAvoided, extraBilledSeconds, true);
  }

  public boolean isEmpty() {
    return edits.isEmpty() && runsAvoided == 0;
  }
}
