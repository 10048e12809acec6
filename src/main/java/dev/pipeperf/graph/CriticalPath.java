package dev.pipeperf.graph;

import dev.pipeperf.estimate.DurationRange;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The critical-path engine: earliest start and finish of every node, slack, the longest path per
 * workflow, parallelism and each job instance's own duration — all as ranges, computed once on the
 * low bounds and once on the high bounds. O(V+E). {@code workflow_run} edges are left out: each
 * workflow is timed on its own.
 */
public final class CriticalPath {

  /** One workflow's critical path. */
  public record WorkflowPath(
      String workflow,
      DurationRange length,
      List<Integer> nodes,
      DurationRange work,
      double parallelism) {}

  /** A job instance as scheduled: when it starts and how long it runs. */
  public record JobTiming(
      JobInstance job,
      DurationRange start,
      DurationRange duration,
      DurationRange slack,
      boolean critical) {}

  private final PipelineGraph graph;
  private final double[] esLo;
  private final double[] esHi;
  private final double[] efLo;
  private final double[] efHi;
  private final double[] slackLo;
  private final double[] slackHi;
  private final Map<String, WorkflowPath> paths;

  /**
   * {@link #jobTimings()} and the same by workflow, built on first use: costs and timelines ask
   * once per workflow, and rebuilding every job's timing each time was quadratic in the repository.
   */
  private List<JobTiming> jobTimings;

  private Map<String, List<JobTiming>> jobTimingsByWorkflow;

