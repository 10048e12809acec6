package dev.pipeperf.cost;

import dev.pipeperf.graph.JobInstance;
import dev.pipeperf.graph.PipelineGraph;
import dev.pipeperf.workflow.Condition;
import dev.pipeperf.workflow.Job;
import dev.pipeperf.workflow.Workflow;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which job instances of a workflow run for one kind of event: each job's {@code if:} read with
 * what the event tells ({@link Condition}), a job whose {@code needs} were skipped is skipped too
 * unless its condition says {@code always()} (or another status function that outlives a skipped
 * job), and a job of a called reusable workflow runs only when its caller does.
 */
public final class JobsPerEvent {

  private final Map<String, Workflow> byPath;
  private final Condition.EventFacts facts;
  private final Map<String, Map<String, Condition.Outcome>> perWorkflow = new HashMap<>();

  private JobsPerEvent(Map<String, Workflow> byPath, Condition.EventFacts facts) {
    this.byPath = byPath;
    this.facts = facts;
  }

  /**
   * Each job instance of the workflow (by its key) and whether it runs for the event.
   *
   * @param workflows every workflow of the repository by path (called workflows are looked up)
   */
  public static Map<String, Condition.Outcome> of(
      PipelineGraph graph,
      String workflowPath,
      Map<String, Workflow> workflows,
      Condition.EventFacts facts) {
    JobsPerEvent e = new JobsPerEvent(workflows, facts);
    Map<String, Condition.Outcome> out = new LinkedHashMap<>();
    for (PipelineGraph.JobSpan span : graph.jobs()) {
      JobInstance j = span.job();
      if (j.workflow().equals(workflowPath)) {
        out.put(j.key(), e.instance(j, 0));
      }
    }
    return out;
  }

  private Condition.Outcome instance(JobInstance j, int depth) {
    Condition.Outcome own = jobs(j.definedIn()).getOrDefault(j.job().id(), Condition.Outcome.RUNS);
    if (j.caller() == null || depth > 16) {
      return own;
    }
    return Condition.both(instance(j.caller(), depth + 1), own);
  }

  private Map<String, Condition.Outcome> jobs(String path) {
    Map<String, Condition.Outcome> known = perWorkflow.get(path);
    if (known != null) {
      return known;
    }
    Map<String, Condition.Outcome> out = new HashMap<>();
    Workflow w = byPath.get(path);
    if (w != null) {
      for (Job job : w.jobs()) {
        outcome(w, job, out, new HashSet<>());
      }
    }
    perWorkflow.put(path, out);
    return out;
  }

  private Condition.Outcome outcome(
      Workflow w, Job job, Map<String, Condition.Outcome> out, Set<String> visiting) {
    Condition.Outcome known = out.get(job.id());
    if (known != null) {
      return known;
    }
    if (!visiting.add(job.id())) {
      // A needs cycle is reported by the parser; here it only must not loop.
      return Condition.Outcome.UNKNOWN;
    }
    Condition.Outcome result = Condition.evaluate(job.ifCondition(), facts);
    boolean survives = Condition.survivesSkippedNeeds(job.ifCondition());
    for (String need : job.needIds()) {
      Job upstream = w.job(need).orElse(null);
      if (upstream == null) {
        continue;
      }
      Condition.Outcome up = outcome(w, upstream, out, visiting);
      if (survives) {
        continue;
      }
      if (up == Condition.Outcome.SKIPPED) {
        result = Condition.Outcome.SKIPPED;
      } else if (up == Condition.Outcome.RARELY) {
        result = Condition.both(result, Condition.Outcome.RARELY);
      }
    }
    visiting.remove(job.id());
    out.put(job.id(), result);
    return result;
  }

  /** The jobs of a workflow, for tests and reports: id → outcome, top-level jobs only. */
  static Map<String, Condition.Outcome> topLevel(Workflow w, Condition.EventFacts facts) {
    return new JobsPerEvent(Map.of(w.path(), w), facts).jobs(w.path());
  }

  /** Names for a list of instance keys, for the reports. */
  static List<String> names(PipelineGraph graph, Set<String> keys) {
    return graph.jobs().stream()
        .map(PipelineGraph.JobSpan::job)
        .filter(j -> keys.contains(j.key()))
        .map(JobInstance::displayName)
        .distinct()
        .toList();
  }
}
