package dev.pipeperf.graph;

import dev.pipeperf.estimate.DurationRange;
import dev.pipeperf.estimate.Estimate;
import dev.pipeperf.estimate.Provenance;
import dev.pipeperf.estimate.StepEstimator;
import dev.pipeperf.estimate.docker.BuildEstimate;
import dev.pipeperf.estimate.docker.CacheBackend;
import dev.pipeperf.estimate.docker.StageEstimate;
import dev.pipeperf.source.Diagnostic;
import dev.pipeperf.workflow.ActionDefinition;
import dev.pipeperf.workflow.Job;
import dev.pipeperf.workflow.MatrixInstance;
import dev.pipeperf.workflow.Need;
import dev.pipeperf.workflow.RunsOn;
import dev.pipeperf.workflow.Step;
import dev.pipeperf.workflow.Trigger;
import dev.pipeperf.workflow.Workflow;
import dev.pipeperf.workspace.Workspace;
import dev.pipeperf.workspace.WorkspaceLoader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the {@link PipelineGraph} of a workspace (spec §4): for each workflow, each job instance
 * (matrix instances in waves of {@code max-parallel}) becomes set-up → step DAG → end; {@code
 * needs} link jobs; local reusable workflows and composite actions are expanded in place; remote
 * reusable workflows are opaque nodes; {@code workflow_run} chains are labelled edges between
 * workflows.
 */
public final class GraphBuilder {

  /** How deep reusable workflows may call each other (GitHub allows 10 levels). */
  static final int MAX_CALL_DEPTH = 10;

  /** How deep composite actions may nest before we stop expanding. */
  static final int MAX_ACTION_DEPTH = 10;

  /** A bound on graph size, so that hostile input cannot exhaust memory. */
  public static final int MAX_NODES = 2_000_000;

  private final Workspace workspace;

  /** Workflows by path: looked up for every step, where a scan was quadratic in large repos. */
  private final Map<String, Workflow> workflowsByPath = new HashMap<>();

  private final StepEstimator estimator;
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private final List<Node> nodes = new ArrayList<>();
  private final List<Edge> edges = new ArrayList<>();
  private final List<PipelineGraph.JobSpan> spans = new ArrayList<>();
  private final Map<String, Integer> usedIds = new HashMap<>();
  private final java.util.BitSet hasIncoming = new java.util.BitSet();
  private boolean full;

  /** Dynamic matrices already noted: a called workflow's job is built once per caller. */
  private final Set<dev.pipeperf.source.Location> dynamicNoted = new HashSet<>();

  private final Map<String, Estimate> knownJobDurations;
  private final BuildPlanner planner;

  /** A build step's own time before its builds start: the builder (buildx/bake) starting up. */
  static final DurationRange BUILD_STEP_OVERHEAD = DurationRange.ofSeconds(2, 8);

  private GraphBuilder(
      Workspace workspace, StepEstimator estimator, Map<String, Estimate> knownJobDurations) {
    this.workspace = workspace;
    for (Workflow w : workspace.workflows()) {
      workflowsByPath.putIfAbsent(w.path(), w);
    }
    this.estimator = estimator;
    this.knownJobDurations = knownJobDurations;
    this.planner = new BuildPlanner(workspace, diagnostics);
  }

  /** The graph and the problems met building it (unknown wait targets, call cycles...). */
  public record Result(PipelineGraph graph, List<Diagnostic> diagnostics) {}

  public static Result build(Workspace workspace, StepEstimator estimator) {
    return build(workspace, estimator, Map.of());
  }

  /**
   * Builds the graph with some job instances' totals known (observed timings, by {@link
   * JobInstance#key()}); a config override of the same job still wins (spec §6 precedence).
   */
  public static Result build(
      Workspace workspace, StepEstimator estimator, Map<String, Estimate> knownJobDurations) {
    return build(workspace, estimator, knownJobDurations, Map.of());
  }

  /**
   * Builds the graph with some job instances' totals known and, for some, their steps' observed
   * durations by GitHub's step display name (by {@link JobInstance#key()}). A step whose name an
   * observation has takes the observed duration; the set-up takes the observed steps no workflow
   * step matched ({@code Set up job}, {@code Initialize containers}, post steps, {@code Complete
   * job}); a step no observation names (new, renamed) keeps its estimate.
   */
  public static Result build(
      Workspace workspace,
      StepEstimator estimator,
      Map<String, Estimate> knownJobDurations,
      Map<String, Map<String, Estimate>> knownStepDurations) {
    GraphBuilder b = new GraphBuilder(workspace, estimator, knownJobDurations);
    b.knownStepDurations = knownStepDurations;
    return b.run();
  }