  private CriticalPath(PipelineGraph graph, double[][] d) {
    this.graph = graph;
    int n = graph.nodes().size();
    esLo = new double[n];
    esHi = new double[n];
    efLo = new double[n];
    efHi = new double[n];
    slackLo = new double[n];
    slackHi = new double[n];
    paths = new LinkedHashMap<>();
    int[] order = topologicalOrder(graph);
    forward(order, d[0], esLo, efLo);
    forward(order, d[1], esHi, efHi);
    Map<String, double[]> makespan = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      String w = graph.node(i).workflow();
      double[] m = makespan.computeIfAbsent(w, k -> new double[2]);
      m[0] = Math.max(m[0], efLo[i]);
      m[1] = Math.max(m[1], efHi[i]);
    }
    backward(order, d[0], efLo, esLo, slackLo, makespan, 0);
    backward(order, d[1], efHi, esHi, slackHi, makespan, 1);
    Map<String, double[]> sums = new LinkedHashMap<>();
    Map<String, Integer> last = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      Node node = graph.node(i);
      double[] w = sums.computeIfAbsent(node.workflow(), k -> new double[2]);
      w[0] += d[0][i];
      w[1] += d[1][i];
      Integer l = last.get(node.workflow());
      if (l == null
          || efHi[i] > efHi[l]
          || (efHi[i] == efHi[l] && !node.isJoin() && graph.node(l).isJoin())) {
        last.put(node.workflow(), i);
      }
    }
    for (PipelineGraph.WorkflowEntry w : graph.workflows()) {
      paths.put(
          w.path(),
          trace(
              last.getOrDefault(w.path(), -1),
              makespan.getOrDefault(w.path(), new double[2]),
              sums.getOrDefault(w.path(), new double[2]),
              w.path()));
    }
  }

  /** Computes the schedule with each node's own estimate. */
  public static CriticalPath of(PipelineGraph graph) {
    return of(graph, Scenario.baseline(graph));
  }

  /** Computes the schedule of a what-if scenario (edits applied to the durations and edges). */
  public static CriticalPath of(PipelineGraph graph, Scenario scenario) {
    return new CriticalPath(scenario.graph(), scenario.durations());
  }

  private static int[] topologicalOrder(PipelineGraph g) {
    int n = g.nodes().size();
    int[] indeg = new int[n];
    for (int i = 0; i < n; i++) {
      for (int s : g.successors(i)) {
        indeg[s]++;
      }
    }
    int[] order = new int[n];
    int head = 0;
    int tail = 0;
    for (int i = 0; i < n; i++) {
      if (indeg[i] == 0) {
        order[tail++] = i;
      }
    }
    while (head < tail) {
      int v = order[head++];
      for (int s : g.successors(v)) {
        if (--indeg[s] == 0) {
          order[tail++] = s;
        }
      }
    }
    if (tail != n) {
      // The builder never makes cycles; if it ever did, time the acyclic part rather than crash.
      return java.util.Arrays.copyOf(order, tail);
    }
    return order;
  }

  private void forward(int[] order, double[] d, double[] es, double[] ef) {
    for (int v : order) {
      double start = 0;
      for (int p : graph.predecessors(v)) {
        if (isChain(p, v)) {
          continue;
        }
        start = Math.max(start, ef[p]);
      }
      es[v] = start;
      ef[v] = start + d[v];
    }
  }

  private void backward(
      int[] order,
      double[] d,
      double[] ef,
      double[] es,
      double[] slack,
      Map<String, double[]> makespan,
      int bound) {
    int n = ef.length;
    double[] lf = new double[n];
    java.util.Arrays.fill(lf, Double.POSITIVE_INFINITY);
    for (int k = order.length - 1; k >= 0; k--) {
      int v = order[k];
      double latest = makespan.get(graph.node(v).workflow())[bound];
      for (int s : graph.successors(v)) {
        if (isChain(v, s)) {
          continue;
        }
        latest = Math.min(latest, lf[s] - d[s]);
      }
      lf[v] = latest;
      slack[v] = Math.max(0, latest - ef[v]);
    }
  }

  /** Edges between workflows ({@code workflow_run}) are not part of either workflow's run. */
  private boolean isChain(int from, int to) {
    String a = graph.node(from).workflow();
    String b = graph.node(to).workflow();
    // Nodes of one workflow share its path string, so identity settles almost every edge.
    return a != b && !a.equals(b);
  }

  private WorkflowPath trace(int last, double[] makespan, double[] work, String workflow) {
    // Follow the high bounds: the pessimistic path is the one worth shortening.
    List<Integer> path = new ArrayList<>();
    int v = last;
    while (v >= 0) {
      path.add(v);
      int best = -1;
      for (int p : graph.predecessors(v)) {
        if (isChain(p, v)) {
          continue;
        }
        if (best < 0 || efHi[p] > efHi[best]) {
          best = p;
        }
      }
      v = best;
    }
    Collections.reverse(path);
    DurationRange length = new DurationRange(makespan[0], Math.max(makespan[0], makespan[1]));
    double parallelism = makespan[1] > 0 ? work[1] / makespan[1] : 1;
    return new WorkflowPath(
        workflow,
        length,
        List.copyOf(path),
        new DurationRange(work[0], Math.max(work[0], work[1])),
        parallelism);
  }

  public PipelineGraph graph() {
    return graph;
  }

  public Map<String, WorkflowPath> paths() {
    return Collections.unmodifiableMap(paths);
  }

  public WorkflowPath path(String workflow) {
    return paths.get(workflow);
  }

  public DurationRange earliestStart(int node) {
    return range(esLo[node], esHi[node]);
  }

  public DurationRange earliestFinish(int node) {
    return range(efLo[node], efHi[node]);
  }

  public DurationRange slack(int node) {
    return range(slackLo[node], slackHi[node]);
  }

  public boolean isCritical(int node) {
    return slackHi[node] < 1e-6;
  }

  /** Each job instance's timing, in graph order. */
  public List<JobTiming> jobTimings() {
    if (jobTimings == null) {
      List<JobTiming> out = new ArrayList<>();
      for (PipelineGraph.JobSpan s : graph.jobs()) {
        out.add(timing(s));
      }
      jobTimings = List.copyOf(out);
    }
    return jobTimings;
  }

  /** The timings of the job instances run as part of one workflow, in graph order. */
  public List<JobTiming> jobTimings(String workflow) {
    if (jobTimingsByWorkflow == null) {
      Map<String, List<JobTiming>> by = new java.util.HashMap<>();
      for (JobTiming t : jobTimings()) {
        by.computeIfAbsent(t.job().workflow(), w -> new ArrayList<>()).add(t);
      }
      by.replaceAll((w, list) -> List.copyOf(list));
      jobTimingsByWorkflow = by;
    }
    return jobTimingsByWorkflow.getOrDefault(workflow, List.of());
  }

  /** One job instance's timing, or null when the instance is not in this graph. */
  public JobTiming jobTiming(JobInstance job) {
    PipelineGraph.JobSpan s = graph.span(job);
    return s == null ? null : timing(s);
  }

  private JobTiming timing(PipelineGraph.JobSpan s) {
    double lo = efLo[s.end()] - esLo[s.start()];
    double hi = efHi[s.end()] - esHi[s.start()];
    return new JobTiming(
        s.job(),
        earliestStart(s.start()),
        range(lo, hi),
        slack(s.start()),
        isCritical(s.start()) && isCritical(s.end()));
  }

  /** The longest of all workflows' critical paths (the run a developer waits for longest). */
  public WorkflowPath longest() {
    WorkflowPath best = null;
    for (WorkflowPath p : paths.values()) {
      if (best == null || p.length().high() > best.length().high()) {
        best = p;
      }
    }
    return best;
  }

  private static DurationRange range(double a, double b) {
    return new DurationRange(Math.min(a, b), Math.max(a, b));
  }
}
