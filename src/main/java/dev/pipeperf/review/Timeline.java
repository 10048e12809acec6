package dev.pipeperf.review;

import dev.pipeperf.analysis.AnalysisResult;
import dev.pipeperf.estimate.DurationRange;
import dev.pipeperf.estimate.Provenance;
import dev.pipeperf.graph.CriticalPath;
import dev.pipeperf.graph.JobInstance;
import dev.pipeperf.graph.Node;
import dev.pipeperf.graph.PipelineGraph;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A workflow's schedule in the terms reports use: the jobs on its critical path in order, and the
 * jobs off it with their slack. Every renderer takes its numbers from here, so they agree.
 */
public record Timeline(
    PipelineGraph.WorkflowEntry workflow,
    CriticalPath.WorkflowPath path,
    List<Entry> critical,
    List<Entry> offPath,
    int jobCount) {

  /** One job instance on the timeline. */
  public record Entry(
      JobInstance job,
      DurationRange start,
      DurationRange duration,
      DurationRange slack,
      String provenance,
      String source) {}

  /** The timelines of the workflows the result reports, in file order. */
  public static List<Timeline> of(AnalysisResult result) {
    return of(result, result.schedule());
  }

  /**
   * The timelines of the reported workflows in another schedule of the same graph (the optimised
   * one, a phase of the plan).
   */
  public static List<Timeline> of(AnalysisResult result, CriticalPath cp) {
    Map<JobInstance, CriticalPath.JobTiming> timings = new IdentityHashMap<>();
    for (CriticalPath.JobTiming t : cp.jobTimings()) {
      timings.put(t.job(), t);
    }
    List<Timeline> out = new ArrayList<>();
    for (PipelineGraph.WorkflowEntry w : result.reportedWorkflows()) {
      CriticalPath.WorkflowPath path = cp.path(w.path());
      Map<JobInstance, Boolean> onPath = new LinkedHashMap<>();
      for (int i : path.nodes()) {
        JobInstance j = cp.graph().node(i).job();
        if (j != null) {
          onPath.putIfAbsent(j, true);
        }
      }
      List<Entry> critical = new ArrayList<>();
      for (JobInstance j : onPath.keySet()) {
        // A path node can belong to a job the schedule does not time on its own (nodes shared
        // through a called workflow); it has no bar of its own to show.
        CriticalPath.JobTiming t = timings.get(j);
        if (t != null) {
          critical.add(entry(cp, t));
        }
      }
      List<Entry> off = new ArrayList<>();
      int count = 0;
      for (CriticalPath.JobTiming t : cp.jobTimings(w.path())) {
        count++;
        if (!onPath.containsKey(t.job())) {
          off.add(entry(cp, t));
        }
      }
      out.add(new Timeline(w, path, critical, off, count));
    }
    return out;
  }

  private static Entry entry(CriticalPath cp, CriticalPath.JobTiming t) {
    Set<Provenance> provenances = EnumSet.noneOf(Provenance.class);
    Set<String> sources = new TreeSet<>();
    for (Node n : cp.graph().nodesOf(t.job())) {
      if (!n.isJoin()) {
        provenances.add(n.estimate().provenance());
        if (n.estimate().provenance() == Provenance.CONFIG
            || n.estimate().provenance() == Provenance.OBSERVED) {
          sources.add(n.estimate().source());
        }
      }
    }
    List<String> words = new ArrayList<>();
    provenances.forEach(p -> words.add(p.word()));
    return new Entry(
        t.job(),
        t.start(),
        t.duration(),
        t.slack(),
        String.join("+", words),
        String.join(", ", sources));
  }
}
