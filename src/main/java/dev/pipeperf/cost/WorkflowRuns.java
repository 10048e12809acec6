package dev.pipeperf.cost;

import dev.pipeperf.graph.JobInstance;
import dev.pipeperf.graph.PipelineGraph;
import dev.pipeperf.workflow.Condition;
import dev.pipeperf.workflow.Workflow;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How often a workflow runs and, for each event that starts it, which of its job instances run
 * ({@link EventJobs}): the plan its {@link WorkflowCost} bills by.
 *
 * @param rate runs a month, by event, with the source of the figure
 * @param events per event, the jobs that are not billed and why
 */
public record WorkflowRuns(RunRate rate, List<EventJobs> events) {

  public WorkflowRuns {
    events = List.copyOf(events);
  }

  /**
   * One event's jobs.
   *
   * @param event the event and its runs
   * @param notBilled instance keys not billed and off the critical path (skipped or rarely)
   * @param notRun names of jobs that do not run for the event
   * @param rarely names of jobs that run only after a failure or cancellation
   * @param assumed names of jobs whose condition is unknown before the run
   */
  public record EventJobs(
      RunRate.Event event,
      Set<String> notBilled,
      List<String> notRun,
      List<String> rarely,
      List<String> assumed) {
    public EventJobs {
      notBilled = Set.copyOf(notBilled);
      notRun = List.copyOf(notRun);
      rarely = List.copyOf(rarely);
      assumed = List.copyOf(assumed);
    }
  }

  /** One flat rate, every job running: what pipeperf assumed before it read triggers. */
  public static WorkflowRuns flat(String workflow, double runsPerMonth) {
    RunRate.Event any =
        new RunRate.Event(
            "any event",
            new Condition.EventFacts(null, null, null, false),
            runsPerMonth,
            "runsPerDay × workingDaysPerMonth",
            true);
    return new WorkflowRuns(
        new RunRate(
            runsPerMonth, RunRate.Source.DEFAULT, "runsPerDay × workingDaysPerMonth", List.of(any)),
        List.of(new EventJobs(any, Set.of(), List.of(), List.of(), List.of())));
  }

  /** The plan of one workflow of the graph: its rate, and each event's jobs. */
  public static WorkflowRuns of(
      PipelineGraph graph, String workflowPath, Map<String, Workflow> workflows, RunRate rate) {
    List<EventJobs> out = new ArrayList<>();
    for (RunRate.Event e : rate.events()) {
      Map<String, Condition.Outcome> outcomes =
          JobsPerEvent.of(graph, workflowPath, workflows, e.facts());
      Set<String> notBilled = new LinkedHashSet<>();
      Set<String> notRun = new LinkedHashSet<>();
      Set<String> rarely = new LinkedHashSet<>();
      Set<String> assumed = new LinkedHashSet<>();
      for (PipelineGraph.JobSpan span : graph.jobs()) {
        JobInstance j = span.job();
        Condition.Outcome o = outcomes.get(j.key());
        if (o == null) {
          continue;
        }
        String name = j.caller() == null ? j.job().id() : j.jobPath();
        switch (o) {
          case SKIPPED -> {
            notBilled.add(j.key());
            notRun.add(name);
          }
          case RARELY -> {
            notBilled.add(j.key());
            rarely.add(name);
          }
          case UNKNOWN -> {
            if (j.job().ifCondition() != null) {
              assumed.add(name);
            }
          }
          case RUNS -> {}
        }
      }
      out.add(
          new EventJobs(
              e, notBilled, List.copyOf(notRun), List.copyOf(rarely), List.copyOf(assumed)));
    }
    return new WorkflowRuns(rate, out);
  }
}
