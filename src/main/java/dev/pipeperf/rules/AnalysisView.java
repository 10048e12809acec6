package dev.pipeperf.rules;

import dev.pipeperf.cost.CostInputs;
import dev.pipeperf.cost.Pricing;
import dev.pipeperf.cost.WorkflowCost;
import dev.pipeperf.estimate.StepEstimator;
import dev.pipeperf.graph.CriticalPath;
import dev.pipeperf.graph.JobInstance;
import dev.pipeperf.graph.Node;
import dev.pipeperf.graph.PipelineGraph;
import dev.pipeperf.graph.Subject;
import dev.pipeperf.workflow.Job;
import dev.pipeperf.workflow.Step;
import dev.pipeperf.workflow.Workflow;
import dev.pipeperf.workspace.Workspace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What rules see: the workspace's models, the graph and its schedule, what each workflow costs, and
 * the estimator (for "how long would this take instead" questions).
 */
public record AnalysisView(
    Workspace workspace,
    PipelineGraph graph,
    CriticalPath schedule,
    Map<String, WorkflowCost> costs,
    Pricing pricing,
    CostInputs costInputs,
    StepEstimator estimator) {

  /** The instances of a workflow's job (one, or one per matrix combination). */
  public List<JobInstance> instances(Workflow w, Job job) {
    return graph.instancesOf(w.path(), job);
  }

  /** The graph node of a step in a job instance (the step itself, not a composite's parts). */
  public Optional<Node> stepNode(JobInstance job, Step step) {
    for (Node n : graph.nodesOf(job)) {
      if (n.subject() instanceof Subject.StepWork w && w.step() == step) {
        return Optional.of(n);
      }
    }
    return Optional.empty();
  }

  /** True when any node of the job instance is on its workflow's critical path. */
  public boolean onCriticalPath(JobInstance job) {
    CriticalPath.WorkflowPath p = schedule.path(job.workflow());
    if (p == null) {
      return false;
    }
    PipelineGraph.JobSpan span = graph.span(job);
    if (span == null) {
      return false;
    }
    for (int i : p.nodes()) {
      if (i >= span.start() && i <= span.end()) {
        return true;
      }
    }
    return false;
  }

  /** The build-stage nodes of the graph: which step builds which stage of which Dockerfile. */
  public List<Node> buildStages() {
    List<Node> out = new ArrayList<>();
    for (Node n : graph.nodes()) {
      if (n.subject() instanceof Subject.BuildStage) {
        out.add(n);
      }
    }
    return out;
  }

  /** The build I/O nodes (context upload + cache import, export + push). */
  public List<Node> buildIo() {
    List<Node> out = new ArrayList<>();
    for (Node n : graph.nodes()) {
      if (n.subject() instanceof Subject.BuildIo) {
        out.add(n);
      }
    }
    return out;
  }

  public boolean onCriticalPath(Node node) {
    CriticalPath.WorkflowPath p = schedule.path(node.workflow());
    return p != null && p.nodes().contains(node.index());
  }
}
