package dev.pipeperf.graph;

import dev.pipeperf.estimate.Estimate;
import dev.pipeperf.source.Escape;
import dev.pipeperf.source.Location;

/**
 * A node of the pipeline graph: a unit of work with a duration estimate, or a zero-length join.
 *
 * @param index position in {@link PipelineGraph#nodes()}, used by the engine
 * @param id stable text id, e.g. {@code test.yml:build#3}
 * @param workflow the workflow file it belongs to (its critical path is computed per workflow)
 * @param job the job instance it belongs to, or null for workflow-level joins
 * @param label what reports show
 */
public record Node(
    int index,
    String id,
    String workflow,
    JobInstance job,
    String label,
    Location location,
    Subject subject,
    Estimate estimate) {

  /** Labels are built from names in files; every report shows them on one line. */
  public Node {
    label = Escape.oneLine(label);
  }

  public boolean isJoin() {
    return subject instanceof Subject.Join;
  }

  Node withEstimate(Estimate e) {
    return new Node(index, id, workflow, job, label, location, subject, e);
  }
}
