package dev.pipeperf.workflow;

import dev.pipeperf.source.Diagnostic;
import dev.pipeperf.source.Location;
import dev.pipeperf.source.ParseResult;
import dev.pipeperf.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a GitHub Actions workflow file into a {@link Workflow}. Follows GitHub's rules where they
 * change the pipeline's shape (jobs, needs, matrix, steps); reports everything else it cannot use
 * as diagnostics and goes on.
 */
public final class WorkflowParser {

  static final Set<String> WORKFLOW_KEYS =
      Set.of("name", "run-name", "on", "permissions", "env", "defaults", "concurrency", "jobs");
  static final Set<String> JOB_KEYS =
      Set.of(
          "name",
          "permissions",
          "needs",
          "if",
          "runs-on",
          "environment",
          "concurrency",
          "outputs",
          "env",
          "defaults",
          "steps",
          "timeout-minutes",
          "strategy",
          "continue-on-error",
          "container",
          "services",
          "uses",
          "with",
          "secrets",
          "snapshot");
  static final Set<String> STEP_KEYS =
      Set.of(
          "id",
          "if",
          "name",
          "uses",
          "run",
          "working-directory",
          "shell",
          "with",
          "env",
          "continue-on-error",
          "timeout-minutes",
          "background",
          "wait",
          "wait-all",
          "cancel",
          "parallel");

  private final SourceFile file;
  private final List<Diagnostic> diagnostics;
  private final YamlTree yaml;

  WorkflowParser(SourceFile file, List<Diagnostic> diagnostics) {
    this.file = file;
    this.diagnostics = diagnostics;
    this.yaml = new YamlTree(file, diagnostics);
  }

  /** Parses one workflow file. The model is null when the file is not a usable workflow. */
  public static ParseResult<Workflow> parse(SourceFile file) {
    WorkflowParser p = new WorkflowParser(file, new ArrayList<>());
    Workflow w;
    try {
      w = p.parseDocument();
    } catch (YamlTree.BoundExceeded e) {
      p.yaml.error(
          e.node, "yaml-too-large", "YAML value too large or deep to analyse (alias bomb?)");
      w = null;
    }
    return ParseResult.of(w, p.diagnostics);
  }

  private Workflow parseDocument() {
    Node root = yaml.compose();
    if (root == null) {
      if (diagnostics.isEmpty()) {
        diagnostics.add(
            Diagnostic.error(
                file.at(1, 1), "not-a-workflow", "empty file: a workflow needs on: and jobs:"));
      }
      return null;
    }
    if (!(root instanceof MappingNode)) {
      yaml.error(
          root,
          "not-a-workflow",
          "a workflow must be a mapping with on: and jobs:, not " + YamlTree.kind(root));
      return null;
    }
    Map<String, NodeTuple> top = yaml.mapping(root);
    NodeTuple jobsNode = top.get("jobs");
    NodeTuple onNode = top.get("on");
    if (jobsNode == null || onNode == null) {
      String missing =
          jobsNode == null && onNode == null ? "on: and jobs:" : jobsNode == null ? "jobs:" : "on:";
      yaml.error(root, "not-a-workflow", "not a workflow: no " + missing + " at the top level");
      if (jobsNode == null) {
        return null;
      }
    }
    for (Map.Entry<String, NodeTuple> e : top.entrySet()) {
      if (!WORKFLOW_KEYS.contains(e.getKey())) {
        yaml.error(
            e.getValue().getKeyNode(),
            "unknown-key",
            "unexpected key \"" + e.getKey() + "\" at the top of a workflow");
      }
    }
    String name = top.containsKey("name") ? yaml.scalar(value(top, "name"), "name") : null;
    List<Trigger> triggers = onNode == null ? List.of() : triggers(onNode.getValueNode());
    Map<String, String> env = yaml.stringMap(value(top, "env"), "env");
    Concurrency concurrency = concurrency(value(top, "concurrency"));
    Map<String, String> defaultsRun = defaultsRun(value(top, "defaults"));
    List<Job> jobs = Needs.canonical(jobs(jobsNode.getValueNode()));
    Needs.check(jobs, diagnostics);
    return new Workflow(
        file.path(), name, yaml.at(root), triggers, env, concurrency, defaultsRun, jobs);
  }

