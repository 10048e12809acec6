package dev.pipeperf.estimate.observed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The local run history under {@code .pipeperf/timings/} that {@code pipeperf timings fetch} writes
 * and {@code analyze}, {@code report} and {@code check} read without being told: one JSON Lines
 * file per repository ({@code OWNER__NAME.jsonl}), one line per run — {@code {"run": {...},
 * "total_count": N, "jobs": [...]}}, the REST jobs response with the run's event, branch and times
 * — appended, never rewritten, and never holding a run id twice. {@code etags.json} beside it keeps
 * the ETag of each runs listing fetched, with the run ids it listed.
 *
 * <p>Every file access of the history is in this class, so that the reading can be tightened in one
 * place.
 */
public final class RunHistory {

  /** The history folder, relative to the repository root. */
  public static final String FOLDER = ".pipeperf/timings";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Path dir;
  private ObjectNode etags;

  public RunHistory(Path root) {
    this.dir = root.resolve(FOLDER);
  }

  /** The history file of a repository ({@code OWNER/NAME}). */
  public Path fileFor(String repo) {
    return dir.resolve(repo.replace("/", "__").toLowerCase(Locale.ROOT) + ".jsonl");
  }

  /** The history files present, sorted by name; none when the folder does not exist. */
  public static List<Path> files(Path root) {
    Path d = root.resolve(FOLDER);
    if (!Files.isDirectory(d)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(d)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".jsonl"))
          .filter(Files::isRegularFile)
          .sorted()
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /** The run ids a history file holds (a line that is not JSON is left to the reader to report). */
  public Set<Long> runIds(Path file) throws IOException {
    Set<Long> ids = new HashSet<>();
    if (!Files.isRegularFile(file)) {
      return ids;
    }
    try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
      lines
          .filter(l -> !l.isBlank())
          .forEach(
              l -> {
                try {
                  JsonNode id = MAPPER.readTree(l).path("run").path("id");
                  if (id.canConvertToLong()) {
                    ids.add(id.asLong());
                  }
                } catch (IOException e) {
                  // not a run line: the reader reports it with its line number
                }
              });
    }
    return ids;
  }

  /** Appends one line (one run) to a history file, creating the folder and file when needed. */
  public void append(Path file, String line) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(
        file,
        line + "\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }

  /** The run ids listed by the page at {@code url} when its ETag was recorded. */
  public List<Long> etagRuns(String url) {
    List<Long> out = new ArrayList<>();
    etags().path(url).path("runs").forEach(n -> out.add(n.asLong()));
    return out;
  }

  /** The ETag recorded for {@code url}, or null. */
  public String etag(String url) {
    JsonNode e = etags().path(url).path("etag");
    return e.isTextual() ? e.asText() : null;
  }

  /** Every recorded ETag by URL, for the API client's {@code If-None-Match}. */
  public java.util.Map<String, String> etagMap() {
    java.util.Map<String, String> out = new java.util.HashMap<>();
    etags().fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().path("etag").asText()));
    return out;
  }

  public void rememberEtag(String url, String etag, List<Long> runs) {
    ObjectNode entry = etags().putObject(url);
    entry.put("etag", etag);
    runs.forEach(entry.putArray("runs")::add);
  }

  public void saveEtags() throws IOException {
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve("etags.json"),
        MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(etags()) + "\n",
        StandardCharsets.UTF_8);
  }

  private ObjectNode etags() {
    if (etags == null) {
      Path f = dir.resolve("etags.json");
      etags = MAPPER.createObjectNode();
      if (Files.isRegularFile(f)) {
        try {
          JsonNode n = MAPPER.readTree(Files.readString(f, StandardCharsets.UTF_8));
          if (n instanceof ObjectNode o) {
            etags = o;
          }
        } catch (IOException e) {
          // a damaged ETag cache only costs full requests
        } catch (UncheckedIOException e) {
          // likewise
        }
      }
    }
    return etags;
  }
}