  private Map<String, Map<String, Estimate>> knownStepDurations = Map.of();

  /** The steps GitHub adds to every job: set-up, containers, post steps, completion. */
  private static final java.util.regex.Pattern RUNNER_STEP =
      java.util.regex.Pattern.compile(
          "Set up job|Set up runner|Initialize containers|Stop containers|Complete job"
              + "|Complete runner|Post .*");

  private Result run() {
    List<PipelineGraph.WorkflowEntry> entries = new ArrayList<>();
    Map<String, int[]> boundaries = new LinkedHashMap<>();
    for (Workflow w : workspace.workflows()) {
      if (w.isReusableOnly()) {
        continue;
      }
      entries.add(
          new PipelineGraph.WorkflowEntry(
              w.path(), w.displayName(), w.triggers().stream().map(Trigger::event).toList()));
      int first = nodes.size();
      Map<String, Integer> done = addJobs(w, w, "", "", null, null, 0, new HashSet<>());
      int start =
          addJoin(w.path(), null, w.path() + ":start", "start of " + w.displayName(), w.location());
      int end =
          addJoin(w.path(), null, w.path() + ":end", "end of " + w.displayName(), w.location());
      for (int i = first; i < start; i++) {
        if (nodes.get(i).subject() instanceof Subject.JobSetup && !hasPredecessor(i)) {
          edge(start, i, Edge.Kind.JOB);
        }
      }
      done.values().forEach(d -> edge(d, end, Edge.Kind.JOB));
      boundaries.put(w.displayName(), new int[] {start, end});
      boundaries.put(w.path(), new int[] {start, end});
    }
    linkWorkflowRuns(boundaries);
    PipelineGraph g = new PipelineGraph(nodes, edges, spans, entries);
    return new Result(g, diagnostics);
  }

  private boolean hasPredecessor(int node) {
    return hasIncoming.get(node);
  }

  private void linkWorkflowRuns(Map<String, int[]> boundaries) {
    for (Workflow w : workspace.workflows()) {
      for (Trigger t : w.triggers()) {
        if (!t.event().equals("workflow_run")) {
          continue;
        }
        int[] me = boundaries.get(w.path());
        for (String upstream : t.workflows()) {
          int[] up = boundaries.get(upstream);
          if (me != null && up != null && up != me) {
            edge(up[1], me[0], Edge.Kind.WORKFLOW_RUN);
          }
        }
      }
    }
  }

  /**
   * Adds the jobs of {@code defining} (the workflow itself, or a called reusable workflow) to the
   * run of {@code run}. Returns each job id's "all instances done" node. {@code prefix} is the
   * callers' job path ({@code deploy/}); {@code keyPrefix} the same with the calling instance's
   * matrix index ({@code deploy[1]/}), which GitHub's ids and ours keep apart.
   */
  private Map<String, Integer> addJobs(
      Workflow run,
      Workflow defining,
      String prefix,
      String keyPrefix,
      JobInstance caller,
      Integer entry,
      int depth,
      Set<String> callStack) {
    Map<String, Job> byId = new LinkedHashMap<>();
    defining.jobs().forEach(j -> byId.putIfAbsent(j.id(), j));
    List<Job> order = jobOrder(defining.jobs(), byId);
    Map<String, Integer> done = new LinkedHashMap<>();
    Set<String> ordered = new HashSet<>();
    order.forEach(j -> ordered.add(j.id()));
    for (Job job : order) {
      List<Integer> upstream = new ArrayList<>();
      for (Need n : job.needs()) {
        Integer d = done.get(n.jobId());
        if (d != null) {
          upstream.add(d);
        }
      }
      if (upstream.isEmpty() && entry != null) {
        upstream.add(entry);
      }
      done.put(
          job.id(),
          addJob(run, defining, job, prefix, keyPrefix, caller, upstream, depth, callStack));
      if (full) {
        break;
      }
    }
    return done;
  }