  private static Node value(Map<String, NodeTuple> m, String key) {
    NodeTuple t = m.get(key);
    return t == null ? null : t.getValueNode();
  }

  // ---- on: ----

  private List<Trigger> triggers(Node on) {
    List<Trigger> out = new ArrayList<>();
    if (on instanceof ScalarNode s && YamlTree.isNull(s)) {
      yaml.error(on, "syntax", "on: is empty: name at least one event");
    } else if (on instanceof ScalarNode s) {
      out.add(Trigger.simple(s.getValue(), yaml.at(s)));
    } else if (on instanceof SequenceNode seq) {
      for (Node n : seq.getValue()) {
        String ev = yaml.scalar(n, "an event");
        if (ev != null) {
          out.add(Trigger.simple(ev, yaml.at(n)));
        }
      }
    } else if (on instanceof MappingNode) {
      for (Map.Entry<String, NodeTuple> e : yaml.mapping(on).entrySet()) {
        Node cfg = e.getValue().getValueNode();
        Map<String, NodeTuple> m = cfg instanceof MappingNode ? yaml.mapping(cfg) : Map.of();
        List<String> inputs = new ArrayList<>();
        if (e.getKey().equals("workflow_call") && value(m, "inputs") instanceof MappingNode in) {
          inputs.addAll(yaml.mapping(in).keySet());
        }
        out.add(
            new Trigger(
                e.getKey(),
                yaml.at(e.getValue().getKeyNode()),
                yaml.stringOrList(value(m, "workflows"), "workflows"),
                yaml.stringOrList(value(m, "branches"), "branches"),
                yaml.stringOrList(value(m, "paths"), "paths"),
                inputs,
                yaml.stringOrList(value(m, "branches-ignore"), "branches-ignore"),
                yaml.stringOrList(value(m, "tags"), "tags"),
                yaml.stringOrList(value(m, "tags-ignore"), "tags-ignore"),
                yaml.stringOrList(value(m, "paths-ignore"), "paths-ignore"),
                yaml.stringOrList(value(m, "types"), "types"),
                e.getKey().equals("schedule") ? schedules(cfg) : List.of(),
                m.keySet()));
      }
    } else {
      yaml.error(on, "syntax", "on: must be an event, a list of events or a mapping");
    }
    return out;
  }

  /** {@code schedule: [{cron: '...', timezone: '...'}]}; what is not a cron entry is an error. */
  private List<Trigger.Schedule> schedules(Node node) {
    List<Trigger.Schedule> out = new ArrayList<>();
    if (!(node instanceof SequenceNode seq)) {
      if (node != null && !YamlTree.isNull(node)) {
        yaml.error(node, "syntax", "schedule must be a list of - cron: '...' entries");
      }
      return out;
    }
    for (Node item : seq.getValue()) {
      Map<String, NodeTuple> m = item instanceof MappingNode ? yaml.mapping(item) : Map.of();
      Node cron = value(m, "cron");
      String text = cron == null ? null : yaml.scalar(cron, "schedule.cron");
      if (text == null) {
        yaml.error(
            item, "syntax", "a schedule entry needs cron: '<minute hour day month weekday>'");
        continue;
      }
      Node tz = value(m, "timezone");
      out.add(
          new Trigger.Schedule(
              text, tz == null ? null : yaml.scalar(tz, "schedule.timezone"), yaml.at(cron)));
    }
    return out;
  }

  private Concurrency concurrency(Node node) {
    if (node == null || YamlTree.isNull(node)) {
      return null;
    }
    if (node instanceof ScalarNode s) {
      return new Concurrency(s.getValue(), null, yaml.at(s));
    }
    Map<String, NodeTuple> m = yaml.mapping(node);
    Node cancel = value(m, "cancel-in-progress");
    return new Concurrency(
        yaml.scalar(value(m, "group"), "concurrency.group"),
        cancel instanceof ScalarNode s ? s.getValue() : null,
        yaml.at(node));
  }

  private Map<String, String> defaultsRun(Node node) {
    if (node == null) {
      return Map.of();
    }
    return yaml.stringMap(value(yaml.mapping(node), "run"), "defaults.run");
  }

  // ---- jobs ----

