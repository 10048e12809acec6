package dev.pipeperf.graph;

import java.util.ArrayList;
import java.util.List;

/** The longest path through one job's own nodes, which the builder creates contiguously. */
final class JobDurations {

  private JobDurations() {}

  /**
   * Longest path from {@code first} to {@code end} through the midpoints of the estimates, using
   * only edges inside [first, end]. Nodes of a job are created in dependency order, so one forward
   * pass is enough.
   */
  static double longestMidPath(List<Node> nodes, List<Edge> edges, int first, int end) {
    return longestPath(nodes, edges, first, end, n -> n.estimate().range().mid());
  }

  /** Longest path from {@code first} to {@code end} with each node weighing {@code weight}. */
  static double longestPath(
      List<Node> nodes,
      List<Edge> edges,
      int first,
      int end,
      java.util.function.ToDoubleFunction<Node> weight) {
    int n = end - first + 1;
    double[] start = new double[n];
    double[] finish = new double[n];
    List<int[]> internal = new ArrayList<>();
    for (Edge e : edges) {
      if (e.from() >= first && e.from() <= end && e.to() >= first && e.to() <= end) {
        internal.add(new int[] {e.from() - first, e.to() - first});
      }
    }
    internal.sort((a, b) -> Integer.compare(a[1], b[1]));
    int k = 0;
    for (int i = 0; i < n; i++) {
      while (k < internal.size() && internal.get(k)[1] == i) {
        start[i] = Math.max(start[i], finish[internal.get(k)[0]]);
        k++;
      }
      finish[i] = start[i] + weight.applyAsDouble(nodes.get(first + i));
    }
    return finish[n - 1];
  }
}
