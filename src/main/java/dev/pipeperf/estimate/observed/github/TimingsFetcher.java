package dev.pipeperf.estimate.observed.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipeperf.estimate.observed.RunHistory;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code pipeperf timings fetch}: pages through a repository's completed workflow runs (newest
 * first) and, for each run the history does not hold yet, through its jobs ({@code filter=latest}:
 * the latest attempt), and appends one line per run to the history file ({@link RunHistory}).
 *
 * <p>The runs listing is asked with the ETag of the last fetch: when nothing changed GitHub answers
 * 304, which costs no rate limit, and the run ids remembered with the ETag say that every listed
 * run is already in the history.
 */
public final class TimingsFetcher {

  /** What to fetch. */
  public record Request(String repo, String workflow, int runs, String branch) {}

  /**
   * What a fetch did.
   *
   * @param listed runs the listing returned (at most the number asked for)
   * @param added runs appended to the history
   * @param known runs the history already held
   * @param file the history file
   */
  public record Result(int listed, int added, int known, Path file, int requests, String rate) {}

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Run fields kept in the history: what runs per month and the event split need. */
  private static final List<String> RUN_FIELDS =
      List.of(
          "id",
          "name",
          "path",
          "event",
          "status",
          "conclusion",
          "head_branch",
          "head_sha",
          "run_attempt",
          "created_at",
          "run_started_at",
          "updated_at");

  private final GitHubApi api;
  private final RunHistory history;

  public TimingsFetcher(GitHubApi api, RunHistory history) {
    this.api = api;
    this.history = history;
  }

  public Result fetch(Request req)
      throws GitHubApi.ApiException, InterruptedException, IOException {
    Path file = history.fileFor(req.repo());
    Set<Long> known = history.runIds(file);
    String first =
        "/repos/"
            + req.repo()
            + "/actions/"
            + (req.workflow() == null
                ? ""
                : "workflows/" + URLEncoder.encode(req.workflow(), StandardCharsets.UTF_8) + "/")
            + "runs?status=completed&per_page="
            + Math.min(100, Math.max(1, req.runs()))
            + (req.branch() == null
                ? ""
                : "&branch=" + URLEncoder.encode(req.branch(), StandardCharsets.UTF_8));
    List<JsonNode> listed = new ArrayList<>();
    int alreadyKnown = 0;
    String url = first;
    while (url != null && listed.size() + alreadyKnown < req.runs()) {
      GitHubApi.Page page = api.get(url);
      if (page.status() == 304) {
        // Unchanged since the last fetch: its runs are in the history already, and so are those
        // of the older pages behind it.
        alreadyKnown += Math.min(history.etagRuns(page.url()).size(), req.runs() - listed.size());
        break;
      }
      JsonNode body = MAPPER.readTree(page.body());
      List<Long> ids = new ArrayList<>();
      for (JsonNode run : body.path("workflow_runs")) {
        if (listed.size() + alreadyKnown >= req.runs()) {
          break;
        }
        long id = run.path("id").asLong();
        ids.add(id);
        if (known.contains(id)) {
          alreadyKnown++;
        } else {
          listed.add(run);
        }
      }
      if (page.etag() != null) {
        history.rememberEtag(page.url(), page.etag(), ids);
      }
      url = page.next();
    }
    int added = 0;
    for (JsonNode run : listed) {
      ObjectNode line = MAPPER.createObjectNode();
      ObjectNode kept = line.putObject("run");
      for (String f : RUN_FIELDS) {
        if (run.has(f)) {
          kept.set(f, run.get(f));
        }
      }
      ArrayNode jobs = MAPPER.createArrayNode();
      Integer total = null;
      String jobsUrl =
          "/repos/"
              + req.repo()
              + "/actions/runs/"
              + run.path("id").asLong()
              + "/jobs"
              + "?filter=latest&per_page=100";
      while (jobsUrl != null) {
        GitHubApi.Page page = api.get(jobsUrl);
        JsonNode body = MAPPER.readTree(page.body());
        if (body.has("total_count")) {
          total = body.get("total_count").asInt();
        }
        body.path("jobs").forEach(jobs::add);
        jobsUrl = page.next();
      }
      if (total != null) {
        line.put("total_count", total);
      }
      line.set("jobs", jobs);
      // One line per run, appended as soon as it is complete: an interrupted fetch keeps what it
      // got, and the next one goes on from there.
      history.append(file, MAPPER.writeValueAsString(line));
      added++;
    }
    history.saveEtags();
    return new Result(
        listed.size() + alreadyKnown,
        added,
        alreadyKnown,
        file,
        api.requests(),
        api.rateRemaining());
  }
}
