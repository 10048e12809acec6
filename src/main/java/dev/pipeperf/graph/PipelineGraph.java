package dev.pipeperf.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole pipeline as one directed acyclic graph: job set-ups, steps and joins, with {@code
 * needs}, step order, waits and calls as edges. Built by {@link GraphBuilder}; immutable once
 * built, except for estimates, which {@link #withEstimates} replaces wholesale.
 */
public final class PipelineGraph {

  /** A job instance's first and last node: set-up, and the join that ends it. */
  public record JobSpan(JobInstance job, int start, int end) {}

  /** A workflow in the graph: its file, display name and triggers. */
  public record WorkflowEntry(String path, String displayName, List<String> events) {}

  private final List<Node> nodes;
  private final List<Edge> edges;
  private final List<JobSpan> jobs;
  private final List<WorkflowEntry> workflows;
  private final int[][] successors;
  private final int[][] predecessors;
  private final Map<String, Integer> byId;
  private final Map<JobInstance, JobSpan> spans = new java.util.IdentityHashMap<>();

  /** Job instances by the job they instantiate: rules ask per job, which was a scan per ask. */
  private final Map<dev.pipeperf.workflow.Job, List<JobInstance>> instancesByJob =
      new java.util.IdentityHashMap<>();

  PipelineGraph(
      List<Node> nodes, List<Edge> edges, List<JobSpan> jobs, List<WorkflowEntry> workflows) {
    this.nodes = List.copyOf(nodes);
    this.edges = List.copyOf(edges);
    this.jobs = List.copyOf(jobs);
    this.workflows = List.copyOf(workflows);
    int n = nodes.size();
    int[] outDeg = new int[n];
    int[] inDeg = new int[n];
    for (Edge e : edges) {
      outDeg[e.from()]++;
      inDeg[e.to()]++;
    }
    successors = new int[n][];
    predecessors = new int[n][];
    for (int i = 0; i < n; i++) {
      successors[i] = new int[outDeg[i]];
      predecessors[i] = new int[inDeg[i]];
    }
    int[] o = new int[n];
    int[] in = new int[n];
    for (Edge e : edges) {
      successors[e.from()][o[e.from()]++] = e.to();
      predecessors[e.to()][in[e.to()]++] = e.from();
    }
    Map<String, Integer> ids = new LinkedHashMap<>();
    for (Node node : nodes) {
      ids.put(node.id(), node.index());
    }
    byId = Collections.unmodifiableMap(ids);
    for (JobSpan s : jobs) {
      spans.put(s.job(), s);
      instancesByJob.computeIfAbsent(s.job().job(), j -> new ArrayList<>()).add(s.job());
    }
  }

  public List<Node> nodes() {
    return nodes;
  }

  public List<Edge> edges() {
    return edges;
  }

  public List<JobSpan> jobs() {
    return jobs;
  }

  public List<WorkflowEntry> workflows() {
    return workflows;
  }

  public Node node(int index) {
    return nodes.get(index);
  }

  /** The node with this id, or null. */
  public Node node(String id) {
    Integer i = byId.get(id);
    return i == null ? null : nodes.get(i);
  }

  int[] successors(int node) {
    return successors[node];
  }

  int[] predecessors(int node) {
    return predecessors[node];
  }

  /** The nodes that wait for this one. */
  public List<Node> successorsOf(Node node) {
    List<Node> out = new ArrayList<>();
    for (int s : successors[node.index()]) {
      out.add(nodes.get(s));
    }
    return out;
  }

  /** The nodes this one waits for. */
  public List<Node> predecessorsOf(Node node) {
    List<Node> out = new ArrayList<>();
    for (int p : predecessors[node.index()]) {
      out.add(nodes.get(p));
    }
    return out;
  }

  /**
   * The nodes of one job instance (set-up, steps, joins), in creation order: the builder creates
   * them contiguously, from the set-up to the end join.
   */
  public List<Node> nodesOf(JobInstance job) {
    JobSpan s = span(job);
    return s == null ? List.of() : nodes.subList(s.start(), s.end() + 1);
  }

  public JobSpan span(JobInstance job) {
    return spans.get(job);
  }

  /**
   * The instances of {@code job} run as part of workflow {@code workflowPath} (one, or one per
   * matrix combination; a called workflow's job once per caller), in graph order.
   */
  public List<JobInstance> instancesOf(String workflowPath, dev.pipeperf.workflow.Job job) {
    List<JobInstance> out = new ArrayList<>();
    for (JobInstance ji : instancesByJob.getOrDefault(job, List.of())) {
      if (ji.workflow().equals(workflowPath)) {
        out.add(ji);
      }
    }
    return out;
  }

  /**
   * The job instances a job instance waits for through {@code needs} (through reusable-workflow
   * calls and "all instances done" joins), in graph order; matrix siblings held back only by {@code
   * max-parallel} are not dependencies.
   */
  public List<JobInstance> upstreamJobs(JobInstance job) {
    JobSpan span = span(job);
    List<JobInstance> out = new ArrayList<>();
    if (span == null) {
      return out;
    }
    java.util.ArrayDeque<Integer> pending = new java.util.ArrayDeque<>();
    java.util.Set<Integer> seen = new java.util.HashSet<>();
    for (int p : predecessors[span.start()]) {
      pending.add(p);
    }
    while (!pending.isEmpty()) {
      int p = pending.poll();
      if (!seen.add(p)) {
        continue;
      }
      Node n = nodes.get(p);
      if (!n.workflow().equals(job.workflow())) {
        continue;
      }
      JobSpan ps = n.job() == null ? null : spans.get(n.job());
      if (ps != null && ps.end() == p) {
        if (!n.job().jobPath().equals(job.jobPath()) && !out.contains(n.job())) {
          out.add(n.job());
        }
      } else if (n.isJoin()) {
        for (int q : predecessors[p]) {
          pending.add(q);
        }
      }
    }
    return out;
  }

  /** The same graph with some nodes' estimates replaced (observed timings, overrides). */
  public PipelineGraph withEstimates(Map<Integer, dev.pipeperf.estimate.Estimate> replaced) {
    if (replaced.isEmpty()) {
      return this;
    }
    List<Node> n = new ArrayList<>(nodes);
    replaced.forEach((i, e) -> n.set(i, n.get(i).withEstimate(e)));
    return new PipelineGraph(n, edges, jobs, workflows);
  }
}