  /** Jobs in an order where needs come first; jobs caught in a needs cycle are left out. */
  private static List<Job> jobOrder(List<Job> jobs, Map<String, Job> byId) {
    Map<String, Integer> indegree = new LinkedHashMap<>();
    Map<String, List<String>> dependents = new HashMap<>();
    for (Job j : byId.values()) {
      indegree.putIfAbsent(j.id(), 0);
      Set<String> seen = new HashSet<>();
      for (Need n : j.needs()) {
        if (byId.containsKey(n.jobId()) && !n.jobId().equals(j.id()) && seen.add(n.jobId())) {
          indegree.merge(j.id(), 1, Integer::sum);
          dependents.computeIfAbsent(n.jobId(), k -> new ArrayList<>()).add(j.id());
        }
      }
    }
    Deque<String> ready = new ArrayDeque<>();
    indegree.forEach(
        (id, d) -> {
          if (d == 0) {
            ready.add(id);
          }
        });
    List<Job> out = new ArrayList<>();
    while (!ready.isEmpty()) {
      String id = ready.poll();
      out.add(byId.get(id));
      for (String dep : dependents.getOrDefault(id, List.of())) {
        if (indegree.merge(dep, -1, Integer::sum) == 0) {
          ready.add(dep);
        }
      }
    }
    return out;
  }

  private int addJob(
      Workflow run,
      Workflow defining,
      Job job,
      String prefix,
      String keyPrefix,
      JobInstance caller,
      List<Integer> upstream,
      int depth,
      Set<String> callStack) {
    String jobPath = prefix + job.id();
    List<MatrixInstance> instances =
        job.strategy() != null && job.strategy().matrix() != null
            ? matrixInstances(defining, job)
            : java.util.Collections.singletonList(null);
    Integer maxParallel = job.strategy() == null ? null : job.strategy().maxParallel();
    String keyPath = keyPrefix + job.id();
    String doneId = run.path() + ":" + keyPath + ":done";
    List<Integer> ends = new ArrayList<>();
    for (int i = 0; i < instances.size() && !full; i++) {
      MatrixInstance mi = instances.get(i);
      String key = run.path() + ":" + keyPath + (instances.size() > 1 ? "[" + i + "]" : "");
      String display = JobNames.shown(job, mi, caller);
      RunsOn runsOn = job.runsOn() == null ? null : job.runsOn().forInstance(mi);
      JobInstance ji =
          new JobInstance(
              key,
              run.path(),
              defining.path(),
              jobPath,
              display,
              job,
              mi,
              runsOn,
              estimator.runnerKind(runsOn),
              job.location(),
              caller);
      int[] span =
          job.callsReusableWorkflow() ? addCall(run, ji, depth, callStack) : addSteppedJob(ji);
      for (int u : upstream) {
        edge(u, span[0], Edge.Kind.NEEDS);
      }
      if (maxParallel != null && maxParallel > 0 && i >= maxParallel) {
        edge(ends.get(i - maxParallel), span[0], Edge.Kind.MATRIX_WAVE);
      }
      ends.add(span[1]);
    }
    if (ends.size() == 1) {
      return ends.get(0);
    }
    int done = addJoin(run.path(), null, doneId, job.id() + ": all instances done", job.location());
    ends.forEach(e -> edge(e, done, Edge.Kind.JOB));
    return done;
  }

  /**
   * A job's matrix instances; for a dynamic matrix ({@code ${{ fromJSON(...) }}}), as many as
   * {@code .pipeperf.yml matrices:} says, or the ones known here (at least one), with a note saying
   * what was assumed.
   */
  private List<MatrixInstance> matrixInstances(Workflow defining, Job job) {
    dev.pipeperf.workflow.Matrix matrix = job.strategy().matrix();
    if (!matrix.dynamic()) {
      return matrix.instances();
    }
    Integer configured = workspace.config().matrixSize(defining.path(), job.id());
    boolean first = dynamicNoted.add(matrix.location());
    if (configured == null) {
      if (first) {
        int n = matrix.instances().size();
        diagnostics.add(
            Diagnostic.info(
                matrix.location(),
                "dynamic-matrix",
                "the matrix of job \""
                    + job.id()
                    + "\" is computed at run time, so its size is unknown: assumed "
                    + n
                    + (n == 1 ? " job" : " jobs")
                    + " (the combinations written in the file, at least one); give the real"
                    + " number in .pipeperf.yml matrices: {"
                    + job.id()
                    + ": N}"));
      }
      return matrix.instances();
    }
    List<MatrixInstance> out = new ArrayList<>();
    for (int i = 0; i < configured; i++) {
      out.add(
          i < matrix.instances().size() ? matrix.instances().get(i) : new MatrixInstance(Map.of()));
    }
    return out;
  }

  // ---- jobs with steps ----

