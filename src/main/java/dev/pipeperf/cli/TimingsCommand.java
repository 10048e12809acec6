package dev.pipeperf.cli;

import dev.pipeperf.estimate.observed.RunHistory;
import dev.pipeperf.estimate.observed.github.GitHubApi;
import dev.pipeperf.estimate.observed.github.TimingsFetcher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code pipeperf timings fetch}: the run history from GitHub's REST API. */
@Command(
    name = "timings",
    description = "Observed run timings: fetch a repository's run history from GitHub.",
    mixinStandardHelpOptions = true,
    subcommands = {TimingsCommand.Fetch.class})
final class TimingsCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return ExitCodes.USAGE;
  }

  /** The one command of pipeperf that touches the network. */
  @Command(
      name = "fetch",
      description = {
        "Fetch the latest completed runs of a repository and their jobs (with step timings) from"
            + " GitHub's REST API and append them to .pipeperf/timings/OWNER__NAME.jsonl, which"
            + " analyze, report and check then read on their own.",
        "This is the only pipeperf command that uses the network. The token comes from"
            + " GITHUB_TOKEN or GH_TOKEN, else from `gh auth token`; without one, GitHub allows"
            + " 60 requests an hour."
      },
      mixinStandardHelpOptions = true)
  static final class Fetch implements Callable<Integer> {

    @ParentCommand TimingsCommand parent;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Mixin RepositoryPath repository;

    @Option(
        names = "--repo",
        paramLabel = "OWNER/NAME",
        description = "The GitHub repository (default: the origin remote of PATH).")
    String repo;

    @Option(
        names = "--workflow",
        paramLabel = "W",
        description = "Only runs of this workflow: its file name (ci.yml) or id.")
    String workflow;

    @Option(
        names = "--runs",
        paramLabel = "N",
        description = "How many of the latest completed runs (default: ${DEFAULT-VALUE}).")
    int runs = 20;

    @Option(names = "--branch", paramLabel = "B", description = "Only runs on this branch.")
    String branch;

    @Option(
        names = "--api-url",
        paramLabel = "URL",
        description =
            "The REST API (default: ${DEFAULT-VALUE}; GitHub Enterprise Server:"
                + " https://HOST/api/v3).")
    String apiUrl = "https://api.github.com";

    @Option(
        names = {"-q", "--quiet"},
        description = "Print nothing but errors.")
    boolean quiet;

    Main main() {
      return (Main) parent.spec.parent().userObject();
    }

    @Override
    public Integer call() {
      Path root = repository.path;
      if (!Files.isDirectory(root)) {
        throw new UserError(root + ": " + (Files.exists(root) ? "not a folder" : "no such folder"));
      }
      if (runs < 1) {
        throw new UserError("--runs must be at least 1");
      }
      String r = repo != null ? repo : originRepo(root);
      if (r == null || !r.matches("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+")) {
        throw new UserError(
            r == null
                ? "no --repo given and no GitHub origin remote found in " + root
                : "--repo must be OWNER/NAME, not " + r);
      }
      Main main = main();
      String token = token(main.terminal().env());
      RunHistory history = new RunHistory(root);
      GitHubApi api =
          new GitHubApi(
              apiUrl, token, history.etagMap(), d -> Thread.sleep(d.toMillis()), Instant::now);
      var out = spec.commandLine().getOut();
      if (token == null && !quiet) {
        spec.commandLine()
            .getErr()
            .println(
                "pipeperf: no token (GITHUB_TOKEN, GH_TOKEN or `gh auth token`): unauthenticated"
                    + " requests are limited to 60 an hour");
      }
      try {
        TimingsFetcher.Result res =
            new TimingsFetcher(api, history)
                .fetch(new TimingsFetcher.Request(r, workflow, runs, branch));
        if (!quiet) {
          out.println(
              r
                  + ": "
                  + res.listed()
                  + (res.listed() == 1 ? " run" : " runs")
                  + " listed, "
                  + res.added()
                  + " added to "
                  + root.relativize(res.file())
                  + ", "
                  + res.known()
                  + " already there ("
                  + res.requests()
                  + (res.requests() == 1 ? " request" : " requests")
                  + (res.rate() == null ? "" : ", rate limit remaining " + res.rate())
                  + ")");
        }
        return ExitCodes.OK;
      } catch (GitHubApi.ApiException e) {
        throw new UserError(e.getMessage());
      } catch (IOException e) {
        throw new UserError("cannot write the run history: " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new UserError("interrupted; the runs fetched so far are kept");
      }
    }

    /** GITHUB_TOKEN, GH_TOKEN, else {@code gh auth token} when gh is installed; else null. */
    static String token(java.util.Map<String, String> env) {
      for (String k : new String[] {"GITHUB_TOKEN", "GH_TOKEN"}) {
        String v = env.get(k);
        if (v != null && !v.isBlank()) {
          return v.strip();
        }
      }
      if (env.containsKey("PIPEPERF_NO_GH")) {
        return null;
      }
      try {
        Process p = new ProcessBuilder("gh", "auth", "token").redirectErrorStream(false).start();
        p.getOutputStream().close();
        String t = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 && !t.isEmpty()) {
          return t;
        }
      } catch (IOException e) {
        return null; // gh is not installed
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return null;
    }

    private static final Pattern GITHUB_REMOTE =
        Pattern.compile(
            "url\\s*=\\s*(?:https?://|git@|ssh://git@)[^/:]+[/:]([^/\\s]+/[^/\\s]+?)(?:\\.git)?\\s*$");

    /** OWNER/NAME of the {@code origin} remote in {@code PATH/.git/config}, or null. */
    static String originRepo(Path root) {
      Path config = root.resolve(".git/config");
      if (!Files.isRegularFile(config)) {
        return null;
      }
      try {
        boolean inOrigin = false;
        for (String line : Files.readAllLines(config, StandardCharsets.UTF_8)) {
          String t = line.strip();
          if (t.startsWith("[")) {
            inOrigin = t.equals("[remote \"origin\"]");
          } else if (inOrigin) {
            Matcher m = GITHUB_REMOTE.matcher(t);
            if (m.find()) {
              return m.group(1);
            }
          }
        }
      } catch (IOException e) {
        return null;
      }
      return null;
    }
  }
}
