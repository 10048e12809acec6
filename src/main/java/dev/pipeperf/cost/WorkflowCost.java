package dev.pipeperf.cost;

import dev.pipeperf.estimate.DurationRange;
import dev.pipeperf.graph.CriticalPath;
import dev.pipeperf.graph.Scenario;
import java.util.ArrayList;
import java.util.List;

/**
 * What one workflow's run bills and what it costs a month: each job instance's duration from the
 * schedule, rounded up per job, at its runner's price; sharded jobs billed once per shard, removed
 * jobs not at all.
 *
 * @param criticalPath the run's critical path, which developers wait for
 */
public record WorkflowCost(
    String workflow, DurationRange criticalPath, BillableMinutes perRun, MonthlyCost monthly) {

  /** The cost of a workflow as scheduled (a baseline or a what-if scenario). */
  public static WorkflowCost of(
      CriticalPath schedule,
      Scenario scenario,
      String workflow,
      Pricing pricing,
      CostInputs inputs) {
    List<JobCharge> charges = new ArrayList<>();
    for (CriticalPath.JobTiming t : schedule.jobTimings(workflow)) {
      int times = scenario == null ? 1 : scenario.billedTimes(t.job());
      List<String> labels = t.job().runsOn() == null ? List.of() : t.job().runsOn().labels();
      if (t.job().job().callsReusableWorkflow() && !t.job().job().callsLocalWorkflow()) {
        // A remote reusable workflow's jobs run on runners of its own choosing; priced as Linux.
        labels = List.of("ubuntu-latest");
      }
      RunnerKind kind = RunnerKind.fromLabels(labels);
      for (int i = 0; i < times; i++) {
        charges.add(new JobCharge(t.job().displayName(), kind, t.duration()));
      }
    }
    BillableMinutes bill = BillableMinutes.of(charges, pricing);
    DurationRange path = schedule.path(workflow).length();
    return new WorkflowCost(workflow, path, bill, MonthlyCost.of(bill, inputs, path));
  }
}