  private int[] addSteppedJob(JobInstance ji) {
    int first = nodes.size();
    int firstEdge = edges.size();
    Estimate override = estimator.jobOverride(ji.workflow(), ji.job().id());
    Map<String, Estimate> observedSteps = null;
    if (override == null) {
      override = knownJobDurations.get(ji.key());
      observedSteps = knownStepDurations.get(ji.key());
    }
    int setup =
        addNode(
            ji.workflow(),
            ji,
            ji.key(),
            "set up " + ji.displayName(),
            ji.location(),
            new Subject.JobSetup(ji),
            estimator.startup(ji.job(), ji.runsOn()));
    StepSequencer seq = new StepSequencer(ji, setup);
    seq.sequence(ji.job().steps(), "", 0, new HashSet<>());
    int end =
        addJoin(ji.workflow(), ji, ji.key() + ":end", "end of " + ji.displayName(), ji.location());
    seq.finish(end);
    spans.add(new PipelineGraph.JobSpan(ji, first, end));
    if (observedSteps != null && !observedSteps.isEmpty()) {
      applyObservedSteps(first, end, observedSteps, override);
    } else if (override != null) {
      scale(first, firstEdge, end, override);
    } else {
      capByTimeout(first, firstEdge, end, ji.job().timeoutMinutes());
    }
    return new int[] {setup, end};
  }

  /**
   * Puts observed step durations on a job's nodes (see {@link #build(Workspace, StepEstimator, Map,
   * Map)}). A step that builds images keeps its build breakdown: GitHub times the step as a whole.
   */
  private void applyObservedSteps(
      int first, int end, Map<String, Estimate> observed, Estimate jobTotal) {
    Map<String, Integer> nodesByName = new HashMap<>();
    Set<Step> builds = new HashSet<>();
    for (int i = first; i <= end; i++) {
      Subject sub = nodes.get(i).subject();
      if (sub instanceof Subject.StepWork w) {
        nodesByName.merge(w.step().displayName(), 1, Integer::sum);
      } else if (sub instanceof Subject.BuildIo b) {
        builds.add(b.step());
      } else if (sub instanceof Subject.BuildStage b) {
        builds.add(b.step());
      }
    }
    Set<String> used = new HashSet<>();
    for (int i = first; i <= end; i++) {
      Node n = nodes.get(i);
      if (!(n.subject() instanceof Subject.StepWork w) || builds.contains(w.step())) {
        continue;
      }
      String name = w.step().displayName();
      Estimate e = observed.get(name);
      if (e == null) {
        continue;
      }
      used.add(name);
      int same = nodesByName.get(name);
      // A name used by several steps of the job: GitHub's figure is their sum, shared evenly.
      nodes.set(
          i,
          n.withEstimate(
              same == 1
                  ? Estimate.of(e.range(), e.provenance(), "step " + e.source())
                  : Estimate.of(
                      e.range().times(1.0 / same),
                      e.provenance(),
                      "1/" + same + " of steps named so, " + e.source())));
    }
    for (Step b : builds) {
      used.add(b.displayName());
    }
    DurationRange rest = DurationRange.ZERO;
    List<String> restNames = new ArrayList<>();
    String source = null;
    for (Map.Entry<String, Estimate> e : observed.entrySet()) {
      // Only GitHub's own steps go to the set-up; an observed step of the workflow that no step
      // matches any more was renamed or removed, and is not counted twice.
      if (!used.contains(e.getKey()) && RUNNER_STEP.matcher(e.getKey()).matches()) {
        rest = rest.plus(e.getValue().range());
        restNames.add(e.getKey());
        source = e.getValue().source();
      }
    }
    // What the observed job took beyond its matched and GitHub's own steps belongs to the steps no
    // observation names (renamed, new, or built as a breakdown): they share it by their estimates.
    DurationRange matched = rest;
    List<Integer> unmatched = new ArrayList<>();
    for (int i = first + 1; i <= end; i++) {
      Node n = nodes.get(i);
      if (n.estimate().provenance() == Provenance.OBSERVED) {
        matched = matched.plus(n.estimate().range());
      } else if (!n.isJoin() && n.estimate().provenance() != Provenance.HEURISTIC) {
        unmatched.add(i);
      }
    }
    if (jobTotal != null && !unmatched.isEmpty()) {
      double lo = Math.max(0, jobTotal.range().low() - matched.low());
      double hi = Math.max(lo, jobTotal.range().high() - matched.high());
      double mids = 0;
      for (int i : unmatched) {
        mids += nodes.get(i).estimate().range().mid();
      }
      for (int i : unmatched) {
        Node n = nodes.get(i);
        double share = mids <= 0 ? 1.0 / unmatched.size() : n.estimate().range().mid() / mids;
        nodes.set(
            i,
            n.withEstimate(
                Estimate.of(
                    new DurationRange(lo * share, hi * share),
                    Provenance.OBSERVED,
                    "its share of the observed job time no observed step accounts for, "
                        + jobTotal.source())));
      }
    }
    Node setup = nodes.get(first);
    if (!restNames.isEmpty() && setup.subject() instanceof Subject.JobSetup) {
      nodes.set(
          first,
          setup.withEstimate(
              Estimate.of(
                  rest,
                  Provenance.OBSERVED,
                  "GitHub's own steps (" + String.join(", ", restNames) + "), " + source)));
    }
  }

