package dev.pipeperf.graph;

import dev.pipeperf.estimate.DurationRange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A graph plus a set of edits: the durations (low, high) each node takes in that world, the edges
 * that remain, and how many times each job instance is billed. Applying edits never changes the
 * original graph.
 */
public final class Scenario {

  private final PipelineGraph graph;
  private final double[][] durations;
  private final Map<String, Integer> jobMultipliers;

  private Scenario(PipelineGraph graph, double[][] durations, Map<String, Integer> jobMultipliers) {
    this.graph = graph;
    this.durations = durations;
    this.jobMultipliers = jobMultipliers;
  }

  /** The pipeline as it is. */
  public static Scenario baseline(PipelineGraph graph) {
    int n = graph.nodes().size();
    double[][] d = new double[2][n];
    for (Node node : graph.nodes()) {
      d[0][node.index()] = node.estimate().range().low();
      d[1][node.index()] = node.estimate().range().high();
    }
    return new Scenario(graph, d, Map.of());
  }

  /**
   * The pipeline with the edits applied. Edits naming nodes that do not exist are ignored (a rule's
   * remedy may name a node that an earlier edit removed).
   */
  public static Scenario apply(PipelineGraph graph, List<GraphEdit> edits) {
    Scenario base = baseline(graph);
    double[][] d = {base.durations[0].clone(), base.durations[1].clone()};
    Map<String, Integer> multipliers = new HashMap<>();
    Set<Long> removedEdges = new HashSet<>();
    List<Edge> addedEdges = new ArrayList<>();
    for (GraphEdit e : edits) {
      if (e instanceof GraphEdit.RemoveNode r) {
        set(graph, d, r.nodeId(), DurationRange.ZERO);
      } else if (e instanceof GraphEdit.ChangeDuration c) {
        set(graph, d, c.nodeId(), c.duration());
      } else if (e instanceof GraphEdit.ScaleDuration s) {
        Node n = graph.node(s.nodeId());
        if (n != null) {
          d[0][n.index()] *= s.factor();
          d[1][n.index()] *= s.factor();
        }
      } else if (e instanceof GraphEdit.RemoveJob j) {
        for (PipelineGraph.JobSpan span : graph.jobs()) {
          if (span.job().key().equals(j.jobKey())) {
            for (int i = span.start(); i <= span.end(); i++) {
              d[0][i] = 0;
              d[1][i] = 0;
            }
            multipliers.put(span.job().key(), 0);
          }
        }
      } else if (e instanceof GraphEdit.AddEdge a) {
        Node from = graph.node(a.fromId());
        Node to = graph.node(a.toId());
        if (from != null && to != null && from.index() != to.index()) {
          addedEdges.add(new Edge(from.index(), to.index(), Edge.Kind.STEP_ORDER));
        }
      } else if (e instanceof GraphEdit.RemoveEdge r) {
        Node from = graph.node(r.fromId());
        Node to = graph.node(r.toId());
        if (from != null && to != null) {
          removedEdges.add(((long) from.index() << 32) | to.index());
        }
      } else if (e instanceof GraphEdit.SplitIntoShards s) {
        Node n = graph.node(s.nodeId());
        if (n != null) {
          int i = n.index();
          d[0][i] = d[0][i] / s.shards() + s.overhead().low();
          d[1][i] = d[1][i] / s.shards() + s.overhead().high();
          if (n.job() != null) {
            multipliers.merge(n.job().key(), s.shards(), Math::max);
          }
        }
      }
    }
    PipelineGraph g = graph;
    if (!removedEdges.isEmpty() || !addedEdges.isEmpty()) {
      List<Edge> kept = new ArrayList<>();
      for (Edge e : graph.edges()) {
        if (!removedEdges.contains(((long) e.from() << 32) | e.to())) {
          kept.add(e);
        }
      }
      kept.addAll(addedEdges);
      g = new PipelineGraph(graph.nodes(), kept, graph.jobs(), graph.workflows());
    }
    return new Scenario(g, d, Map.copyOf(multipliers));
  }

  private static void set(PipelineGraph g, double[][] d, String id, DurationRange r) {
    Node n = g.node(id);
    if (n != null) {
      d[0][n.index()] = r.low();
      d[1][n.index()] = r.high();
    }
  }

  public PipelineGraph graph() {
    return graph;
  }

  double[][] durations() {
    return durations;
  }

  /** How many times a job instance is billed in this scenario: 0 removed, k sharded, else 1. */
  public int billedTimes(JobInstance job) {
    return jobMultipliers.getOrDefault(job.key(), 1);
  }
}
