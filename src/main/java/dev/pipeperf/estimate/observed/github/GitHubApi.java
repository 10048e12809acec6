package dev.pipeperf.estimate.observed.github;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The few GET requests {@code pipeperf timings fetch} makes to GitHub's REST API, with what a
 * polite client owes it: the token as a bearer credential, {@code If-None-Match} with the ETag of a
 * page already seen (a 304 costs no rate limit), a wait until {@code X-RateLimit-Reset} when the
 * primary limit is spent, {@code Retry-After} (or a minute) on a secondary limit, and retries with
 * exponential back-off on 5xx and connection failures. The only network code in pipeperf.
 */
public final class GitHubApi {

  /**
   * A problem the user must fix (bad token, unknown repository) or a limit that would not reset.
   */
  public static final class ApiException extends Exception {
    private final int status;

    public ApiException(int status, String message) {
      super(message, null, false, false);
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  /** Waits; the tests replace it so that a 403 with a reset an hour away takes no time. */
  public interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  /**
   * A page of a response.
   *
   * @param url the URL asked for (the key of its ETag)
   * @param body the body, or null on a 304 (not modified since the ETag)
   * @param next the {@code Link: rel="next"} URL, or null on the last page
   */
  public record Page(String url, int status, String body, String etag, String next) {}

  static final int MAX_ATTEMPTS = 5;
  static final Duration MAX_RATE_LIMIT_WAIT = Duration.ofMinutes(15);
  private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"next\"");

  private final HttpClient http;
  private final String apiUrl;
  private final String token;
  private final Sleeper sleeper;
  private final java.util.function.Supplier<Instant> clock;
  private final Map<String, String> etags;
  private int requests;
  private String rateRemaining;

  /**
   * @param apiUrl {@code https://api.github.com}, or {@code https://HOST/api/v3} for GitHub
   *     Enterprise Server
   * @param token a token, or null for unauthenticated requests (60 an hour)
   * @param etags URL → ETag of pages seen before (updated as pages come in)
   */
  public GitHubApi(
      String apiUrl,
      String token,
      Map<String, String> etags,
      Sleeper sleeper,
      java.util.function.Supplier<Instant> clock) {
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(20))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    this.apiUrl = apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
    this.token = token;
    this.etags = etags;
    this.sleeper = sleeper;
    this.clock = clock;
  }

  public String apiUrl() {
    return apiUrl;
  }

  /** How many requests were sent (retries included). */
  public int requests() {
    return requests;
  }

  /** {@code X-RateLimit-Remaining} of the last response, or null. */
  public String rateRemaining() {
    return rateRemaining;
  }