  private List<Job> jobs(Node node) {
    List<Job> out = new ArrayList<>();
    if (!(node instanceof MappingNode)) {
      yaml.error(node, "syntax", "jobs: must be a mapping of job ids to jobs");
      return out;
    }
    Map<String, String> seenIds = new java.util.HashMap<>();
    for (Map.Entry<String, NodeTuple> e : yaml.mapping(node).entrySet()) {
      String id = e.getKey();
      Node jobNode = e.getValue().getValueNode();
      Location at = yaml.at(e.getValue().getKeyNode());
      // GitHub compares job ids case-insensitively: "build" and "BUILD" are the same job.
      String first = seenIds.putIfAbsent(id.toLowerCase(java.util.Locale.ROOT), id);
      if (first != null) {
        yaml.error(
            e.getValue().getKeyNode(),
            "duplicate-key",
            "job id \"" + id + "\" is already defined as \"" + first + "\" (job ids ignore case)");
        continue;
      }
      if (!id.matches("[A-Za-z_][A-Za-z0-9_-]{0,98}")) {
        yaml.error(
            e.getValue().getKeyNode(),
            "job-id",
            "job id \""
                + id
                + "\" must start with a letter or _, hold only letters, digits, - and _, and be under 100"
                + " characters");
      }
      if (!(jobNode instanceof MappingNode)) {
        yaml.error(jobNode, "syntax", "job \"" + id + "\" must be a mapping");
        continue;
      }
      out.add(job(id, at, jobNode));
    }
    if (out.isEmpty() && node instanceof MappingNode) {
      yaml.error(node, "no-jobs", "the workflow has no jobs");
    }
    return out;
  }

  private Job job(String id, Location at, Node node) {
    Map<String, NodeTuple> m = yaml.mapping(node);
    for (Map.Entry<String, NodeTuple> e : m.entrySet()) {
      if (!JOB_KEYS.contains(e.getKey())) {
        yaml.error(
            e.getValue().getKeyNode(),
            "unknown-key",
            "unexpected key \"" + e.getKey() + "\" in job \"" + id + "\"");
      }
    }
    String uses = yaml.scalar(value(m, "uses"), "uses");
    Node runsOnNode = value(m, "runs-on");
    RunsOn runsOn = runsOn(runsOnNode);
    if (uses == null && runsOnNode == null) {
      yaml.error(node, "syntax", "job \"" + id + "\" has no runs-on:");
    }
    if (uses != null && runsOnNode != null) {
      yaml.error(
          YamlTree.keyNode(m, "runs-on", node),
          "syntax",
          "job \""
              + id
              + "\" calls a reusable workflow, which chooses its own runners: drop runs-on:");
    }
    if (uses == null) {
      for (String key : List.of("with", "secrets")) {
        if (m.containsKey(key)) {
          yaml.error(
              m.get(key).getKeyNode(),
              "syntax",
              key
                  + ": belongs to a job that calls a reusable workflow (uses:), and job \""
                  + id
                  + "\" does not");
        }
      }
    }
    List<Need> needs = new ArrayList<>();
    Node needsNode = value(m, "needs");
    if (needsNode instanceof ScalarNode s && !YamlTree.isNull(s)) {
      needs.add(new Need(s.getValue(), yaml.at(s)));
    } else if (needsNode instanceof SequenceNode seq) {
      for (Node n : seq.getValue()) {
        String v = yaml.scalar(n, "a needs item");
        if (v != null) {
          needs.add(new Need(v, yaml.at(n)));
        }
      }
    } else if (needsNode instanceof MappingNode) {
      yaml.error(needsNode, "syntax", "needs: must be a job id or a list of job ids");
    } else if (needsNode != null) {
      yaml.error(needsNode, "syntax", "needs: is empty: name a job id or a list of job ids");
    }
    Node stepsNode = value(m, "steps");
    List<Step> steps = new ArrayList<>();
    if (stepsNode instanceof SequenceNode seq) {
      steps = steps(seq, id, 0);
      if (steps.isEmpty() && uses == null) {
        yaml.error(stepsNode, "no-steps", "job \"" + id + "\" has no steps");
      }
    } else if (stepsNode != null && !YamlTree.isNull(stepsNode)) {
      yaml.error(stepsNode, "syntax", "steps: must be a list");
    } else if (uses == null) {
      yaml.error(
          YamlTree.keyNode(m, "runs-on", node), "no-steps", "job \"" + id + "\" has no steps");
    }
    if (uses != null && stepsNode != null) {
      yaml.error(
          stepsNode,
          "syntax",
          "job \"" + id + "\" calls a reusable workflow and cannot also have steps");
    }
    Node timeout = value(m, "timeout-minutes");
    Container container = container(value(m, "container"), "container");
    List<Container> services = new ArrayList<>();
    if (value(m, "services") instanceof MappingNode sm) {
      for (Map.Entry<String, NodeTuple> e : yaml.mapping(sm).entrySet()) {
        Container c = container(e.getValue().getValueNode(), e.getKey());
        if (c != null) {
          services.add(c);
        }
      }
    }
    Node envNode = value(m, "environment");
    String environment =
        envNode instanceof ScalarNode es
            ? es.getValue()
            : envNode instanceof MappingNode
                ? yaml.scalar(value(yaml.mapping(envNode), "name"), "environment.name")
                : null;
    return new Job(
        id,
        yaml.scalar(value(m, "name"), "name"),
        at,
        runsOn,
        needs,
        scalarText(value(m, "if")),
        strategy(value(m, "strategy")),
        yaml.integer(timeout, "timeout-minutes"),
        timeout == null ? null : yaml.at(timeout),
        container,
        services,
        yaml.stringMap(value(m, "outputs"), "outputs"),
        environment,
        uses,
        yaml.stringMap(value(m, "with"), "with"),
        concurrency(value(m, "concurrency")),
        steps);
  }

