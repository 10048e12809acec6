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
 */
public record Remedy(List<GraphEdit> edits, double runsAvoided, double[] extraBilledSeconds) {

  public static final Remedy NONE = new Remedy(List.of(), 0, new double[] {0, 0});

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
    return new Remedy(edits, runsAvoided, new double[] {low, high});
  }

  public boolean isEmpty() {
    return edits.isEmpty() && runsAvoided == 0;
  }
}
