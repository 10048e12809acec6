package dev.pipeperf.cost;

import dev.pipeperf.estimate.DurationRange;
import dev.pipeperf.graph.CriticalPath;
import dev.pipeperf.graph.GraphEdit;
import dev.pipeperf.graph.PipelineGraph;
import dev.pipeperf.graph.Scenario;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one workflow's run bills and what it costs a month: each job instance's duration from the
 * schedule, rounded up per job, at its runner's price; sharded jobs billed once per shard, removed
 * jobs not at all. The month adds up the events that start the workflow ({@link WorkflowRuns}):
 * each event's runs times what a run of that event bills, so that a deploy job that runs only on
 * pushes to the default branch is not billed for every pull request.
 *
 * @param criticalPath the run's critical path with every job that can run (the timeline's)
 * @param perRun the bill of a run with every job that can run
 * @param monthly the month, event by event
 * @param plan how often the workflow runs and which jobs run for each event
 * @param events per event: its critical path and its bill
 */
public record WorkflowCost(
    String workflow,
    DurationRange criticalPath,
    BillableMinutes perRun,
    MonthlyCost monthly,
    WorkflowRuns plan,
    List<EventCost> events) {

  public WorkflowCost {
    events = List.copyOf(events);
  }

  /**
   * One event's run of the workflow.
   *
   * @param event the event and its runs a month
   * @param criticalPath the critical path of a run started by it
   * @param perRun what such a run bills
   * @param notRun jobs whose {@code if:} or skipped needs keep them from running for the event
   * @param rarely jobs that run only after a failure or cancellation (not billed)
   * @param assumed jobs whose {@code if:} cannot be known before the run (assumed to run)
   */
  public record EventCost(
      RunRate.Event event,
      DurationRange criticalPath,
      BillableMinutes perRun,
      List<String> notRun,
      List<String> rarely,
      List<String> assumed) {
    public EventCost {
      notRun = List.copyOf(notRun);
      rarely = List.copyOf(rarely);
      assumed = List.copyOf(assumed);
    }

    /**
     * {@code 252 runs/month · critical path 3–12 min · 9–30 billable min/run ($0.05–$0.18)}: the
     * event's figures, the same words in every format.
     */
    public String figures() {
      return Amount.of(event.runsPerMonth()).format()
          + " runs/month · critical path "
          + minutes(criticalPath)
          + " min · "
          + perRun.minutes().format()
          + " billable min/run ("
          + perRun.dollars().formatDollars()
          + ")";
    }

    /** How the runs were reached and which jobs do not run: one phrase each. */
    public List<String> notes() {
      List<String> out = new ArrayList<>();
      out.add("runs: " + event.assumption());
      if (!notRun.isEmpty()) {
        out.add("not run (if: / needs): " + String.join(", ", notRun));
      }
      if (!rarely.isEmpty()) {
        out.add("only after a failure or cancellation, not billed: " + String.join(", ", rarely));
      }
      if (!assumed.isEmpty()) {
        out.add("if: unknown before the run, assumed to run: " + String.join(", ", assumed));
      }
      return out;
    }

    private static String minutes(DurationRange r) {
      return Amount.of(r.low() / 60, r.high() / 60).format();
    }
  }

  /**
   * {@code 569 runs/month (triggers: pull_request 252, push to main 63)} — runs a month with where
   * the figure comes from, printed beside every monthly figure.
   */
  public String runsAssumption() {
    return plan.rate().describe();
  }

  /** The cost of a workflow with one flat run rate and every job running (tests, no triggers). */
  public static WorkflowCost of(
      CriticalPath schedule,
      Scenario scenario,
      String workflow,
      Pricing pricing,
      CostInputs inputs) {
    return of(
        schedule.graph(),
        List.of(),
        schedule,
        scenario,
        workflow,
        pricing,
        inputs,
        WorkflowRuns.flat(workflow, inputs.runsPerMonth()));
  }

  /**
   * The cost of a workflow as scheduled (a baseline or a what-if scenario).
   *
   * @param graph the pipeline
   * @param edits the edits the scenario applies (each event's schedule re-applies them, with the
   *     jobs that do not run for the event removed)
   */
  public static WorkflowCost of(
      PipelineGraph graph,
      List<GraphEdit> edits,
      CriticalPath schedule,
      Scenario scenario,
      String workflow,
      Pricing pricing,
      CostInputs inputs,
      WorkflowRuns plan) {
    BillableMinutes bill = bill(schedule, scenario, workflow, pricing, Set.of());
    DurationRange path = schedule.path(workflow).length();
    List<EventCost> events = new ArrayList<>();
    Map<Set<String>, CriticalPath> byRemoved = new HashMap<>();
    for (WorkflowRuns.EventJobs e : plan.events()) {
      Set<String> removed = e.notBilled();
      CriticalPath s = schedule;
      if (!removed.isEmpty()) {
        s =
            byRemoved.computeIfAbsent(
                removed,
                r -> {
                  List<GraphEdit> all = new ArrayList<>(edits);
                  r.forEach(k -> all.add(new GraphEdit.RemoveJob(k)));
                  return CriticalPath.of(graph, Scenario.apply(graph, all));
                });
      }
      events.add(
          new EventCost(
              e.event(),
              s.path(workflow).length(),
              bill(schedule, scenario, workflow, pricing, removed),
              e.notRun(),
              e.rarely(),
              e.assumed()));
    }
    return new WorkflowCost(
        workflow, path, bill, MonthlyCost.ofEvents(events, inputs, plan.rate()), plan, events);
  }

  private static BillableMinutes bill(
      CriticalPath schedule,
      Scenario scenario,
      String workflow,
      Pricing pricing,
      Set<String> removed) {
    List<JobCharge> charges = new ArrayList<>();
    for (CriticalPath.JobTiming t : schedule.jobTimings(workflow)) {
      if (removed.contains(t.job().key())) {
        continue;
      }
      int times = scenario == null ? 1 : scenario.billedTimes(t.job());
      RunnerKind kind;
      if (t.job().job().callsReusableWorkflow() && !t.job().job().callsLocalWorkflow()) {
        // A remote reusable workflow's jobs run on runners of its own choosing; priced as Linux.
        kind = RunnerKind.fromLabels(List.of("ubuntu-latest"));
      } else if (t.job().runsOn() == null) {
        kind = RunnerKind.fromLabels(List.of());
      } else {
        kind = RunnerKind.of(t.job().runsOn().labels(), t.job().runsOn().group());
      }
      for (int i = 0; i < times; i++) {
        charges.add(new JobCharge(t.job().displayName(), kind, t.duration()));
      }
    }
    return BillableMinutes.of(charges, pricing);
  }

  /** Runs a month, all events together. */
  public double runsPerMonth() {
    return plan.rate().runsPerMonth();
  }

  /**
   * What changing this workflow into {@code changed} saves a month, event by event: each event's
   * bill before and after times its runs, and the critical path saved of the events developers wait
   * for. The saving per run is the whole workflow's critical path (every job that can run).
   */
  public Savings savingTo(WorkflowCost changed, CostInputs inputs) {
    DurationRange saved = criticalPath.minusClamped(changed.criticalPath());
    Amount minutes = Amount.ZERO;
    Amount dollars = Amount.ZERO;
    Amount hours = Amount.ZERO;
    for (int i = 0; i < events.size() && i < changed.events().size(); i++) {
      EventCost before = events.get(i);
      EventCost after = changed.events().get(i);
      double runs = before.event().runsPerMonth();
      minutes =
          minutes.plus(before.perRun().minutes().minusSigned(after.perRun().minutes()).times(runs));
      dollars =
          dollars.plus(before.perRun().dollars().minusSigned(after.perRun().dollars()).times(runs));
      if (before.event().waited()) {
        DurationRange s = before.criticalPath().minusClamped(after.criticalPath());
        hours =
            hours.plus(
                Amount.of(s.low(), s.high()).times(runs * inputs.waitingDevelopers() / 3600.0));
      }
    }
    return new Savings(
        saved,
        minutes,
        dollars,
        hours,
        hours.times(inputs.developerHourlyCost()),
        plan.rate().basis());
  }
}