  /**
   * GitHub cancels a job at its {@code timeout-minutes}: an estimate past it is wrong, and could
   * put the wrong chain on the critical path. When the job's longest path exceeds the timeout on
   * the high bound, every node's high bound shrinks by the same factor (its low bound with it where
   * needed), so the job ends at the timeout at the latest.
   */
  private void capByTimeout(int first, int firstEdge, int end, Integer timeoutMinutes) {
    if (timeoutMinutes == null || timeoutMinutes <= 0) {
      return;
    }
    double cap = timeoutMinutes * 60.0;
    List<Edge> internal = edges.subList(firstEdge, edges.size());
    double high =
        JobDurations.longestPath(nodes, internal, first, end, n -> n.estimate().range().high());
    if (high <= cap) {
      return;
    }
    double factor = cap / high;
    for (int i = first; i <= end; i++) {
      Node n = nodes.get(i);
      DurationRange r = n.estimate().range();
      if (r.high() == 0) {
        continue;
      }
      double h = r.high() * factor;
      nodes.set(
          i,
          n.withEstimate(
              Estimate.of(
                  new DurationRange(Math.min(r.low(), h), h),
                  n.estimate().provenance(),
                  n.estimate().source()
                      + ", capped by the job's timeout-minutes: "
                      + timeoutMinutes)));
    }
  }

  /**
   * Makes a job's nodes add up to a known total (a config override, observed timings): every node
   * keeps its share of the job, measured on the midpoints of the estimates, and takes one factor
   * per bound. The longest path then equals the total exactly on both bounds.
   */
  private void scale(int first, int firstEdge, int end, Estimate total) {
    double mid =
        JobDurations.longestMidPath(nodes, edges.subList(firstEdge, edges.size()), first, end);
    for (int i = first; i <= end; i++) {
      Node n = nodes.get(i);
      DurationRange scaled;
      if (mid <= 0) {
        scaled = i == first ? total.range() : DurationRange.ZERO;
      } else {
        double m = n.estimate().range().mid();
        scaled = new DurationRange(m * total.range().low() / mid, m * total.range().high() / mid);
      }
      nodes.set(i, n.withEstimate(Estimate.of(scaled, total.provenance(), total.source())));
    }
  }

  /** Turns a job's steps into a DAG, honouring background / wait / wait-all / cancel / parallel. */
  private final class StepSequencer {
    private final JobInstance job;
    private int frontier;
    private final Map<String, Integer> background = new LinkedHashMap<>();
    private final Map<String, Integer> allById = new HashMap<>();
    private int anonymous;

    StepSequencer(JobInstance job, int setup) {
      this.job = job;
      this.frontier = setup;
    }

