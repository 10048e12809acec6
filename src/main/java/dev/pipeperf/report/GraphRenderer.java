package dev.pipeperf.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipeperf.analysis.AnalysisResult;
import dev.pipeperf.bake.BakePrint;
import dev.pipeperf.estimate.DurationRange;
import dev.pipeperf.graph.JobInstance;
import dev.pipeperf.graph.Node;
import dev.pipeperf.graph.Subject;
import dev.pipeperf.source.Escape;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code pipeperf graph}: the pipeline graph as mermaid (GitHub renders it), Graphviz dot, or JSON.
 * Jobs are clusters holding their set-up, steps and build stages; the critical path is marked.
 */
public final class GraphRenderer {

  /** Output formats of {@code pipeperf graph}. */
  public enum Format {
    mermaid,
    dot,
    json
  }

  /** How much a diagram shows: every step and build stage, or one box per job. */
  public enum Level {
    steps,
    jobs
  }

  public void render(AnalysisResult result, Format format, PrintWriter out) {
    render(result, format, Level.steps, out);
  }

  /**
   * The graph in a format. Mermaid holds one diagram per file, so several workflows come out as
   * markdown: a heading and a titled diagram per workflow (GitHub renders each); a single workflow
   * ({@code --workflow}) is one bare diagram.
   */
  public void render(AnalysisResult result, Format format, Level level, PrintWriter out) {
    GraphView view = GraphView.of(result);
    switch (format) {
      case mermaid -> mermaidPerWorkflow(result, view, level, out);
      case dot -> dot(view, out);
      case json -> json(result, view, out);
    }
    out.flush();
  }

  private void mermaidPerWorkflow(
      AnalysisResult result, GraphView view, Level level, PrintWriter out) {
    List<dev.pipeperf.review.Timeline> timelines = dev.pipeperf.review.Timeline.of(result);
    boolean several = timelines.size() > 1;
    for (dev.pipeperf.review.Timeline t : timelines) {
      String title = t.workflow().displayName() + " (" + t.workflow().path() + ")";
      if (several) {
        out.println("## " + Escape.markdown(title));
        out.println();
        out.println("```mermaid");
      }
      out.println("---");
      out.println("title: " + Escape.mermaidStatement(title));
      out.println("---");
      if (level == Level.jobs) {
        out.print(MarkdownPage.flowchart(t, result.graph()));
      } else {
        mermaid(view.only(t.workflow().path()), out);
      }
      if (several) {
        out.println("```");
        out.println();
      }
    }
  }

  private static Map<JobInstance, List<Node>> byJob(GraphView view) {
    Map<JobInstance, List<Node>> jobs = new LinkedHashMap<>();
    for (Node n : view.nodes()) {
      jobs.computeIfAbsent(n.job(), k -> new ArrayList<>()).add(n);
    }
    return jobs;
  }

  private static String nodeLabel(Node n) {
    String what = n.subject() instanceof Subject.JobSetup ? "set up" : n.label();
    return what + " · " + n.estimate().range().format();
  }

  // ---- mermaid ----

  private void mermaid(GraphView view, PrintWriter out) {
    out.println("flowchart LR");
    int c = 0;
    for (Map.Entry<JobInstance, List<Node>> e : byJob(view).entrySet()) {
      String title = e.getKey() == null ? "workflow" : e.getKey().displayName();
      out.printf("  subgraph c%d[\"%s\"]%n", c++, mermaidText(title));
      out.println("    direction TB");
      for (Node n : e.getValue()) {
        out.printf("    %s[\"%s\"]%n", mid(n), mermaidText(nodeLabel(n)));
      }
      out.println("  end");
    }
    int i = 0;
    List<Integer> criticalEdges = new ArrayList<>();
    for (GraphView.ViewEdge e : view.edges()) {
      String arrow =
          e.kind() == dev.pipeperf.graph.Edge.Kind.WORKFLOW_RUN ? " -. workflow_run .-> " : " --> ";
      out.printf("  %s%s%s%n", mid(e.from()), arrow, mid(e.to()));
      if (e.critical()) {
        criticalEdges.add(i);
      }
      i++;
    }
    out.println("  classDef critical fill:#fde2e1,stroke:#c0392b,stroke-width:2px;");
    List<String> critical =
        view.nodes().stream().filter(view::isCritical).map(GraphRenderer::mid).toList();
    if (!critical.isEmpty()) {
      out.println("  class " + String.join(",", critical) + " critical;");
    }
    for (int k : criticalEdges) {
      out.printf("  linkStyle %d stroke:#c0392b,stroke-width:3px;%n", k);
    }
  }

