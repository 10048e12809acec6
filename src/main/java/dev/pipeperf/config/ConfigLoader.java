package dev.pipeperf.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.pipeperf.source.Diagnostic;
import dev.pipeperf.source.Escape;
import dev.pipeperf.source.Location;
import dev.pipeperf.source.ParseResult;
import dev.pipeperf.source.SourceFile;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code .pipeperf.yml} with jackson-dataformat-yaml. Unknown keys are errors naming their
 * line, so a typo never silently does nothing.
 */
public final class ConfigLoader {

  public static final String FILE_NAME = ".pipeperf.yml";

  private static final Set<String> TOP_KEYS =
      Set.of(
          "runsPerDay",
          "workingDaysPerMonth",
          "developerHourlyCost",
          "waitingDevelopers",
          "pricing",
          "rules",
          "exclude",
          "durations",
          "timings",
          "baseline",
          "matrices",
          "runsPerMonth",
          "activity",
          "defaultBranch",
          "visibility");
  private static final Set<String> DURATION_KEYS = Set.of("jobs", "steps", "actions", "commands");
  private static final Set<String> BASELINE_KEYS =
      Set.of("maxIncrease", "failOn", "minCriticalPathIncrease", "minBillableIncrease");

  private ConfigLoader() {}

  /** Parses config text; on errors the model is null and every problem is a diagnostic. */
  public static ParseResult<PipeperfConfig> parse(SourceFile file) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    if (file.text().isBlank()) {
      return ParseResult.of(PipeperfConfig.DEFAULT, diagnostics);
    }
    ObjectMapper mapper =
        new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    JsonNode root;
    try (JsonParser parser = mapper.getFactory().createParser(file.text())) {
      root = mapper.readTree(parser);
    } catch (JsonProcessingException e) {
      diagnostics.add(
          Diagnostic.error(at(file, e.getLocation()), "config", clean(e.getOriginalMessage())));
      return ParseResult.failed(diagnostics);
    } catch (java.io.IOException e) {
      diagnostics.add(Diagnostic.error(file.at(1, 1), "config", "cannot read: " + e.getMessage()));
      return ParseResult.failed(diagnostics);
    }
    if (root == null || root.isNull() || root.isMissingNode()) {
      return ParseResult.of(PipeperfConfig.DEFAULT, diagnostics);
    }
    if (!root.isObject()) {
      diagnostics.add(
          Diagnostic.error(file.at(1, 1), "config", ".pipeperf.yml must be a mapping of settings"));
      return ParseResult.failed(diagnostics);
    }
    Locator loc = new Locator(file);
    checkKeys(root, TOP_KEYS, "", loc, diagnostics);
    PipeperfConfig config =
        new PipeperfConfig(
            number(root, "runsPerDay", loc, diagnostics),
            number(root, "workingDaysPerMonth", loc, diagnostics),
            number(root, "developerHourlyCost", loc, diagnostics),
            number(root, "waitingDevelopers", loc, diagnostics),
            pricing(root.get("pricing"), loc, diagnostics),
            rules(root.get("rules"), loc, diagnostics),
            strings(root.get("exclude"), "exclude", loc, diagnostics),
            durations(root.get("durations"), loc, diagnostics),
            strings(root.get("timings"), "timings", loc, diagnostics),
            baseline(root.get("baseline"), loc, diagnostics),
            matrices(root.get("matrices"), loc, diagnostics),
            runs(root, loc, diagnostics));
    return diagnostics.isEmpty()
        ? ParseResult.of(config, diagnostics)
        : ParseResult.failed(diagnostics);
  }

  private static void checkKeys(
      JsonNode node, Set<String> allowed, String where, Locator loc, List<Diagnostic> out) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!allowed.contains(k)) {
        out.add(
            Diagnostic.error(
                loc.key(k),
                "config",
                "unknown key \""
                    + where
                    + k
                    + "\" (known: "
                    + String.join(", ", new java.util.TreeSet<>(allowed))
                    + ")"));
      }
    }
  }

  private static Double number(JsonNode root, String key, Locator loc, List<Diagnostic> out) {
    JsonNode v = root.get(key);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isNumber() || v.asDouble() < 0) {
      out.add(Diagnostic.error(loc.key(key), "config", key + " must be a number, at least 0"));
      return null;
    }
    return v.asDouble();
  }

  private static Map<String, Double> pricing(JsonNode node, Locator loc, List<Diagnostic> out) {
    Map<String, Double> m = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return m;
    }
    if (!node.isObject()) {
      out.add(
          Diagnostic.error(
              loc.key("pricing"), "config", "pricing must map runner kinds to dollars per minute"));
      return m;
    }
    node.fields()
        .forEachRemaining(
            e -> {
              if (e.getValue().isNumber() && e.getValue().asDouble() >= 0) {
                m.put(e.getKey(), e.getValue().asDouble());
              } else {
                out.add(
                    Diagnostic.error(
                        loc.key(e.getKey()),
                        "config",
                        "pricing." + e.getKey() + " must be dollars per minute, e.g. 0.006"));
              }
            });
    return m;
  }

  private static Map<String, RuleSetting> rules(JsonNode node, Locator loc, List<Diagnostic> out) {
    Map<String, RuleSetting> m = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return m;
    }
    node.fields()
        .forEachRemaining(
            e -> {
              JsonNode v = e.getValue();
              String id = e.getKey();
              if (v.isTextual() && v.asText().equalsIgnoreCase("off")
                  || v.isBoolean() && !v.asBoolean()) {
                m.put(id, new RuleSetting(false, null));
              } else if (v.isTextual() && v.asText().equalsIgnoreCase("on") || v.isBoolean()) {
                m.put(id, new RuleSetting(true, null));
              } else if (v.isObject() && v.has("severity") && v.size() == 1) {
                m.put(id, new RuleSetting(true, v.get("severity").asText()));
              } else {
                out.add(
                    Diagnostic.error(
                        loc.key(id),
                        "config",
                        "rules." + id + " must be off, on, or {severity: high|medium|low|info}"));
              }
            });
    return m;
  }

  private static List<String> strings(
      JsonNode node, String key, Locator loc, List<Diagnostic> out) {
    List<String> l = new ArrayList<>();
    if (node == null || node.isNull()) {
      return l;
    }
    if (node.isTextual()) {
      l.add(node.asText());
    } else if (node.isArray()) {
      node.forEach(n -> l.add(n.asText()));
    } else {
      out.add(Diagnostic.error(loc.key(key), "config", key + " must be a list of paths"));
    }
    return l;
  }

  private static DurationOverrides durations(JsonNode node, Locator loc, List<Diagnostic> out) {
    if (node == null || node.isNull()) {
      return DurationOverrides.NONE;
    }
    checkKeys(node, DURATION_KEYS, "durations.", loc, out);
    return new DurationOverrides(
        durationMap(node.get("jobs"), loc, out),
        durationMap(node.get("steps"), loc, out),
        durationMap(node.get("actions"), loc, out),
        commandPatterns(durationMap(node.get("commands"), loc, out), loc, out));
  }

  /**
   * {@code durations.commands} keys are regular expressions from the repository: checked here with
   * the engine that runs them (RE2/J, linear time), so a bad one is a diagnostic at its key and is
   * dropped, instead of an error later.
   */
  private static Map<String, DurationValue> commandPatterns(
      Map<String, DurationValue> commands, Locator loc, List<Diagnostic> out) {
    Map<String, DurationValue> valid = new LinkedHashMap<>();
    commands.forEach(
        (k, v) -> {
          try {
            com.google.re2j.Pattern.compile(k);
            valid.put(k, v);
          } catch (com.google.re2j.PatternSyntaxException ex) {
            out.add(
                Diagnostic.error(
                    loc.key(k),
                    "config",
                    "durations.commands: "
                        + Escape.excerpt(k, 40)
                        + " is not a regular expression (RE2 syntax: no backreferences or"
                        + " lookaround): "
                        + ex.getDescription()));
          }
        });
    return valid;
  }

  private static Map<String, DurationValue> durationMap(
      JsonNode node, Locator loc, List<Diagnostic> out) {
    Map<String, DurationValue> m = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return m;
    }
    node.fields()
        .forEachRemaining(
            e -> {
              JsonNode v = e.getValue();
              try {
                if (v.isNumber()) {
                  m.put(e.getKey(), new DurationValue(v.asDouble() * 60, v.asDouble() * 60));
                } else if (v.isTextual()) {
                  m.put(e.getKey(), DurationValue.parse(v.asText()));
                } else if (v.isObject() && v.has("low") && v.has("high")) {
                  DurationValue low = DurationValue.parse(v.get("low").asText());
                  DurationValue high = DurationValue.parse(v.get("high").asText());
                  m.put(e.getKey(), new DurationValue(low.lowSeconds(), high.highSeconds()));
                } else {
                  throw new IllegalArgumentException(
                      "write a duration such as 5m, 2-3m or {low: 2m, high: 3m}");
                }
              } catch (IllegalArgumentException ex) {
                out.add(
                    Diagnostic.error(
                        loc.key(e.getKey()),
                        "config",
                        "durations: " + e.getKey() + ": " + ex.getMessage()));
              }
            });
    return m;
  }

  /** {@code matrices:}: job → how many jobs its dynamic matrix makes (1 to GitHub's 256). */
  private static Map<String, Integer> matrices(JsonNode node, Locator loc, List<Diagnostic> out) {
    Map<String, Integer> m = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return m;
    }
    if (!node.isObject()) {
      out.add(
          Diagnostic.error(
              loc.key("matrices"),
              "config",
              "matrices must map jobs (id or workflow-file:id) to a number of matrix jobs"));
      return m;
    }
    node.fields()
        .forEachRemaining(
            e -> {
              JsonNode v = e.getValue();
              if (v.isInt() && v.asInt() >= 1 && v.asInt() <= 256) {
                m.put(e.getKey(), v.asInt());
              } else {
                out.add(
                    Diagnostic.error(
                        loc.key(e.getKey()),
                        "config",
                        "matrices." + e.getKey() + " must be a whole number from 1 to 256"));
              }
            });
    return m;
  }

  private static BaselineSettings baseline(JsonNode node, Locator loc, List<Diagnostic> out) {
    if (node == null || node.isNull()) {
      return BaselineSettings.DEFAULT;
    }
    checkKeys(node, BASELINE_KEYS, "baseline.", loc, out);
    BaselineSettings d = BaselineSettings.DEFAULT;
    return new BaselineSettings(
        text(node, "maxIncrease", d.maxIncrease()),
        text(node, "failOn", d.failOn()),
        text(node, "minCriticalPathIncrease", d.minCriticalPathIncrease()),
        text(node, "minBillableIncrease", d.minBillableIncrease()));
  }

  private static String text(JsonNode node, String key, String fallback) {
    return node.has(key) ? node.get(key).asText() : fallback;
  }

  private static RunSettings runs(JsonNode root, Locator loc, List<Diagnostic> out) {
    Map<String, Double> perWorkflow = numbers(root.get("runsPerMonth"), "runsPerMonth", loc, out);
    JsonNode activity = root.get("activity");
    if (activity != null && activity.isObject()) {
      checkKeys(activity, RunSettings.ACTIVITY_KEYS, "activity.", loc, out);
    }
    Map<String, Double> act = numbers(activity, "activity", loc, out);
    Double share = act.get("pathsShare");
    if (share != null && share > 1) {
      out.add(
          Diagnostic.error(
              loc.key("pathsShare"), "config", "activity.pathsShare is a share, from 0 to 1"));
    }
    String branch = null;
    JsonNode b = root.get("defaultBranch");
    if (b != null && !b.isNull()) {
      if (b.isTextual() && !b.asText().isBlank()) {
        branch = b.asText().strip();
      } else {
        out.add(
            Diagnostic.error(loc.key("defaultBranch"), "config", "defaultBranch must be a name"));
      }
    }
    String visibility = null;
    JsonNode v = root.get("visibility");
    if (v != null && !v.isNull()) {
      if (v.isTextual() && (v.asText().equals("public") || v.asText().equals("private"))) {
        visibility = v.asText();
      } else {
        out.add(
            Diagnostic.error(
                loc.key("visibility"), "config", "visibility must be public or private"));
      }
    }
    return new RunSettings(perWorkflow, act, branch, visibility);
  }

  private static Map<String, Double> numbers(
      JsonNode node, String key, Locator loc, List<Diagnostic> out) {
    Map<String, Double> m = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return m;
    }
    if (!node.isObject()) {
      out.add(Diagnostic.error(loc.key(key), "config", key + " must be a mapping of numbers"));
      return m;
    }
    node.fields()
        .forEachRemaining(
            e -> {
              if (e.getValue().isNumber() && e.getValue().asDouble() >= 0) {
                m.put(e.getKey(), e.getValue().asDouble());
              } else {
                out.add(
                    Diagnostic.error(
                        loc.key(e.getKey()),
                        "config",
                        key + "." + e.getKey() + " must be a number, at least 0"));
              }
            });
    return m;
  }

  private static Location at(SourceFile file, JsonLocation l) {
    if (l == null || l.getLineNr() < 1) {
      return file.at(1, 1);
    }
    return file.at(l.getLineNr(), Math.max(1, l.getColumnNr()));
  }

  private static String clean(String s) {
    return s == null ? "invalid YAML" : Escape.shortQuotes(s.replaceAll("\\s+", " ").strip(), 8);
  }

  /**
   * Finds where a key is written, by text: Jackson's tree keeps no positions, and config files are
   * small. The first line whose content starts with {@code key:} wins.
   */
  /**
   * Where a key is written in a config file (the first line that defines it), or the file's start:
   * for diagnostics about a setting found wrong after loading (a pin that matches no job).
   */
  public static Location keyLocation(SourceFile file, String key) {
    return new Locator(file).key(key);
  }

  /**
   * Where a list entry (say one of {@code timings:}) is written: the first line holding it as a
   * block item ({@code - value}, quoted or not) or inside a flow list; the key's line when neither
   * matches.
   */
  public static Location entryLocation(SourceFile file, String key, String value) {
    for (int i = 1; i <= file.lineCount(); i++) {
      String line = file.line(i);
      String t = line.stripLeading();
      for (String form : List.of(value, "\"" + value + "\"", "'" + value + "'")) {
        if (t.equals("- " + form) || t.startsWith("- " + form + " #")) {
          return file.at(i, line.indexOf(form) + 1);
        }
        int at = line.indexOf(form);
        if (t.startsWith(key + ":") && line.indexOf('[') >= 0 && at > line.indexOf('[')) {
          return file.at(i, at + 1);
        }
      }
    }
    return keyLocation(file, key);
  }

  private static final class Locator {
    private final SourceFile file;

    Locator(SourceFile file) {
      this.file = file;
    }

    Location key(String key) {
      for (int i = 1; i <= file.lineCount(); i++) {
        String line = file.line(i);
        String t = line.stripLeading();
        if (t.startsWith(key + ":")
            || t.startsWith("\"" + key + "\":")
            || t.startsWith("'" + key + "':")
            || t.startsWith("- " + key + ":")) {
          return file.at(i, line.length() - t.length() + 1);
        }
      }
      return file.at(1, 1);
    }
  }
}