    void sequence(List<Step> steps, String pathPrefix, int actionDepth, Set<String> actionStack) {
      for (Step s : steps) {
        String path = pathPrefix + (s.index() + 1);
        if (s.isParallelGroup()) {
          int before = frontier;
          List<Integer> ends = new ArrayList<>();
          for (Step member : s.parallel()) {
            frontier = before;
            int n = addStep(member, path + "." + (member.index() + 1), actionDepth, actionStack);
            ends.add(n);
          }
          int join =
              addJoin(
                  job.workflow(),
                  job,
                  job.key() + "#" + path + ":join",
                  "end of parallel group",
                  s.location());
          ends.forEach(e -> edge(e, join, Edge.Kind.WAIT));
          edge(before, join, Edge.Kind.WAIT);
          frontier = join;
        } else if (s.background()) {
          int before = frontier;
          int n = addStep(s, path, actionDepth, actionStack);
          String id = s.id() != null ? s.id() : "#bg" + anonymous++;
          background.put(id, n);
          frontier = before;
        } else if (s.waitAll() || !s.waitFor().isEmpty()) {
          int join =
              addJoin(job.workflow(), job, job.key() + "#" + path, s.displayName(), s.location());
          edge(frontier, join, Edge.Kind.STEP_ORDER);
          if (s.waitAll()) {
            background.values().forEach(b -> edge(b, join, Edge.Kind.WAIT));
            background.clear();
          } else {
            for (String id : s.waitFor()) {
              Integer b = background.remove(id);
              if (b != null) {
                edge(b, join, Edge.Kind.WAIT);
              } else if (!allById.containsKey(id)) {
                diagnostics.add(
                    Diagnostic.error(
                        s.location(),
                        "unknown-step",
                        "wait: names \""
                            + id
                            + "\", which is no background step of job \""
                            + job.job().id()
                            + "\" before it"));
              }
            }
          }
          frontier = join;
        } else if (s.cancel() != null) {
          // A cancelled background step (a service, a monitor) runs until it is cancelled: its
          // length is set by the steps in between, so it neither holds the job open nor counts
          // as work of its own.
          Integer cancelled = background.remove(s.cancel());
          if (cancelled != null) {
            Node c = nodes.get(cancelled);
            nodes.set(
                cancelled,
                c.withEstimate(
                    Estimate.of(
                        DurationRange.ZERO,
                        c.estimate().provenance(),
                        "runs until cancel: at " + s.location())));
          } else if (!allById.containsKey(s.cancel())) {
            diagnostics.add(
                Diagnostic.error(
                    s.location(),
                    "unknown-step",
                    "cancel: names \""
                        + s.cancel()
                        + "\", which is no background step of job \""
                        + job.job().id()
                        + "\" before it"));
          }
          int join =
              addJoin(job.workflow(), job, job.key() + "#" + path, s.displayName(), s.location());
          edge(frontier, join, Edge.Kind.STEP_ORDER);
          frontier = join;
        } else {
          frontier = addStep(s, path, actionDepth, actionStack);
        }
      }
    }

    /**
     * Adds a step after the frontier (expanding a local composite action); returns its last node.
     */
    private int addStep(Step s, String path, int actionDepth, Set<String> actionStack) {
      ActionDefinition action = localComposite(s);
      if (action != null
          && actionDepth < MAX_ACTION_DEPTH
          && !actionStack.contains(action.path())) {
        actionStack.add(action.path());
        int before = frontier;
        Map<String, Integer> outer = new LinkedHashMap<>(background);
        background.clear();
        sequence(action.steps(), path + ">", actionDepth + 1, actionStack);
        // Background steps left running inside a composite action end with it.
        int join =
            addJoin(
                job.workflow(),
                job,
                job.key() + "#" + path + ":end",
                "end of " + s.displayName(),
                s.location());
        edge(frontier, join, Edge.Kind.STEP_ORDER);
        background.values().forEach(b -> edge(b, join, Edge.Kind.WAIT));
        background.clear();
        background.putAll(outer);
        if (before == frontier) {
          edge(before, join, Edge.Kind.STEP_ORDER);
        }
        actionStack.remove(action.path());
        frontier = join;
        if (s.id() != null) {
          allById.put(s.id(), join);
        }
        return join;
      }
      Estimate own = estimator.step(job.job().id(), s, job.runsOn());
      if (own.provenance() != Provenance.CONFIG) {
        Workflow defining = workflowsByPath.get(job.definedIn());
        List<BuildPlanner.PlannedBuild> builds =
            defining == null ? List.of() : planner.plan(defining, s);
        if (!builds.isEmpty()) {
          int end = addBuilds(s, path, builds);
          if (s.id() != null) {
            allById.put(s.id(), end);
          }
          return end;
        }
      }
      int n =
          addNode(
              job.workflow(),
              job,
              job.key() + "#" + path,
              s.displayName(),
              s.location(),
              new Subject.StepWork(job, s, path),
              own);
      edge(frontier, n, Edge.Kind.STEP_ORDER);
      if (s.id() != null) {
        allById.put(s.id(), n);
      }
      return n;
    }

