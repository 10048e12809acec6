package dev.pipeperf.gate;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipeperf.source.Diagnostic;
import dev.pipeperf.source.Location;
import dev.pipeperf.source.ParseResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The baseline as a JSON file: keys in a fixed order, no timestamps, numbers rounded, so recording
 * the same pipeline twice gives the same bytes and a diff of the file shows what changed. Reading
 * never throws on a bad file: it says what is wrong and where ({@code file:line:col} for bad JSON).
 */
public final class BaselineFile {

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private BaselineFile() {}

  /** Writes the baseline, two-space indented, one trailing newline. */
  public static void write(Baseline b, PrintWriter out) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("schemaVersion", b.schemaVersion());
    root.put("tool", "pipeperf");
    root.put("toolVersion", b.toolVersion());
    ArrayNode workflows = root.putArray("workflows");
    for (Baseline.WorkflowEntry w : b.workflows()) {
      ObjectNode o = workflows.addObject();
      o.put("path", w.path());
      o.put("name", w.name());
      o.set("criticalPathSeconds", range(w.criticalPath()));
      if (w.observedCriticalPath() != null) {
        ObjectNode obs = o.putObject("observedCriticalPathSeconds");
        obs.put("run", w.observedCriticalPath().low());
        obs.put("wall", w.observedCriticalPath().high());
      }
      o.set("billableMinutes", range(w.billableMinutes()));
      o.put("jobCount", w.jobCount());
      ArrayNode jobs = o.putArray("jobs");
      for (Baseline.JobEntry j : w.jobs()) {
        ObjectNode jo = jobs.addObject();
        jo.put("name", j.name());
        jo.set("seconds", range(j.duration()));
        jo.put("critical", j.critical());
        jo.put("file", j.file());
        jo.put("line", j.line());
        if (j.estimate() != null) {
          jo.set("estimateSeconds", range(j.estimate()));
        }
      }
    }
    ArrayNode findings = root.putArray("findings");
    for (Baseline.FindingEntry f : b.findings()) {
      ObjectNode o = findings.addObject();
      o.put("fingerprint", f.fingerprint());
      o.put("ruleId", f.ruleId());
      o.put("severity", f.severity());
      o.put("file", f.file());
      o.put("line", f.line());
      o.put("message", f.message());
    }
    try {
      DefaultPrettyPrinter pretty =
          new DefaultPrettyPrinter().withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE);
      String text = MAPPER.writer(pretty).writeValueAsString(root).replace("\r\n", "\n");
      out.print(text);
      out.print('\n');
      out.flush();
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a baseline file. {@code shown} is how the user named it, used in messages. No model and
   * one diagnostic when the file is missing, unreadable, not JSON, or not a baseline.
   */
  public static ParseResult<Baseline> read(Path file, String shown) {
    if (!Files.isRegularFile(file)) {
      return fail(
          Location.ofFile(shown),
          "baseline-not-found",
          "baseline not found; record one with: pipeperf baseline . -o " + shown);
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (MalformedInputException e) {
      return fail(Location.ofFile(shown), "baseline-corrupt", "baseline is not UTF-8 text");
    } catch (IOException e) {
      return fail(Location.ofFile(shown), "baseline-unreadable", "cannot read baseline: " + e);
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      Location where =
          at == null || at.getLineNr() < 1
              ? Location.ofFile(shown)
              : new Location(shown, at.getLineNr(), Math.max(0, at.getColumnNr()));
      return fail(
          where,
          "baseline-corrupt",
          "baseline is not valid JSON: " + firstLine(e.getOriginalMessage()));
    }
    if (root == null || root.isMissingNode()) {
      return fail(Location.ofFile(shown), "baseline-corrupt", "baseline is empty");
    }
    try {
      return ParseResult.of(baseline(root), List.of());
    } catch (Shape e) {
      return fail(
          Location.ofFile(shown),
          "baseline-corrupt",
          "not a pipeperf baseline: "
              + e.getMessage()
              + " (record a new one with pipeperf baseline)");
    }
  }

  private static Baseline baseline(JsonNode root) {
    if (!root.isObject()) {
      throw new Shape("expected a JSON object at the top");
    }
    int version = integer(root, "schemaVersion", "");
    if (version < 1 || version > Baseline.SCHEMA_VERSION) {
      throw new Shape(
          "schemaVersion "
              + version
              + " is not one this pipeperf reads (it reads "
              + Baseline.SCHEMA_VERSION
              + ")");
    }
    String toolVersion = root.has("toolVersion") ? root.get("toolVersion").asText() : "unknown";
    List<Baseline.WorkflowEntry> workflows = new ArrayList<>();
    JsonNode ws = array(root, "workflows", "");
    for (int i = 0; i < ws.size(); i++) {
      JsonNode w = object(ws.get(i), "workflows[" + i + "]");
      String at = "workflows[" + i + "].";
      List<Baseline.JobEntry> jobs = new ArrayList<>();
      JsonNode js = w.has("jobs") ? array(w, "jobs", at) : MAPPER.createArrayNode();
      for (int k = 0; k < js.size(); k++) {
        JsonNode j = object(js.get(k), at + "jobs[" + k + "]");
        String jat = at + "jobs[" + k + "].";
        jobs.add(
            new Baseline.JobEntry(
                text(j, "name", jat),
                range(j, "seconds", jat),
                j.path("critical").asBoolean(false),
                j.path("file").asText(""),
                j.path("line").asInt(0),
                j.has("estimateSeconds") ? range(j, "estimateSeconds", jat) : null));
      }
      Baseline.Range observed = null;
      if (w.has("observedCriticalPathSeconds")) {
        JsonNode o =
            object(w.get("observedCriticalPathSeconds"), at + "observedCriticalPathSeconds");
        observed =
            new Baseline.Range(
                number(o, "run", at + "observedCriticalPathSeconds."),
                number(o, "wall", at + "observedCriticalPathSeconds."));
      }
      workflows.add(
          new Baseline.WorkflowEntry(
              text(w, "path", at),
              w.path("name").asText(text(w, "path", at)),
              range(w, "criticalPathSeconds", at),
              observed,
              range(w, "billableMinutes", at),
              w.path("jobCount").asInt(jobs.size()),
              jobs));
    }
    List<Baseline.FindingEntry> findings = new ArrayList<>();
    JsonNode fs = array(root, "findings", "");
    for (int i = 0; i < fs.size(); i++) {
      String at = "findings[" + i + "].";
      JsonNode f = object(fs.get(i), "findings[" + i + "]");
      findings.add(
          new Baseline.FindingEntry(
              text(f, "fingerprint", at),
              text(f, "ruleId", at),
              f.path("severity").asText(""),
              f.path("file").asText(""),
              f.path("line").asInt(0),
              f.path("message").asText("")));
    }
    return new Baseline(version, toolVersion, workflows, findings);
  }

  private static ObjectNode range(Baseline.Range r) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("low", r.low());
    o.put("high", r.high());
    return o;
  }

