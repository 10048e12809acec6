package dev.pipeperf.gate;

import dev.pipeperf.Version;
import dev.pipeperf.analysis.AnalysisResult;
import dev.pipeperf.analysis.Observations;
import dev.pipeperf.cost.Amount;
import dev.pipeperf.cost.WorkflowCost;
import dev.pipeperf.estimate.DurationRange;
import dev.pipeperf.estimate.observed.ObservedCriticalPath;
import dev.pipeperf.review.Timeline;
import dev.pipeperf.rules.Finding;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What {@code pipeperf check} compares against: per workflow the estimated critical path, billable
 * minutes and jobs, and the fingerprints of the findings. Numbers are rounded as the JSON file
 * stores them (seconds to 0.1, minutes to 0.01), so a baseline and a fresh analysis of the same
 * files compare equal.
 *
 * @param toolVersion the pipeperf version that made it (estimates may change between versions)
 */
public record Baseline(
    int schemaVersion,
    String toolVersion,
    List<WorkflowEntry> workflows,
    List<FindingEntry> findings) {

  /** The baseline format this pipeperf writes and reads. */
  public static final int SCHEMA_VERSION = 1;

  public Baseline {
    workflows = List.copyOf(workflows);
    findings = List.copyOf(findings);
  }

  /** A range of seconds or minutes, {@code low ≤ high}. */
  public record Range(double low, double high) {}

  /**
   * One workflow.
   *
   * @param criticalPath the estimated critical path, seconds
   * @param observedCriticalPath the median observed run's critical path ({@code low} its run time,
   *     {@code high} its wall time), seconds; null without timings
   * @param billableMinutes billable minutes per run
   * @param jobs every job instance, critical ones first in path order
   */
  public record WorkflowEntry(
      String path,
      String name,
      Range criticalPath,
      Range observedCriticalPath,
      Range billableMinutes,
      int jobCount,
      List<JobEntry> jobs) {
    public WorkflowEntry {
      jobs = List.copyOf(jobs);
    }

    /** The jobs on the critical path, in order. */
    public List<JobEntry> criticalJobs() {
      return jobs.stream().filter(JobEntry::critical).toList();
    }
  }

  /**
   * One job instance.
   *
   * @param name GitHub's display name
   * @param duration seconds
   * @param critical whether it is on the workflow's critical path
   * @param estimate for a job whose duration is pinned in {@code .pipeperf.yml} or observed, what
   *     the catalogue alone estimates (seconds); the gate applies the change of this estimate to
   *     the pinned figure. Null for estimated jobs (their duration already is the estimate)
   */
  public record JobEntry(
      String name, Range duration, boolean critical, String file, int line, Range estimate) {}

  /** One finding, known by its fingerprint. */
  public record FindingEntry(
      String fingerprint, String ruleId, String severity, String file, int line, String message) {}

  /** The baseline of an analysis: its reported workflows and their findings. */
  public static Baseline of(AnalysisResult result) {
    return of(result, PinnedShift.none(result));
  }

  /**
   * The baseline of an analysis whose pinned jobs are shifted by the catalogue's estimate of a
   * change (and whose pinned jobs carry that estimate, for the next comparison).
   */
  public static Baseline of(AnalysisResult result, PinnedShift shift) {
    List<WorkflowEntry> workflows = new ArrayList<>();
    for (Timeline t : Timeline.of(result, shift.schedule())) {
      List<JobEntry> jobs = new ArrayList<>();
      t.critical().forEach(e -> jobs.add(job(e, true, shift)));
      t.offPath().forEach(e -> jobs.add(job(e, false, shift)));
      WorkflowCost cost = shift.costs().get(t.workflow().path());
      Amount minutes = cost == null ? Amount.ZERO : cost.perRun().minutes();
      workflows.add(
          new WorkflowEntry(
              t.workflow().path(),
              t.workflow().displayName(),
              seconds(t.path().length()),
              observed(result.observations().workflows().get(t.workflow().path())),
              new Range(round(minutes.low(), 100), round(minutes.high(), 100)),
              t.jobCount(),
              jobs));
    }
    Set<String> shown = new HashSet<>();
    workflows.forEach(w -> shown.add(w.path()));
    List<FindingEntry> findings = new ArrayList<>();
    result.rules().findings().stream()
        .filter(
            f ->
                result.workflowFilter() == null
                    || f.workflow() == null
                    || shown.contains(f.workflow()))
        .sorted()
        .forEach(f -> findings.add(finding(f)));
    return new Baseline(SCHEMA_VERSION, Version.current(), workflows, findings);
  }

  private static JobEntry job(Timeline.Entry e, boolean critical, PinnedShift shift) {
    DurationRange estimate = shift.estimates().get(e.job().key());
    return new JobEntry(
        e.job().displayName(),
        seconds(e.duration()),
        critical,
        e.job().location().file(),
        e.job().location().line(),
        estimate == null ? null : seconds(estimate));
  }

  private static FindingEntry finding(Finding f) {
    return new FindingEntry(
        f.fingerprint(),
        f.ruleId(),
        f.severity().word(),
        f.location().file(),
        f.location().line(),
        f.message());
  }

  private static Range observed(Observations.WorkflowObservation obs) {
    if (obs == null || obs.criticalPath().median() == null) {
      return null;
    }
    ObservedCriticalPath p = obs.criticalPath().median();
    double run = round(p.pathRunSeconds(), 10);
    return new Range(run, Math.max(run, round(p.wallSeconds(), 10)));
  }

  private static Range seconds(DurationRange r) {
    return new Range(round(r.low(), 10), round(r.high(), 10));
  }

  private static double round(double value, int per) {
    return Math.round(value * per) / (double) per;
  }
}