    /**
     * A build step as the work it runs: the step itself (builder start-up), then per build the
     * context upload and cache import, the Dockerfile's stages as their own DAG (BuildKit runs
     * independent stages in parallel), and the cache export and push; the builds of a bake group
     * run in parallel, a target waiting for the targets its contexts name.
     */
    private int addBuilds(Step s, String path, List<BuildPlanner.PlannedBuild> builds) {
      int step =
          addNode(
              job.workflow(),
              job,
              job.key() + "#" + path,
              s.displayName(),
              s.location(),
              new Subject.StepWork(job, s, path),
              Estimate.of(
                  BUILD_STEP_OVERHEAD, Provenance.CATALOGUE, "builder start-up of the build step"));
      edge(frontier, step, Edge.Kind.STEP_ORDER);
      Map<String, int[]> byTarget = new LinkedHashMap<>();
      List<Integer> ends = new ArrayList<>();
      for (BuildPlanner.PlannedBuild pb : builds) {
        Subject.Build b = pb.build();
        BuildEstimate est = pb.estimate();
        boolean warm = est.cache() != CacheBackend.NONE;
        String base =
            job.key()
                + "#"
                + path
                + ":"
                + (b.bakeTarget() != null ? b.bakeTarget() : b.dockerfile());
        DurationRange prepRange =
            est.contextUpload()
                .range()
                .plus(warm ? est.cacheImportWarm().range() : DurationRange.ZERO);
        int prep =
            addNode(
                job.workflow(),
                job,
                base + ":prepare",
                label(b) + ": context upload" + (warm ? " + cache import" : ""),
                b.location(),
                new Subject.BuildIo(job, s, b, "prepare", est),
                Estimate.of(
                    prepRange,
                    Provenance.CATALOGUE,
                    est.contextUpload().source()
                        + (warm ? "; " + est.cacheImportWarm().source() : "")));
        edge(step, prep, Edge.Kind.STEP_ORDER);
        Map<Integer, Integer> stageNodes = new HashMap<>();
        int last = prep;
        for (StageEstimate se : est.stages()) {
          Estimate e = warm ? se.warm() : se.cold();
          int n =
              addNode(
                  job.workflow(),
                  job,
                  base + ":stage-" + se.stage().index(),
                  label(b) + ": stage " + se.stage().displayName() + (warm ? " (warm)" : " (cold)"),
                  se.stage().location(),
                  new Subject.BuildStage(job, s, b, se, warm),
                  e);
          boolean linked = false;
          for (int dep : se.dependsOn()) {
            Integer d = stageNodes.get(dep);
            if (d != null) {
              edge(d, n, Edge.Kind.STEP_ORDER);
              linked = true;
            }
          }
          if (!linked) {
            edge(prep, n, Edge.Kind.STEP_ORDER);
          }
          stageNodes.put(se.stage().index(), n);
          last = n;
        }
        DurationRange outRange = DurationRange.ZERO;
        String outSource = "";
        if (!b.cacheTo().isEmpty()) {
          outRange = outRange.plus(est.cacheExport().range());
          outSource = est.cacheExport().source();
        }
        if (b.push()) {
          Estimate push = warm ? est.pushWarm() : est.pushCold();
          outRange = outRange.plus(push.range());
          outSource = (outSource.isEmpty() ? "" : outSource + "; ") + push.source();
        }
        int out =
            addNode(
                job.workflow(),
                job,
                base + ":export",
                label(b) + ": export" + (b.push() ? " + push" : ""),
                b.location(),
                new Subject.BuildIo(job, s, b, "export", est),
                Estimate.of(
                    outRange,
                    Provenance.CATALOGUE,
                    outSource.isEmpty() ? "nothing exported" : outSource));
        edge(last, out, Edge.Kind.STEP_ORDER);
        if (b.bakeTarget() != null) {
          byTarget.put(b.bakeTarget(), new int[] {prep, out});
        }
        ends.add(out);
      }
      for (BuildPlanner.PlannedBuild pb : builds) {
        int[] me = byTarget.get(pb.build().bakeTarget());
        for (String dep : pb.dependsOnTargets()) {
          int[] other = byTarget.get(dep);
          if (me != null && other != null && other != me) {
            edge(other[1], me[0], Edge.Kind.STEP_ORDER);
          }
        }
      }
      int end =
          addJoin(
              job.workflow(),
              job,
              job.key() + "#" + path + ":built",
              "end of " + s.displayName(),
              s.location());
      ends.forEach(e -> edge(e, end, Edge.Kind.WAIT));
      return end;
    }

    private String label(Subject.Build b) {
      return b.bakeTarget() != null ? "bake " + b.bakeTarget() : b.dockerfile();
    }

    private ActionDefinition localComposite(Step s) {
      if (s.uses() == null || !s.uses().startsWith("./")) {
        return null;
      }
      ActionDefinition a = workspace.actions().get(WorkspaceLoader.normalise(s.uses()));
      return a != null && a.isComposite() ? a : null;
    }

    /** The runner waits for background steps that were neither waited for nor cancelled. */
    void finish(int end) {
      edge(frontier, end, Edge.Kind.JOB);
      background.values().forEach(b -> edge(b, end, Edge.Kind.WAIT));
    }
  }

  // ---- reusable workflows ----

