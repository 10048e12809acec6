package dev.pipeperf.analysis;

import dev.pipeperf.estimate.Estimate;
import dev.pipeperf.estimate.observed.ObservedCriticalPath;
import dev.pipeperf.estimate.observed.ObservedRun;
import dev.pipeperf.estimate.observed.ObservedTimings;
import dev.pipeperf.graph.JobInstance;
import dev.pipeperf.graph.JobNames;
import dev.pipeperf.graph.PipelineGraph;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What observed runs (spec §6.3) say about the pipeline: each run assigned to the workflow whose
 * jobs it names, per-job p50/p90 durations matched to the graph's job instances by GitHub's display
 * names, the observed critical path of each run, and the names nothing matched.
 *
 * @param workflows per workflow path, what its runs showed
 * @param unassignedRuns runs none of whose jobs matched any workflow
 */
public record Observations(
    Map<String, WorkflowObservation> workflows, List<ObservedRun> unassignedRuns) {

  /**
   * One workflow's observed runs.
   *
   * @param matched job-instance key → the observed display name it matched
   * @param durations job-instance key → its observed p50–p90 duration
   * @param unmatchedObserved observed job names that matched no job instance
   * @param unmatchedInstances display names of job instances no observed job matched
   * @param steps job-instance key → observed step display name → its p50–p90 duration
   * @param estimated job-instance key → what the catalogue estimated for it, without the runs (so
   *     that the estimate-vs-observed table shows pipeperf's own error)
   */
  public record WorkflowObservation(
      String workflow,
      List<ObservedRun> runs,
      ObservedTimings timings,
      Map<String, String> matched,
      Map<String, Estimate> durations,
      Map<String, Map<String, Estimate>> steps,
      Map<String, dev.pipeperf.estimate.DurationRange> estimated,
      ObservedCriticalPath.Summary criticalPath,
      List<String> unmatchedObserved,
      List<String> unmatchedInstances) {

    /**
     * Runs per month as the history shows them: the runs with a creation time ({@code pipeperf
     * timings fetch} keeps it), minus one, over the days between the first and the last, times
     * 30.44; empty with fewer than two such runs or all on one instant. The hook for the cost
     * model's "runs per month from observed history".
     */
    public java.util.OptionalDouble runsPerMonth() {
      List<java.time.Instant> at =
          runs.stream()
              .map(ObservedRun::info)
              .filter(i -> i != null && i.createdAt() != null)
              .map(ObservedRun.Info::createdAt)
              .sorted()
              .toList();
      if (at.size() < 2) {
        return java.util.OptionalDouble.empty();
      }
      double days =
          java.time.Duration.between(at.get(0), at.get(at.size() - 1)).toSeconds() / 86400.0;
      return days <= 0
          ? java.util.OptionalDouble.empty()
          : java.util.OptionalDouble.of((at.size() - 1) / days * 30.44);
    }

    /** How many of the runs came from each event ({@code push}, {@code pull_request}...). */
    public Map<String, Integer> runsByEvent() {
      Map<String, Integer> out = new java.util.TreeMap<>();
      runs.stream()
          .map(ObservedRun::info)
          .filter(i -> i != null && i.event() != null)
          .forEach(i -> out.merge(i.event(), 1, Integer::sum));
      return out;
    }
  }

  public static final Observations NONE = new Observations(Map.of(), List.of());

  public boolean isEmpty() {
    return workflows.isEmpty() && unassignedRuns.isEmpty();
  }

  /** Every matched job's observed step durations, by job-instance key, for rebuilding the graph. */
  public Map<String, Map<String, Estimate>> stepDurations() {
    Map<String, Map<String, Estimate>> out = new HashMap<>();
    workflows.values().forEach(w -> out.putAll(w.steps()));
    return out;
  }

  /** Every matched job's observed duration, by job-instance key, for rebuilding the graph. */
  public Map<String, Estimate> jobDurations() {
    Map<String, Estimate> out = new HashMap<>();
    workflows.values().forEach(w -> out.putAll(w.durations()));
    return out;
  }

  /** Matches runs to a graph built without them. */
  public static Observations of(List<ObservedRun> runs, PipelineGraph graph) {
    if (runs.isEmpty()) {
      return NONE;
    }
    Map<String, List<JobInstance>> instances = new LinkedHashMap<>();
    for (PipelineGraph.JobSpan s : graph.jobs()) {
      instances.computeIfAbsent(s.job().workflow(), k -> new ArrayList<>()).add(s.job());
    }
    Map<String, List<ObservedRun>> byWorkflow = new LinkedHashMap<>();
    List<ObservedRun> unassigned = new ArrayList<>();
    for (ObservedRun run : runs) {
      Set<String> names = new LinkedHashSet<>();
      run.jobs().forEach(j -> names.add(j.name()));
      String best = null;
      long bestCount = 0;
      for (Map.Entry<String, List<JobInstance>> e : instances.entrySet()) {
        long count =
            match(e.getValue(), names).matches().stream().filter(JobNames.Match::matched).count();
        if (count > bestCount) {
          best = e.getKey();
          bestCount = count;
        }
      }
      if (best == null) {
        unassigned.add(run);
      } else {
        byWorkflow.computeIfAbsent(best, k -> new ArrayList<>()).add(run);
      }
    }
    Map<String, WorkflowObservation> out = new LinkedHashMap<>();
    dev.pipeperf.graph.CriticalPath estimatedSchedule = dev.pipeperf.graph.CriticalPath.of(graph);
    byWorkflow.forEach(
        (w, wr) -> out.put(w, observe(w, wr, instances.get(w), graph, estimatedSchedule)));
    return new Observations(out, unassigned);
  }

  private static WorkflowObservation observe(
      String workflow,
      List<ObservedRun> runs,
      List<JobInstance> instances,
      PipelineGraph graph,
      dev.pipeperf.graph.CriticalPath estimatedSchedule) {
    ObservedTimings timings = ObservedTimings.of(runs);
    List<String> names = timings.jobs().stream().map(ObservedTimings.JobTiming::name).toList();
    JobNames.Result result = match(instances, names);
    Map<String, String> matched = new LinkedHashMap<>();
    Map<String, Estimate> durations = new LinkedHashMap<>();
    Map<String, Map<String, Estimate>> steps = new LinkedHashMap<>();
    Map<String, dev.pipeperf.estimate.DurationRange> estimated = new LinkedHashMap<>();
    Map<JobInstance, String> nameOf = new IdentityHashMap<>();
    List<String> unmatchedInstances = new ArrayList<>();
    for (int i = 0; i < instances.size(); i++) {
      JobNames.Match m = result.matches().get(i);
      JobInstance ji = instances.get(i);
      if (m.matched()) {
        matched.put(ji.key(), m.observed());
        nameOf.put(ji, m.observed());
        timings.job(m.observed()).ifPresent(t -> durations.put(ji.key(), t.estimate()));
        Map<String, Estimate> byStep = new LinkedHashMap<>();
        timings.steps(m.observed()).forEach(st -> byStep.put(st.step(), st.estimate()));
        if (!byStep.isEmpty() && durations.containsKey(ji.key())) {
          steps.put(ji.key(), byStep);
        }
        dev.pipeperf.graph.CriticalPath.JobTiming est = estimatedSchedule.jobTiming(ji);
        if (est != null) {
          estimated.put(ji.key(), est.duration());
        }
      } else {
        unmatchedInstances.add(ji.displayName());
      }
    }
    Map<String, Set<String>> deps = new HashMap<>();
    for (JobInstance ji : instances) {
      String name = nameOf.get(ji);
      if (name == null) {
        continue;
      }
      Set<String> up = deps.computeIfAbsent(name, k -> new HashSet<>());
      for (JobInstance u : graph.upstreamJobs(ji)) {
        String un = nameOf.get(u);
        if (un != null) {
          up.add(un);
        }
      }
    }
    ObservedCriticalPath.Summary path =
        ObservedCriticalPath.computeAll(runs, n -> deps.getOrDefault(n, Set.of()));
    return new WorkflowObservation(
        workflow,
        List.copyOf(runs),
        timings,
        matched,
        durations,
        steps,
        estimated,
        path,
        result.unmatchedObserved(),
        unmatchedInstances);
  }

  private static JobNames.Result match(
      List<JobInstance> instances, java.util.Collection<String> names) {
    return JobNames.match(instances, names);
  }
}