  private String scalarText(Node node) {
    return node instanceof ScalarNode s && !YamlTree.isNull(s) ? s.getValue() : null;
  }

  private RunsOn runsOn(Node node) {
    if (node == null) {
      return null;
    }
    if (node instanceof MappingNode) {
      Map<String, NodeTuple> m = yaml.mapping(node);
      return new RunsOn(
          yaml.stringOrList(value(m, "labels"), "runs-on.labels"),
          yaml.scalar(value(m, "group"), "runs-on.group"),
          yaml.at(node));
    }
    return new RunsOn(yaml.stringOrList(node, "runs-on"), null, yaml.at(node));
  }

  private Container container(Node node, String name) {
    if (node == null || YamlTree.isNull(node)) {
      return null;
    }
    if (node instanceof ScalarNode s) {
      return new Container(name, s.getValue(), yaml.at(s));
    }
    return new Container(
        name, yaml.scalar(value(yaml.mapping(node), "image"), name + ".image"), yaml.at(node));
  }

  // ---- strategy / matrix ----

  private Strategy strategy(Node node) {
    if (node == null || YamlTree.isNull(node)) {
      return null;
    }
    if (node instanceof ScalarNode s && Expressions.containsExpression(s.getValue())) {
      // strategy: ${{ fromJSON(...) }} — everything, the matrix included, is known only at run
      // time.
      Matrix dynamic =
          new Matrix(List.of(), List.of(new MatrixInstance(Map.of())), true, yaml.at(s));
      return new Strategy(dynamic, null, true, yaml.at(s));
    }
    if (!(node instanceof MappingNode)) {
      yaml.error(node, "syntax", "strategy: must be a mapping");
      return null;
    }
    Map<String, NodeTuple> m = yaml.mapping(node);
    Boolean failFast = yaml.bool(value(m, "fail-fast"), "fail-fast");
    Matrix matrix =
        value(m, "matrix") == null ? null : MatrixExpansion.expand(yaml, value(m, "matrix"));
    return new Strategy(
        matrix,
        yaml.integer(value(m, "max-parallel"), "max-parallel"),
        failFast == null || failFast,
        yaml.at(node));
  }

  // ---- steps ----

  private List<Step> steps(SequenceNode seq, String jobId, int depth) {
    List<Step> out = stepList(seq, jobId, depth);
    if (depth == 0) {
      Map<String, Step> ids = new java.util.HashMap<>();
      for (Step st : Step.flatten(out)) {
        if (st.id() != null) {
          Step first = ids.putIfAbsent(st.id().toLowerCase(java.util.Locale.ROOT), st);
          if (first != null) {
            diagnostics.add(
                Diagnostic.error(
                    st.location(),
                    "duplicate-step-id",
                    "step id \""
                        + st.id()
                        + "\" is already used in job \""
                        + jobId
                        + "\" at line "
                        + first.location().line()));
          }
        }
      }
    }
    return out;
  }