  /** GET {@code pathOrUrl} (relative to the API URL, or a full {@code Link: next} URL). */
  public Page get(String pathOrUrl) throws ApiException, InterruptedException {
    String url = pathOrUrl.startsWith("http") ? pathOrUrl : apiUrl + pathOrUrl;
    Duration backoff = Duration.ofSeconds(1);
    String lastProblem = null;
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      HttpRequest.Builder rb =
          HttpRequest.newBuilder(URI.create(url))
              .timeout(Duration.ofSeconds(60))
              .header("Accept", "application/vnd.github+json")
              .header("X-GitHub-Api-Version", "2022-11-28")
              .header("User-Agent", "pipeperf");
      if (token != null && !token.isBlank()) {
        rb.header("Authorization", "Bearer " + token);
      }
      String etag = etags.get(url);
      if (etag != null) {
        rb.header("If-None-Match", etag);
      }
      HttpResponse<String> r;
      try {
        requests++;
        r = http.send(rb.GET().build(), HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        lastProblem = "cannot reach " + url + ": " + e.getMessage();
        sleeper.sleep(backoff);
        backoff = backoff.multipliedBy(2);
        continue;
      }
      rateRemaining = r.headers().firstValue("X-RateLimit-Remaining").orElse(rateRemaining);
      int status = r.statusCode();
      if (status == 304) {
        return new Page(url, 304, null, etag, next(r));
      }
      if (status >= 200 && status < 300) {
        r.headers().firstValue("ETag").ifPresent(e -> etags.put(url, e));
        return new Page(
            url, status, r.body(), r.headers().firstValue("ETag").orElse(null), next(r));
      }
      if (status == 401) {
        throw new ApiException(
            401,
            "GitHub refused the token (401 Bad credentials): set GITHUB_TOKEN or GH_TOKEN to a"
                + " valid token, or run `gh auth login`");
      }
      if (status == 404) {
        throw new ApiException(
            404,
            "GitHub says 404 Not Found for "
                + url
                + ": check --repo and --workflow, and that the token can read the repository");
      }
      if (status == 403 || status == 429) {
        Optional<Duration> wait = rateLimitWait(r);
        if (wait.isEmpty()) {
          throw new ApiException(
              status, "GitHub refused " + url + " (" + status + "): " + brief(r));
        }
        if (wait.get().compareTo(MAX_RATE_LIMIT_WAIT) > 0) {
          throw new ApiException(
              status,
              "GitHub's rate limit is spent until "
                  + r.headers().firstValue("X-RateLimit-Reset").map(GitHubApi::epoch).orElse("?")
                  + "; try again then, or with a token (GITHUB_TOKEN) for a higher limit");
        }
        lastProblem = "rate limited (" + status + ")";
        sleeper.sleep(wait.get());
        continue;
      }
      if (status >= 500) {
        lastProblem = "GitHub answered " + status + " for " + url;
        sleeper.sleep(backoff);
        backoff = backoff.multipliedBy(2);
        continue;
      }
      throw new ApiException(status, "GitHub answered " + status + " for " + url + ": " + brief(r));
    }
    throw new ApiException(0, lastProblem + " (gave up after " + MAX_ATTEMPTS + " attempts)");
  }

  /**
   * How long to wait before retrying a 403/429, or empty when it is no rate limit (a permission
   * problem): {@code Retry-After} first (secondary limits), then {@code X-RateLimit-Remaining: 0}
   * with {@code X-RateLimit-Reset}, then a secondary limit named only in the body (a minute, as
   * GitHub's documentation asks).
   */
  private Optional<Duration> rateLimitWait(HttpResponse<String> r) {
    Optional<String> retryAfter = r.headers().firstValue("Retry-After");
    if (retryAfter.isPresent()) {
      try {
        return Optional.of(
            Duration.ofSeconds(Math.max(1, Long.parseLong(retryAfter.get().trim()))));
      } catch (NumberFormatException e) {
        return Optional.of(Duration.ofMinutes(1));
      }
    }
    if ("0".equals(r.headers().firstValue("X-RateLimit-Remaining").orElse(null))) {
      long reset = r.headers().firstValue("X-RateLimit-Reset").map(Long::parseLong).orElse(0L);
      long now = clock.get().getEpochSecond();
      return Optional.of(Duration.ofSeconds(Math.max(1, reset - now + 1)));
    }
    String body = r.body() == null ? "" : r.body().toLowerCase(Locale.ROOT);
    if (body.contains("secondary rate limit") || body.contains("abuse")) {
      return Optional.of(Duration.ofMinutes(1));
    }
    return Optional.empty();
  }

  private static String next(HttpResponse<String> r) {
    String link = r.headers().firstValue("Link").orElse(null);
    if (link == null) {
      return null;
    }
    Matcher m = NEXT.matcher(link);
    return m.find() ? m.group(1) : null;
  }

  private static String brief(HttpResponse<String> r) {
    String b = r.body() == null ? "" : r.body().strip();
    Matcher m = Pattern.compile("\"message\"\\s*:\\s*\"([^\"]*)\"").matcher(b);
    if (m.find()) {
      return m.group(1);
    }
    return b.length() > 200 ? b.substring(0, 200) + "..." : b;
  }

  private static String epoch(String seconds) {
    try {
      return Instant.ofEpochSecond(Long.parseLong(seconds)).toString();
    } catch (NumberFormatException e) {
      return seconds;
    }
  }
}