  private static String mid(Node n) {
    return "n" + n.index();
  }

  private static String mermaidText(String s) {
    return Escape.mermaidLabel(s);
  }

  // ---- dot ----

  private void dot(GraphView view, PrintWriter out) {
    out.println("digraph pipeline {");
    out.println("  rankdir=LR;");
    out.println("  node [shape=box, style=rounded, fontname=\"Helvetica\"];");
    int c = 0;
    for (Map.Entry<JobInstance, List<Node>> e : byJob(view).entrySet()) {
      String title = e.getKey() == null ? "workflow" : e.getKey().displayName();
      out.printf("  subgraph cluster_%d {%n    label=%s;%n", c++, dotString(title));
      for (Node n : e.getValue()) {
        out.printf(
            "    %s [label=%s%s];%n",
            mid(n),
            dotString(nodeLabel(n)),
            view.isCritical(n) ? ", color=\"#c0392b\", penwidth=2" : "");
      }
      out.println("  }");
    }
    for (GraphView.ViewEdge e : view.edges()) {
      out.printf(
          "  %s -> %s%s;%n",
          mid(e.from()),
          mid(e.to()),
          e.critical()
              ? " [color=\"#c0392b\", penwidth=2]"
              : e.kind() == dev.pipeperf.graph.Edge.Kind.WORKFLOW_RUN
                  ? " [style=dashed, label=\"workflow_run\"]"
                  : "");
    }
    out.println("}");
  }

  private static String dotString(String s) {
    return Escape.dotString(s);
  }

  // ---- json ----

  private void json(AnalysisResult result, GraphView view, PrintWriter out) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("schemaVersion", JsonRenderer.SCHEMA_VERSION);
    ArrayNode nodes = root.putArray("nodes");
    for (Node n : view.nodes()) {
      ObjectNode o = nodes.addObject();
      o.put("id", n.id());
      o.put("kind", kind(n));
      o.put("label", n.label());
      o.put("workflow", n.workflow());
      if (n.job() != null) {
        o.put("job", n.job().displayName());
      }
      o.set("duration", range(mapper, n.estimate().range()));
      o.set("start", range(mapper, view.schedule().earliestStart(n.index())));
      o.set("slack", range(mapper, view.schedule().slack(n.index())));
      o.put("critical", view.isCritical(n));
      o.put("provenance", n.estimate().provenance().word());
      o.put("source", n.estimate().source());
      o.put("file", n.location().file());
      o.put("line", n.location().line());
      o.put("column", n.location().column());
    }
    ArrayNode edges = root.putArray("edges");
    for (GraphView.ViewEdge e : view.edges()) {
      ObjectNode o = edges.addObject();
      o.put("from", e.from().id());
      o.put("to", e.to().id());
      o.put("kind", e.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
      o.put("critical", e.critical());
    }
    // Each folder's bake files, resolved as `docker buildx bake --print` prints them (default
    // group), so users can diff pipeperf's reading with buildx's.
    ObjectNode bake = root.putObject("bake");
    result
        .workspace()
        .bakes()
        .forEach(
            (dir, def) ->
                bake.set(
                    dir.isEmpty() ? "." : dir,
                    BakePrint.toTree(def, java.util.List.of("default"))));
    ArrayNode paths = root.putArray("criticalPaths");
    for (var w : result.reportedWorkflows()) {
      ObjectNode o = paths.addObject();
      o.put("workflow", w.path());
      o.set("length", range(mapper, result.schedule().path(w.path()).length()));
      ArrayNode ids = o.putArray("nodes");
      for (int i : result.schedule().path(w.path()).nodes()) {
        Node n = result.schedule().graph().node(i);
        if (!n.isJoin()) {
          ids.add(n.id());
        }
      }
    }
    try {
      out.println(mapper.writeValueAsString(root));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String kind(Node n) {
    Subject s = n.subject();
    if (s instanceof Subject.JobSetup) {
      return "job-setup";
    }
    if (s instanceof Subject.StepWork) {
      return "step";
    }
    if (s instanceof Subject.RemoteWorkflow) {
      return "remote-workflow";
    }
    if (s instanceof Subject.BuildStage) {
      return "build-stage";
    }
    if (s instanceof Subject.BuildIo) {
      return "build-io";
    }
    return "join";
  }

  private static ObjectNode range(ObjectMapper mapper, DurationRange r) {
    ObjectNode o = mapper.createObjectNode();
    o.put("low", Math.round(r.low() * 10) / 10.0);
    o.put("high", Math.round(r.high() * 10) / 10.0);
    return o;
  }
}