  private List<Step> stepList(SequenceNode seq, String jobId, int depth) {
    List<Step> out = new ArrayList<>();
    int index = 0;
    for (Node n : seq.getValue()) {
      if (!(n instanceof MappingNode)) {
        yaml.error(n, "syntax", "a step must be a mapping");
        continue;
      }
      Step s = step(n, index, jobId, depth);
      if (s != null) {
        out.add(s);
        index++;
      }
    }
    return out;
  }

  Step step(Node node, int index, String jobId, int depth) {
    Map<String, NodeTuple> m = yaml.mapping(node);
    for (Map.Entry<String, NodeTuple> e : m.entrySet()) {
      if (!STEP_KEYS.contains(e.getKey())) {
        yaml.error(
            e.getValue().getKeyNode(),
            "unknown-key",
            "unexpected key \"" + e.getKey() + "\" in a step of job \"" + jobId + "\"");
      }
    }
    String uses = yaml.scalar(value(m, "uses"), "uses");
    Node runNode = value(m, "run");
    String run = yaml.scalar(runNode, "run");
    List<Step> parallel = List.of();
    Node par = value(m, "parallel");
    if (par != null) {
      Node list = par instanceof MappingNode ? value(yaml.mapping(par), "steps") : par;
      if (depth > 0) {
        yaml.error(par, "syntax", "nested parallel: blocks are not allowed");
      } else if (list instanceof SequenceNode ps) {
        parallel = steps(ps, jobId, depth + 1);
      } else {
        yaml.error(par, "syntax", "parallel: must be a list of steps");
      }
    }
    Node waitNode = value(m, "wait");
    List<String> waitFor = yaml.stringOrList(waitNode, "wait");
    Boolean waitAllFlag = m.containsKey("wait-all") ? waitAll(value(m, "wait-all")) : Boolean.FALSE;
    String cancel = yaml.scalar(value(m, "cancel"), "cancel");
    Boolean background = yaml.bool(value(m, "background"), "background");
    int kinds =
        (uses != null ? 1 : 0)
            + (run != null ? 1 : 0)
            + (!parallel.isEmpty() ? 1 : 0)
            + (!waitFor.isEmpty() ? 1 : 0)
            + (Boolean.TRUE.equals(waitAllFlag) ? 1 : 0)
            + (cancel != null ? 1 : 0);
    if (kinds == 0 && par == null) {
      yaml.error(
          node,
          "syntax",
          "a step needs one of uses:, run:, parallel:, wait:, wait-all: or cancel:");
      return null;
    }
    if (kinds > 1) {
      yaml.error(
          node,
          "syntax",
          "a step can have only one of uses:, run:, parallel:, wait:, wait-all: and cancel:");
    }
    if (Boolean.TRUE.equals(background) && uses == null && run == null) {
      yaml.error(value(m, "background"), "syntax", "background: applies to a uses: or run: step");
    }
    Boolean coe =
        m.containsKey("continue-on-error")
            ? yaml.bool(value(m, "continue-on-error"), "continue-on-error")
            : Boolean.FALSE;
    return new Step(
        index,
        yaml.scalar(value(m, "id"), "id"),
        yaml.scalar(value(m, "name"), "name"),
        yaml.at(node),
        uses,
        yaml.stringMap(value(m, "with"), "with"),
        run,
        runNode == null ? null : yaml.at(runNode),
        yaml.scalar(value(m, "shell"), "shell"),
        scalarText(value(m, "if")),
        Boolean.TRUE.equals(coe),
        yaml.integer(value(m, "timeout-minutes"), "timeout-minutes"),
        yaml.stringMap(value(m, "env"), "env"),
        Boolean.TRUE.equals(background),
        waitFor,
        Boolean.TRUE.equals(waitAllFlag),
        cancel,
        parallel);
  }

  private Boolean waitAll(Node node) {
    // "wait-all:" with no value, or "wait-all: true", both mean wait for every background step.
    if (node == null || YamlTree.isNull(node)) {
      return true;
    }
    return yaml.bool(node, "wait-all");
  }
}
