package dev.pipeperf.review;

import dev.pipeperf.analysis.AnalysisResult;
import dev.pipeperf.cost.RunRate;
import dev.pipeperf.cost.WorkflowCost;
import java.util.ArrayList;
import java.util.List;

/**
 * How often each reported workflow runs a month and what a run of each event that starts it costs
 * (issue 16): the figure every monthly number of a report rests on, with where it comes from
 * (observed history, configured, derived from the triggers, or the default), and per event (a pull
 * request, a push to the default branch, a schedule) the critical path and the bill of such a run
 * with the jobs that do not run for it. The markdown and HTML reports print it as text and JSON do.
 *
 * @param workflows in the order of the report's timelines
 */
public record RunsPerEvent(List<Workflow> workflows) {

  public RunsPerEvent {
    workflows = List.copyOf(workflows);
  }

  /**
   * One workflow's runs.
   *
   * @param name the workflow's display name
   * @param path its file, root-relative
   * @param rate runs a month, all events, with its source and assumption
   * @param events per event: runs, critical path, bill, jobs not run
   */
  public record Workflow(
      String name, String path, RunRate rate, List<WorkflowCost.EventCost> events) {

    public Workflow {
      events = List.copyOf(events);
    }

    /**
     * {@code 569 runs/month (triggers: push to main 63, pull_request 252 …)}: the figure with its
     * assumption, the words text and JSON print.
     */
    public String describe() {
      return rate.describe();
    }

    /** {@code 569 runs/month from triggers}: the short form beside a monthly figure in a table. */
    public String basis() {
      return rate.basis();
    }

    /**
     * Whether the events differ enough to be shown one by one: several events, or one whose jobs do
     * not all run.
     */
    public boolean splitByEvent() {
      return events.size() > 1 || events.stream().anyMatch(e -> e.notes().size() > 1);
    }
  }

  public static RunsPerEvent of(AnalysisResult result, List<Timeline> current) {
    List<Workflow> out = new ArrayList<>();
    for (Timeline t : current) {
      WorkflowCost c = result.costs().get(t.workflow().path());
      if (c != null) {
        out.add(
            new Workflow(
                t.workflow().displayName(), t.workflow().path(), c.plan().rate(), c.events()));
      }
    }
    return new RunsPerEvent(out);
  }

  /** The workflow of a path, or null when it is not reported. */
  public Workflow of(String path) {
    return workflows.stream().filter(w -> w.path().equals(path)).findFirst().orElse(null);
  }
}
