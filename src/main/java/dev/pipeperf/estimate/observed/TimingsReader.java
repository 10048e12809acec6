package dev.pipeperf.estimate.observed;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipeperf.source.Diagnostic;
import dev.pipeperf.source.Escape;
import dev.pipeperf.source.Location;
import dev.pipeperf.source.ParseResult;
import dev.pipeperf.source.SourceFile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads run timings exported from GitHub (spec §6.3). Two formats, told apart per job by their
 * field names:
 *
 * <ul>
 *   <li>the REST API's {@code GET /repos/{owner}/{repo}/actions/runs/{run_id}/jobs} response,
 *       {@code {"total_count": N, "jobs": [...]}} with snake_case fields ({@code created_at},
 *       {@code started_at}, {@code completed_at}, {@code run_id}, {@code labels}); a file may hold
 *       one page or a JSON array of pages, and pages of the same {@code run_id} (in one file or
 *       across the files given to {@link #readAll}) are merged into one run, jobs de-duplicated by
 *       their {@code id}. When {@code total_count} says more jobs than the pages list, a warning
 *       says how many are missing. An export of every attempt of a re-run ({@code ?filter=all})
 *       keeps, per job name, the latest {@code run_attempt}, with a warning;
 *   <li>{@code gh run view <id> --json jobs}, {@code {"jobs": [...]}} with camelCase fields ({@code
 *       startedAt}, {@code completedAt}, {@code databaseId}, {@code url}), or a JSON array of such
 *       objects, one per run. It has no creation time, so queue time is unknown; the run id is
 *       taken from the jobs' {@code url} ({@code .../actions/runs/<id>/job/<id>}).
 * </ul>
 *
 * <p>Jobs and steps that never ran (null times, or GitHub's zero time {@code 0001-01-01T00:00:00Z})
 * are kept as skipped, never as zero-length samples. Malformed JSON gives one error at the line and
 * column where the parser stopped, saying what it expected; the file is then dropped.
 */
public final class TimingsReader {

  /** A file to read and the path to show for it in diagnostics. */
  public record Input(Path file, String displayPath, Path root) {

    /** A file the user named on the command line: read wherever it is. */
    public Input(Path file, String displayPath) {
      this(file, displayPath, null);
    }
  }

  private static final ObjectMapper MAPPER =
      new ObjectMapper(
          JsonFactory.builder().disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build());

  private static final Pattern RUN_URL = Pattern.compile("/actions/runs/(\\d+)/");

  private static final String HOW_TO_EXPORT =
      "export with `gh api repos/OWNER/REPO/actions/runs/RUN_ID/jobs` or `gh run view RUN_ID"
          + " --json jobs`";

  private TimingsReader() {}

  /** Reads one file; pages of the same run inside it are merged. */
  public static ParseResult<List<ObservedRun>> read(Path file, String displayPath) {
    return readAll(List.of(new Input(file, displayPath)));
  }

  /** Reads several files; pages of the same run are merged across them, in the order given. */
  public static ParseResult<List<ObservedRun>> readAll(List<Input> inputs) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    List<SourceFile> files = new ArrayList<>();
    for (Input input : inputs) {
      ParseResult<SourceFile> source = readText(input);
      diagnostics.addAll(source.diagnostics());
      if (source.hasModel()) {
        files.add(source.model());
      }
    }
    ParseResult<List<ObservedRun>> parsed = parseAll(files);
    diagnostics.addAll(parsed.diagnostics());
    return ParseResult.of(parsed.model(), diagnostics);
  }

  /** Exports of many runs outgrow the limit of other inputs; JSON is read up to this size. */
  public static final long MAX_BYTES = 64L * 1024 * 1024;

  /**
   * Through {@link SourceFile#read(Path, Path, String, long)}: a regular file, at most {@link
   * #MAX_BYTES}, inside {@code root} when a repository file named it.
   */
  private static ParseResult<SourceFile> readText(Input input) {
    return SourceFile.read(input.root(), input.file(), input.displayPath(), MAX_BYTES);
  }

  /** Parses one file's text. */
  public static ParseResult<List<ObservedRun>> parse(SourceFile file) {
    return parseAll(List.of(file));
  }

  /** Parses several files' text, merging pages of the same run across them. */
  public static ParseResult<List<ObservedRun>> parseAll(List<SourceFile> files) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    List<Page> pages = new ArrayList<>();
    for (SourceFile file : files) {
      new FileReader(file, pages, diagnostics).read();
    }
    return ParseResult.of(merge(pages, diagnostics), diagnostics);
  }

  /** One JSON object with a {@code jobs} array, already attributed to a run. */
  private record Page(
      String runId,
      Integer totalCount,
      List<Entry> jobs,
      Location location,
      ObservedRun.Info info) {}

  /**
   * A job, the id that identifies it across pages (null when the export has none) and the run
   * attempt it belongs to (1 when the export does not say).
   */
  private record Entry(Long id, int attempt, ObservedJob job) {}

  private static List<ObservedRun> merge(List<Page> pages, List<Diagnostic> diagnostics) {
    Map<String, List<Page>> byRun = new LinkedHashMap<>();
    for (Page page : pages) {
      byRun.computeIfAbsent(page.runId(), k -> new ArrayList<>()).add(page);
    }
    List<ObservedRun> runs = new ArrayList<>();
    for (Map.Entry<String, List<Page>> run : byRun.entrySet()) {
      List<Page> runPages = run.getValue();
      Set<Long> seen = new HashSet<>();
      List<Entry> entries = new ArrayList<>();
      Map<String, Integer> latestAttempt = new HashMap<>();
      Integer total = null;
      ObservedRun.Info info = null;
      for (Page page : runPages) {
        if (info == null) {
          info = page.info();
        }
        if (page.totalCount() != null) {
          total = total == null ? page.totalCount() : Math.max(total, page.totalCount());
        }
        for (Entry entry : page.jobs()) {
          if (entry.id() == null || seen.add(entry.id())) {
            entries.add(entry);
            latestAttempt.merge(entry.job().name(), entry.attempt(), Math::max);
          }
        }
      }
      // A re-run (`?filter=all`) lists a job once per attempt: the latest attempt is the run.
      List<ObservedJob> jobs = new ArrayList<>();
      int superseded = 0;
      for (Entry entry : entries) {
        if (entry.attempt() == latestAttempt.get(entry.job().name())) {
          jobs.add(entry.job());
        } else {
          superseded++;
        }
      }
      Location location = runPages.get(0).location();
      if (total != null && total > entries.size()) {
        int missing = total - entries.size();
        diagnostics.add(
            Diagnostic.warning(
                location,
                "timings-missing-jobs",
                "run "
                    + run.getKey()
                    + ": total_count is "
                    + total
                    + " but the "
                    + (runPages.size() == 1
                        ? "page given lists "
                        : runPages.size() + " pages list ")
                    + entries.size()
                    + " jobs, so "
                    + missing
                    + (missing == 1 ? " job is" : " jobs are")
                    + " missing; export every page (`gh api --paginate"
                    + " repos/OWNER/REPO/actions/runs/"
                    + run.getKey()
                    + "/jobs`)"));
      }
      if (superseded > 0) {
        diagnostics.add(
            Diagnostic.warning(
                location,
                "timings-rerun",
                "run "
                    + run.getKey()
                    + " was re-run: "
                    + superseded
                    + (superseded == 1 ? " job" : " jobs")
                    + " of earlier attempts left out, the latest attempt of each job kept"));
      }
      runs.add(new ObservedRun(run.getKey(), jobs, location, info));
    }
    return runs;
  }

  /** Reads one file with Jackson's streaming API, so that every job keeps its line:col. */
  private static final class FileReader {
    private final SourceFile file;
    private final List<Page> pages;
    private final List<Diagnostic> diagnostics;
    private final List<Diagnostic> local = new ArrayList<>();
    private final List<Page> found = new ArrayList<>();
    private int documents;

    /** Jobs given as a bare array (what octokit's paginate returns), with their run ids. */
    private final List<Entry> bareJobs = new ArrayList<>();

    private final List<String> bareRunIds = new ArrayList<>();
    private Location bareLocation;
    private final boolean jsonLines;

    FileReader(SourceFile file, List<Page> pages, List<Diagnostic> diagnostics) {
      this.file = file;
      this.pages = pages;
      this.diagnostics = diagnostics;
      this.jsonLines = file.path().endsWith(".jsonl");
    }

    private void flushBareJobs() {
      if (bareJobs.isEmpty()) {
        return;
      }
      documents++;
      Map<String, List<Entry>> byRun = new LinkedHashMap<>();
      for (int i = 0; i < bareJobs.size(); i++) {
        byRun.computeIfAbsent(bareRunIds.get(i), k -> new ArrayList<>()).add(bareJobs.get(i));
      }
      for (Map.Entry<String, List<Entry>> run : byRun.entrySet()) {
        String runId = run.getKey() != null ? run.getKey() : file.path() + "#" + documents;
        found.add(new Page(runId, null, run.getValue(), bareLocation, null));
      }
    }

    void read() {
      try (JsonParser p = MAPPER.createParser(file.text())) {
        JsonToken token = p.nextToken();
        if (token == null) {
          local.add(
              Diagnostic.error(
                  new Location(file.path(), 1, 1),
                  "timings-syntax",
                  "empty timings file: expected a JSON object with a `jobs` array; "
                      + HOW_TO_EXPORT));
        } else if (token == JsonToken.START_ARRAY) {
          while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
            if (token == JsonToken.START_OBJECT) {
              readDocument(p, true);
            } else {
              local.add(
                  Diagnostic.error(
                      at(p.currentTokenLocation()),
                      "timings-format",
                      "expected an object with a `jobs` array in the top-level array, found "
                          + describe(token)));
              p.skipChildren();
            }
          }
        } else if (token == JsonToken.START_OBJECT) {
          readDocument(p, false);
          // JSON Lines (the run history of `pipeperf timings fetch`): one run per line
          while (jsonLines && p.nextToken() == JsonToken.START_OBJECT) {
            readDocument(p, false);
          }
        } else {
          local.add(
              Diagnostic.error(
                  at(p.currentTokenLocation()),
                  "timings-format",
                  "expected a JSON object with a `jobs` array (or an array of them), found "
                      + describe(token)
                      + "; "
                      + HOW_TO_EXPORT));
        }
        flushBareJobs();
        if ((jsonLines ? p.currentToken() : p.nextToken()) != null) {
          diagnostics.add(
              Diagnostic.error(
                  at(p.currentTokenLocation()),
                  "timings-syntax",
                  "invalid JSON: unexpected content after the end of the JSON value, expected"
                      + " the end of the file"));
          return;
        }
      } catch (JsonProcessingException e) {
        JsonLocation where = e.getLocation();
        Location location = where == null ? new Location(file.path(), 1, 1) : at(where);
        diagnostics.add(
            Diagnostic.error(location, "timings-syntax", "invalid JSON: " + explain(e)));
        return;
      } catch (IOException e) {
        diagnostics.add(
            Diagnostic.error(
                Location.ofFile(file.path()), "timings-syntax", "cannot read JSON: " + e));
        return;
      }
      diagnostics.addAll(local);
      pages.addAll(found);
    }

    private void readDocument(JsonParser p, boolean inArray) throws IOException {
      documents++;
      Location location = at(p.currentTokenLocation());
      Integer totalCount = null;
      String documentRunId = null;
      ObservedRun.Info info = null;
      List<Entry> entries = new ArrayList<>();
      List<String> runIds = new ArrayList<>();
      boolean sawJobs = false;
      // the fields of an object that may turn out to be a job of a bare array
      com.fasterxml.jackson.databind.node.ObjectNode other = MAPPER.createObjectNode();
      JsonToken token;
      while ((token = p.nextToken()) == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if ("run".equals(field) && value == JsonToken.START_OBJECT) {
          JsonNode run = p.readValueAsTree();
          info = runInfo(run);
          if (run.hasNonNull("id")) {
            documentRunId = run.get("id").asText();
          }
        } else if ("total_count".equals(field)
            && value == JsonToken.VALUE_NUMBER_INT
            && p.getNumberType() == JsonParser.NumberType.INT) {
          totalCount = p.getIntValue();
        } else if ("databaseId".equals(field) && value == JsonToken.VALUE_NUMBER_INT) {
          // `gh run view ID --json jobs,databaseId`: the run's own id
          documentRunId = p.getText();
        } else if ("jobs".equals(field) && value == JsonToken.START_ARRAY) {
          sawJobs = true;
          while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
            Location jobLocation = at(p.currentTokenLocation());
            if (token != JsonToken.START_OBJECT) {
              local.add(
                  Diagnostic.error(
                      jobLocation,
                      "timings-format",
                      "expected a job object in `jobs`, found " + describe(token)));
              p.skipChildren();
              continue;
            }
            JsonNode node = p.readValueAsTree();
            readJob(node, jobLocation, entries, runIds);
          }
        } else if (inArray && !sawJobs) {
          other.set(field, p.readValueAsTree());
        } else {
          p.skipChildren();
        }
      }
      if (!sawJobs && inArray && other.hasNonNull("name") && looksLikeJob(other)) {
        documents--;
        if (bareLocation == null) {
          bareLocation = location;
        }
        readJob(other, location, bareJobs, bareRunIds);
        return;
      }
      if (!sawJobs) {
        local.add(
            Diagnostic.error(
                location,
                "timings-format",
                "this object has no `jobs` array, so it is not a run's jobs; " + HOW_TO_EXPORT));
        return;
      }
      // One page normally holds one run; split it should it hold several.
      Map<String, List<Entry>> byRun = new LinkedHashMap<>();
      for (int i = 0; i < entries.size(); i++) {
        byRun.computeIfAbsent(runIds.get(i), k -> new ArrayList<>()).add(entries.get(i));
      }
      if (byRun.isEmpty()) {
        if (totalCount != null && totalCount > 0) {
          local.add(
              Diagnostic.warning(
                  location,
                  "timings-missing-jobs",
                  "this page lists no jobs but total_count is "
                      + totalCount
                      + "; it cannot be matched to a run"));
        }
        return;
      }
      for (Map.Entry<String, List<Entry>> run : byRun.entrySet()) {
        String runId =
            run.getKey() != null
                ? run.getKey()
                : documentRunId != null ? documentRunId : file.path() + "#" + documents;
        found.add(new Page(runId, totalCount, run.getValue(), location, info));
      }
    }

    private void readJob(
        JsonNode node, Location location, List<Entry> entries, List<String> runIds) {
      String name = text(node, "name");
      if (name == null || name.isBlank()) {
        local.add(
            Diagnostic.warning(location, "timings-format", "a job without a `name`, ignored"));
        return;
      }
      boolean rest = node.has("started_at") || node.has("run_id") || node.has("created_at");
      Long id = rest ? number(node, "id") : number(node, "databaseId");
      String runId = null;
      if (node.hasNonNull("run_id")) {
        runId = node.get("run_id").asText();
      } else if (text(node, "url") != null) {
        Matcher m = RUN_URL.matcher(text(node, "url"));
        if (m.find()) {
          runId = m.group(1);
        }
      }
      Instant created = rest ? time(node, "created_at", name, location) : null;
      Instant started = time(node, rest ? "started_at" : "startedAt", name, location);
      Instant completed = time(node, rest ? "completed_at" : "completedAt", name, location);
      List<String> labels = new ArrayList<>();
      JsonNode labelNode = node.get("labels");
      if (labelNode != null && labelNode.isArray()) {
        labelNode.forEach(l -> labels.add(l.asText()));
      }
      List<ObservedStep> steps = new ArrayList<>();
      JsonNode stepsNode = node.get("steps");
      if (stepsNode != null && stepsNode.isArray()) {
        int index = 0;
        for (JsonNode step : stepsNode) {
          index++;
          if (!step.isObject()) {
            continue;
          }
          String stepName = text(step, "name");
          Long number = number(step, "number");
          String what = name + "` step `" + stepName;
          steps.add(
              new ObservedStep(
                  stepName == null ? "step " + index : stepName,
                  number == null ? index : number.intValue(),
                  time(step, step.has("started_at") ? "started_at" : "startedAt", what, location),
                  time(
                      step,
                      step.has("completed_at") ? "completed_at" : "completedAt",
                      what,
                      location),
                  text(step, "conclusion")));
        }
      }
      JsonNode attempt = node.get("run_attempt");
      entries.add(
          new Entry(
              id,
              attempt != null && attempt.canConvertToInt() ? Math.max(1, attempt.asInt()) : 1,
              new ObservedJob(
                  name, created, started, completed, text(node, "conclusion"), labels, steps)));
      runIds.add(runId);
    }

    private Instant time(JsonNode node, String field, String what, Location location) {
      String value = text(node, field);
      if (value == null || value.isBlank() || value.startsWith("0001-01-01")) {
        return null;
      }
      try {
        return OffsetDateTime.parse(value).toInstant();
      } catch (DateTimeParseException e) {
        local.add(
            Diagnostic.warning(
                location,
                "timings-format",
                "job `"
                    + what
                    + "`: "
                    + field
                    + " is not an ISO-8601 timestamp (\""
                    + value
                    + "\"), treated as unknown"));
        return null;
      }
    }

    private static boolean looksLikeJob(JsonNode node) {
      return node.has("steps")
          || node.has("started_at")
          || node.has("startedAt")
          || node.has("run_id");
    }

    private ObservedRun.Info runInfo(JsonNode run) {
      String created = text(run, "created_at");
      Instant at = null;
      if (created != null) {
        try {
          at = OffsetDateTime.parse(created).toInstant();
        } catch (DateTimeParseException e) {
          at = null;
        }
      }
      return new ObservedRun.Info(
          text(run, "event"), text(run, "conclusion"), text(run, "head_branch"), at);
    }

    private Location at(JsonLocation where) {
      int line = Math.max(1, where.getLineNr());
      int column = Math.max(1, where.getColumnNr());
      return new Location(file.path(), line, column);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static Long number(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.canConvertToLong() ? value.asLong() : null;
  }

  private static String describe(JsonToken token) {
    return switch (token) {
      case START_ARRAY -> "an array";
      case START_OBJECT -> "an object";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> token.asString() == null ? token.name() : token.asString();
    };
  }

  /** Jackson's message without its location suffix, first line only. */
  private static String explain(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    if (message == null) {
      return "malformed";
    }
    int newline = message.indexOf('\n');
    if (newline >= 0) {
      message = message.substring(0, newline);
    }
    message = message.replaceAll("\\s*\\(start marker at \\[[^]]*]\\)", "");
    message = message.replaceAll("\\s*\\[Source: [^]]*]", "");
    return Escape.shortQuotes(message.strip(), 8);
  }
}
