package dev.pipeperf.report;

import dev.pipeperf.analysis.AnalysisResult;
import dev.pipeperf.graph.CriticalPath;
import dev.pipeperf.graph.Edge;
import dev.pipeperf.graph.Node;
import dev.pipeperf.graph.PipelineGraph;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The graph as people read it: joins (zero-length meeting points) contracted away, so edges go from
 * work to work; the nodes and edges on a critical path marked. Shared by the mermaid, dot and JSON
 * graph renderers.
 */
record GraphView(List<Node> nodes, List<ViewEdge> edges, BitSet critical, CriticalPath schedule) {

  /** An edge between two work nodes; {@code kind} is the kind of its first hop. */
  record ViewEdge(Node from, Node to, Edge.Kind kind, boolean critical) {}

  static GraphView of(AnalysisResult result) {
    CriticalPath cp = result.schedule();
    PipelineGraph g = cp.graph();
    Set<String> workflows = new HashSet<>();
    result.reportedWorkflows().forEach(w -> workflows.add(w.path()));
    BitSet critical = new BitSet();
    for (PipelineGraph.WorkflowEntry w : result.reportedWorkflows()) {
      cp.path(w.path()).nodes().forEach(critical::set);
    }
    List<Node> nodes = new ArrayList<>();
    for (Node n : g.nodes()) {
      if (!n.isJoin() && workflows.contains(n.workflow())) {
        nodes.add(n);
      }
    }
    List<List<Edge>> out = new ArrayList<>();
    for (int i = 0; i < g.nodes().size(); i++) {
      out.add(new ArrayList<>());
    }
    for (Edge e : g.edges()) {
      out.get(e.from()).add(e);
    }
    Set<String> seen = new LinkedHashSet<>();
    List<ViewEdge> edges = new ArrayList<>();
    for (Node n : nodes) {
      // Walk forward through joins to the next work nodes.
      Deque<Edge> pending = new ArrayDeque<>(out.get(n.index()));
      Set<Integer> visited = new HashSet<>();
      while (!pending.isEmpty()) {
        Edge e = pending.poll();
        Node to = g.node(e.to());
        if (!to.workflow().equals(n.workflow()) && e.kind() != Edge.Kind.WORKFLOW_RUN) {
          continue;
        }
        if (to.isJoin()) {
          if (visited.add(to.index())) {
            for (Edge next : out.get(to.index())) {
              pending.add(new Edge(e.from(), next.to(), stronger(e.kind(), next.kind())));
            }
          }
          continue;
        }
        if (!workflows.contains(to.workflow())) {
          continue;
        }
        if (seen.add(n.index() + ">" + to.index())) {
          edges.add(
              new ViewEdge(n, to, e.kind(), critical.get(n.index()) && critical.get(to.index())));
        }
      }
    }
    return new GraphView(nodes, edges, critical, cp);
  }

  /** Of two hops through a join, the kind that says more about why the dependency exists. */
  private static Edge.Kind stronger(Edge.Kind a, Edge.Kind b) {
    List<Edge.Kind> order =
        List.of(
            Edge.Kind.NEEDS,
            Edge.Kind.WORKFLOW_RUN,
            Edge.Kind.CALL,
            Edge.Kind.MATRIX_WAVE,
            Edge.Kind.WAIT,
            Edge.Kind.STEP_ORDER,
            Edge.Kind.JOB);
    return order.indexOf(a) <= order.indexOf(b) ? a : b;
  }

  boolean isCritical(Node n) {
    return critical.get(n.index());
  }

  /** The part of the view that belongs to one workflow. */
  GraphView only(String workflow) {
    List<Node> kept = nodes.stream().filter(n -> workflow.equals(n.workflow())).toList();
    java.util.Set<Node> in = new java.util.HashSet<>(kept);
    List<ViewEdge> edges =
        this.edges.stream().filter(e -> in.contains(e.from()) && in.contains(e.to())).toList();
    return new GraphView(kept, edges, critical, schedule);
  }
}