  private int[] addCall(Workflow run, JobInstance ji, int depth, Set<String> callStack) {
    String uses = ji.job().uses();
    int first = nodes.size();
    if (!ji.job().callsLocalWorkflow()) {
      Estimate e = estimator.jobOverride(ji.workflow(), ji.job().id());
      if (e == null) {
        e = knownJobDurations.get(ji.key());
      }
      if (e == null) {
        e =
            Estimate.of(
                estimator.catalogue().defaultFor("remoteWorkflow"),
                Provenance.DEFAULT,
                "reusable workflow " + uses);
        diagnostics.add(
            Diagnostic.info(
                ji.location(),
                "opaque-workflow",
                "job \""
                    + ji.job().id()
                    + "\" calls "
                    + uses
                    + ", a workflow of another repository that pipeperf does not fetch: timed as"
                    + " one block of "
                    + e.range()
                    + " (default); give its time in .pipeperf.yml durations.jobs"));
      }
      int n =
          addNode(
              run.path(),
              ji,
              ji.key(),
              ji.displayName() + " (" + uses + ")",
              ji.location(),
              new Subject.RemoteWorkflow(ji, uses),
              e);
      int end =
          addJoin(run.path(), ji, ji.key() + ":end", "end of " + ji.displayName(), ji.location());
      edge(n, end, Edge.Kind.JOB);
      spans.add(new PipelineGraph.JobSpan(ji, first, end));
      return new int[] {n, end};
    }
    String path = Job.localWorkflowPath(uses);
    Workflow callee = workflowsByPath.get(path);
    // The caller of a local workflow runs nothing itself (GitHub shows only the called jobs, as
    // "caller / job"): its start and end are joins of the workflow, not of a job, so no report
    // looks for a job span that does not exist.
    int start = addJoin(run.path(), null, ji.key() + ":call", "call " + uses, ji.location());
    if (callee == null || depth >= MAX_CALL_DEPTH || callStack.contains(path)) {
      String why =
          callee == null
              ? "calls "
                  + uses
                  + ", which is not a workflow file of this repository (or could not be parsed);"
                  + " its jobs are left out of the graph"
              : callStack.contains(path)
                  ? "calls " + uses + ", which is already being called: a call cycle"
                  : "calls reusable workflows more than " + MAX_CALL_DEPTH + " levels deep";
      diagnostics.add(
          Diagnostic.error(
              ji.location(), "reusable-workflow", "job \"" + ji.job().id() + "\" " + why));
      int end =
          addJoin(run.path(), null, ji.key() + ":end", "end of " + ji.displayName(), ji.location());
      edge(start, end, Edge.Kind.CALL);
      return new int[] {start, end};
    }
    callStack.add(path);
    String keyPrefix = ji.key().substring(run.path().length() + 1) + "/";
    Map<String, Integer> done =
        addJobs(run, callee, ji.jobPath() + "/", keyPrefix, ji, start, depth + 1, callStack);
    callStack.remove(path);
    int end =
        addJoin(run.path(), null, ji.key() + ":end", "end of " + ji.displayName(), ji.location());
    if (done.isEmpty()) {
      // Only a workflow without jobs links the call straight through: otherwise that edge would
      // read as the caller's needs reaching past the called jobs to the caller's dependents.
      edge(start, end, Edge.Kind.CALL);
    }
    done.values().forEach(d -> edge(d, end, Edge.Kind.CALL));
    return new int[] {start, end};
  }

  // ---- primitives ----

  private int addNode(
      String workflow,
      JobInstance job,
      String id,
      String label,
      dev.pipeperf.source.Location loc,
      Subject subject,
      Estimate estimate) {
    if (nodes.size() >= MAX_NODES) {
      if (!full) {
        full = true;
        diagnostics.add(
            Diagnostic.error(
                loc,
                "graph-too-large",
                "the pipeline has more than "
                    + MAX_NODES
                    + " jobs and steps; the rest is left out"));
      }
    }
    int n = usedIds.merge(id, 1, Integer::sum);
    String unique = n == 1 ? id : id + "~" + n;
    Node node = new Node(nodes.size(), unique, workflow, job, label, loc, subject, estimate);
    nodes.add(node);
    return node.index();
  }

  private int addJoin(
      String workflow, JobInstance job, String id, String label, dev.pipeperf.source.Location loc) {
    return addNode(workflow, job, id, label, loc, new Subject.Join(label), Estimate.zero("join"));
  }

  private void edge(int from, int to, Edge.Kind kind) {
    if (from != to) {
      edges.add(new Edge(from, to, kind));
      hasIncoming.set(to);
    }
  }
}
