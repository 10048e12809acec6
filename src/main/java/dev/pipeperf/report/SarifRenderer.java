package dev.pipeperf.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipeperf.Version;
import dev.pipeperf.analysis.AnalysisResult;
import dev.pipeperf.rules.Finding;
import dev.pipeperf.rules.RuleCatalog;
import dev.pipeperf.source.Severity;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0 for GitHub code scanning: every rule with its help (the rule's explanation), every
 * finding as a result with its region and a fingerprint that survives unrelated edits.
 */
public final class SarifRenderer {

  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

  /**
   * The project's home, from the pom's {@code <url>} (one place to change it; the release sets it),
   * or empty when the build did not say: then the log has no informationUri and no helpUri.
   */
  static final String INFO_URI = Version.repository();

  private SarifRenderer() {}

  public static void render(AnalysisResult result, PrintWriter out) {
    render(result, out, false);
  }

  /**
   * As {@link #render(AnalysisResult, PrintWriter)}; with {@code all}, the "also consider" items
   * too, as notes marked {@code alsoConsider} (code scanning would otherwise list hygiene).
   */
  public static void render(AnalysisResult result, PrintWriter out, boolean all) {
    render(result, out, all, INFO_URI);
  }

  /** As {@link #render(AnalysisResult, PrintWriter, boolean)}, with the project's home given. */
  static void render(AnalysisResult result, PrintWriter out, boolean all, String home) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    try {
      out.println(mapper.writeValueAsString(tree(result, mapper, all, home)));
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The SARIF log as a JSON tree. */
  public static ObjectNode tree(AnalysisResult result, ObjectMapper mapper) {
    return tree(result, mapper, false);
  }

  /** The SARIF log as a JSON tree, with the "also consider" items when {@code all}. */
  public static ObjectNode tree(AnalysisResult result, ObjectMapper mapper, boolean all) {
    return tree(result, mapper, all, INFO_URI);
  }

  private static ObjectNode tree(
      AnalysisResult result, ObjectMapper mapper, boolean all, String home) {
    ObjectNode root = mapper.createObjectNode();
    root.put("$schema", SCHEMA);
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "pipeperf");
    driver.put("version", Version.current());
    driver.put("semanticVersion", Version.current().replaceAll("[^0-9A-Za-z.+-]", ""));
    if (!home.isEmpty()) {
      driver.put("informationUri", home);
    }
    ArrayNode rules = driver.putArray("rules");
    Map<String, Integer> index = new LinkedHashMap<>();
    for (RuleCatalog.Entry e : RuleCatalog.entries()) {
      index.put(e.info().id(), index.size());
      ObjectNode r = rules.addObject();
      r.put("id", e.info().id());
      r.put("name", e.info().name());
      r.putObject("shortDescription").put("text", e.info().summary());
      String explanation = e.explanation().isBlank() ? e.info().summary() : e.explanation().strip();
      r.putObject("fullDescription").put("text", firstParagraph(explanation));
      // The rule's page as docs/rules/ holds it (generated from the same metadata).
      if (!home.isEmpty()) {
        r.put("helpUri", home + "/blob/main/docs/rules/" + e.info().id() + ".md");
      }
      ObjectNode help = r.putObject("help");
      help.put("text", explanation);
      help.put("markdown", explanation);
      r.putObject("defaultConfiguration").put("level", level(e.info().severity()));
      ObjectNode props = r.putObject("properties");
      props.put("severity", e.info().severity().word());
      props.put("effort", e.info().effort().word());
      props.putArray("tags").add("performance").add("ci");
    }
    ArrayNode results = run.putArray("results");
    List<Finding> reported = new ArrayList<>(result.rankedFindings());
    if (all) {
      reported.addAll(result.alsoConsider());
    }
    List<Finding> sorted = reported.stream().sorted().toList();
    Map<String, Integer> sharing = new HashMap<>();
    sorted.forEach(f -> sharing.merge(f.fingerprint(), 1, Integer::sum));
    Map<String, Integer> seen = new HashMap<>();
    for (Finding f : sorted) {
      ObjectNode r = results.addObject();
      r.put("ruleId", f.ruleId());
      Integer i = index.get(f.ruleId());
      if (i != null) {
        r.put("ruleIndex", i);
      }
      r.put("level", f.alsoConsider() ? "note" : level(f.severity()));
      String saves = TextRenderer.describe(f.saving());
      r.putObject("message")
          .put(
              "text",
              f.message() + (saves.isEmpty() ? "" : "; fixing it " + saves) + ".\nFix: " + f.fix());
      ObjectNode phys = r.putArray("locations").addObject().putObject("physicalLocation");
      ObjectNode artifact = phys.putObject("artifactLocation");
      artifact.put("uri", f.location().file());
      artifact.put("uriBaseId", "%SRCROOT%");
      if (f.location().line() > 0) {
        ObjectNode region = phys.putObject("region");
        region.put("startLine", f.location().line());
        if (f.location().column() > 0) {
          region.put("startColumn", f.location().column());
        }
      }
      // Code scanning merges results that share a fingerprint: findings of one subject (several
      // input problems of one file) are told apart by their message, then by their order.
      String print = f.fingerprint();
      if (sharing.get(print) > 1) {
        print += ":" + Integer.toHexString(f.message().hashCode());
        int n = seen.merge(print, 1, Integer::sum);
        if (n > 1) {
          print += ":" + n;
        }
      }
      r.putObject("partialFingerprints").put("pipeperf/v1", print);
      fixes(r, f);
      ObjectNode props = r.putObject("properties");
      props.put("severity", f.severity().word());
      props.put("effort", f.effort().word());
      props.put("effortHours", f.effortHours());
      props.put("criticalPathSavedSeconds", Math.round(f.saving().criticalPathPerRun().high()));
      if (f.alsoConsider()) {
        props.put("alsoConsider", true);
      }
      if (f.workflow() != null) {
        props.put("workflow", f.workflow());
      }
    }
    ObjectNode invocation = run.putArray("invocations").addObject();
    invocation.put("executionSuccessful", true);
    // Findings silenced by inline comments are not results, but the run says how many there were.
    invocation.putObject("properties").put("suppressedFindings", result.rules().suppressed());
    run.putObject("originalUriBaseIds")
        .putObject("%SRCROOT%")
        .putObject("description")
        .put("text", "The analysed repository's root");
    run.put("columnKind", "unicodeCodePoints");
    // Findings silenced by # pipeperf-ignore are not results; how many there were is said here.
    run.putObject("properties").put("suppressedFindings", result.rules().suppressed());
    return root;
  }

  /** SARIF level: blocker/high → error, medium → warning, low/info → note. */
  public static String level(Severity s) {
    return switch (s) {
      case BLOCKER, HIGH -> "error";
      case MEDIUM -> "warning";
      case LOW, INFO -> "note";
    };
  }

  private static String firstParagraph(String markdown) {
    for (String p : markdown.split("\n\\s*\n")) {
      String t = p.strip();
      if (!t.isEmpty() && !t.startsWith("#")) {
        return t.replace('\n', ' ');
      }
    }
    return markdown.strip();
  }

  /**
   * SARIF's {@code fixes}: the finding's exact text edits as replacements of regions (an empty
   * region inserts), for code-scanning tools that offer them as suggestions.
   */
  private static void fixes(ObjectNode r, Finding f) {
    if (f.edits().isEmpty()) {
      return;
    }
    ObjectNode fix = r.putArray("fixes").addObject();
    fix.putObject("description").put("text", f.fix());
    ArrayNode changes = fix.putArray("artifactChanges");
    Map<String, ArrayNode> byFile = new java.util.LinkedHashMap<>();
    for (dev.pipeperf.rules.TextEdit e : f.edits()) {
      ArrayNode replacements =
          byFile.computeIfAbsent(
              e.file(),
              file -> {
                ObjectNode change = changes.addObject();
                ObjectNode artifact = change.putObject("artifactLocation");
                artifact.put("uri", file);
                artifact.put("uriBaseId", "%SRCROOT%");
                return change.putArray("replacements");
              });
      ObjectNode replacement = replacements.addObject();
      ObjectNode region = replacement.putObject("deletedRegion");
      region.put("startLine", e.line());
      region.put("startColumn", e.column());
      region.put("endLine", e.endLine());
      region.put("endColumn", e.endColumn());
      replacement.putObject("insertedContent").put("text", e.replacement());
    }
  }
}