  private static Baseline.Range range(JsonNode parent, String key, String at) {
    JsonNode o = object(parent.get(key), at + key);
    double low = number(o, "low", at + key + ".");
    double high = number(o, "high", at + key + ".");
    if (high < low) {
      throw new Shape(at + key + ": high is below low");
    }
    return new Baseline.Range(low, high);
  }

  private static JsonNode object(JsonNode node, String at) {
    if (node == null || !node.isObject()) {
      throw new Shape(at + (node == null ? " is missing" : " is not an object"));
    }
    return node;
  }

  private static JsonNode array(JsonNode parent, String key, String at) {
    JsonNode node = parent.get(key);
    if (node == null || !node.isArray()) {
      throw new Shape(at + key + (node == null ? " is missing" : " is not a list"));
    }
    return node;
  }

  private static String text(JsonNode parent, String key, String at) {
    JsonNode node = parent.get(key);
    if (node == null || !node.isTextual()) {
      throw new Shape(at + key + (node == null ? " is missing" : " is not a string"));
    }
    return node.asText();
  }

  private static double number(JsonNode parent, String key, String at) {
    JsonNode node = parent.get(key);
    if (node == null || !node.isNumber()) {
      throw new Shape(at + key + (node == null ? " is missing" : " is not a number"));
    }
    return node.asDouble();
  }

  private static int integer(JsonNode parent, String key, String at) {
    JsonNode node = parent.get(key);
    if (node == null || !node.canConvertToInt()) {
      throw new Shape(at + key + (node == null ? " is missing" : " is not a whole number"));
    }
    return node.asInt();
  }

  private static String firstLine(String message) {
    String m = message == null ? "" : message.strip();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  private static <T> ParseResult<T> fail(Location where, String code, String message) {
    return ParseResult.failed(List.of(Diagnostic.error(where, code, message)));
  }

  /** A well-formed JSON file that is not a baseline; caught in {@link #read}. */
  private static final class Shape extends RuntimeException {
    Shape(String message) {
      super(message, null, false, false);
    }
  }
}
