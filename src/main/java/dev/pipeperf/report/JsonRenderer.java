package dev.pipeperf.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipeperf.AnalysisResult;
import dev.pipeperf.Version;
import dev.pipeperf.estimate.DurationRange;
import dev.pipeperf.graph.CriticalPath;
import dev.pipeperf.graph.Node;
import dev.pipeperf.source.Diagnostic;
import dev.pipeperf.source.Location;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * The machine-readable report. Its shape is versioned by {@code schemaVersion} and documented in
 * {@code docs/json-schema.md}; fields are only ever added within a version. Durations are seconds.
 */
public final class JsonRenderer {

  /** Bumped when a field changes meaning or disappears; adding fields keeps the version. */
  public static final int SCHEMA_VERSION = 1;

  private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public void render(AnalysisResult result, PrintWriter out) {
    try {
      out.println(mapper.writeValueAsString(tree(result)));
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public ObjectNode tree(AnalysisResult result) {
    ObjectNode root = mapper.createObjectNode();
    root.put("schemaVersion", SCHEMA_VERSION);
    root.put("tool", "pipeperf");
    root.put("version", Version.current());
    root.put("root", result.workspace().root().toString());
    root.put("filesRead", result.workspace().filesRead());
    ArrayNode workflows = root.putArray("workflows");
    CriticalPath cp = result.schedule();
    for (Timeline t : Timeline.of(result)) {
      ObjectNode w = workflows.addObject();
      w.put("path", t.workflow().path());
      w.put("name", t.workflow().displayName());
      ArrayNode events = w.putArray("events");
      t.workflow().events().forEach(events::add);
      w.put("jobCount", t.jobCount());
      w.set("criticalPath", range(t.path().length()));
      w.set("jobTime", range(t.path().work()));
      w.put("parallelism", Math.round(t.path().parallelism() * 100) / 100.0);
      ArrayNode critical = w.putArray("criticalJobs");
      t.critical().forEach(e -> critical.add(entry(e)));
      ArrayNode off = w.putArray("otherJobs");
      t.offPath().forEach(e -> off.add(entry(e)));
      ArrayNode nodes = w.putArray("criticalNodes");
      for (int i : t.path().nodes()) {
        Node n = cp.graph().node(i);
        if (n.isJoin()) {
          continue;
        }
        ObjectNode o = nodes.addObject();
        o.put("id", n.id());
        o.put("label", n.label());
        if (n.job() != null) {
          o.put("job", n.job().displayName());
        }
        o.set("start", range(cp.earliestStart(i)));
        o.set("duration", range(n.estimate().range()));
        o.put("provenance", n.estimate().provenance().word());
        o.put("source", n.estimate().source());
        location(o, n.location());
      }
    }
    ArrayNode diags = root.putArray("diagnostics");
    for (Diagnostic d : result.diagnostics()) {
      ObjectNode o = diags.addObject();
      location(o, d.location());
      o.put("severity", d.severity().word());
      o.put("code", d.code());
      o.put("message", d.message());
    }
    return root;
  }

  private ObjectNode entry(Timeline.Entry e) {
    ObjectNode o = mapper.createObjectNode();
    o.put("key", e.job().key());
    o.put("job", e.job().jobPath());
    o.put("name", e.job().displayName());
    o.put("runner", e.job().runnerKind());
    o.set("start", range(e.start()));
    o.set("duration", range(e.duration()));
    o.set("slack", range(e.slack()));
    o.put("provenance", e.provenance());
    if (!e.source().isEmpty()) {
      o.put("source", e.source());
    }
    location(o, e.job().location());
    return o;
  }

  private ObjectNode range(DurationRange r) {
    ObjectNode o = mapper.createObjectNode();
    o.put("low", Math.round(r.low() * 10) / 10.0);
    o.put("high", Math.round(r.high() * 10) / 10.0);
    return o;
  }

  private static void location(ObjectNode o, Location l) {
    o.put("file", l.file());
    o.put("line", l.line());
    o.put("column", l.column());
  }
}
