package dev.pipeperf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipeperf.testing.Corpus;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command in every format, in-process through {@link Main#run}, over each real repository of
 * the corpus and over actionlint's realworld workflows (batched into a few repositories): none may
 * end in an internal error, every one must exit 0, and {@code check} against the baseline just
 * recorded from the same tree must pass. Analysing is not enough: the renderers are where a graph
 * the reports did not expect used to crash.
 */
class EveryCommandTest {

  /**
   * actionlint's dataset is cut into this many repositories: a few hundred workflows each, as a
   * large monorepo has, and enough of them to keep both cores busy.
   */
  private static final int DATASET_BATCHES = 4;

  @TempDir Path tmp;

  @Test
  void everyRealRepository() throws Exception {
    Path real = Corpus.require("real");
    List<Path> repos = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(real)) {
      ds.forEach(
          p -> {
            if (Files.isDirectory(p)) {
              repos.add(p);
            }
          });
    }
    repos.sort(null);
    assertThat(repos).hasSizeGreaterThanOrEqualTo(30);
    assertThat(everyCommand(repos)).as("commands that failed").isEmpty();
  }

  @Test
  void actionlintRealworldWorkflows() throws Exception {
    Path dataset = Corpus.require("peer/actionlint-testdata/realworld/dataset");
    List<Path> files =
        Corpus.files(
            dataset,
            p -> p.getFileName().toString().endsWith(".yml") || p.toString().endsWith(".yaml"));
    assertThat(files).hasSizeGreaterThan(1000);
    List<Path> repos = new ArrayList<>();
    for (int b = 0; b < DATASET_BATCHES; b++) {
      Path repo = tmp.resolve("actionlint-realworld-" + (b + 1));
      Path workflows = Files.createDirectories(repo.resolve(".github/workflows"));
      for (int i = b; i < files.size(); i += DATASET_BATCHES) {
        Files.copy(files.get(i), workflows.resolve(files.get(i).getFileName()));
      }
      repos.add(repo);
    }
    assertThat(everyCommand(repos)).as("commands that failed").isEmpty();
  }

  /** Runs every command on each repository, one repository per core; returns what failed. */
  private List<String> everyCommand(List<Path> repos) throws Exception {
    long started = System.nanoTime();
    ExecutorService pool =
        Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()));
    try {
      List<Future<List<String>>> results = new ArrayList<>();
      for (Path repo : repos) {
        results.add(pool.submit(() -> everyCommand(repo)));
      }
      List<String> failures = new ArrayList<>();
      for (Future<List<String>> f : results) {
        failures.addAll(f.get());
      }
      System.out.printf(
          "every command on %d repositories: %d s%n",
          repos.size(), (System.nanoTime() - started) / 1_000_000_000L);
      return failures;
    } finally {
      pool.shutdownNow();
    }
  }

  private List<String> everyCommand(Path repo) throws IOException {
    String path = repo.toString();
    Path baseline = Files.createTempFile(tmp, "baseline", ".json");
    List<String[]> commands = new ArrayList<>();
    for (String f : List.of("text", "json", "markdown", "sarif", "github", "html")) {
      commands.add(new String[] {"analyze", path, "--format", f});
    }
    for (String f : List.of("markdown", "html", "sarif", "json", "text")) {
      commands.add(new String[] {"report", path, "--format", f});
    }
    for (String f : List.of("mermaid", "dot", "json")) {
      commands.add(new String[] {"graph", path, "--format", f});
    }
    commands.add(new String[] {"baseline", path, "-o", baseline.toString()});
    commands.add(new String[] {"check", path, "--baseline", baseline.toString()});
    List<String> failures = new ArrayList<>();
    for (String[] args : commands) {
      Cli r = Cli.run(args);
      // Annotations are only for findings: a repository with none (hygiene is left out unless
      // --all) prints nothing in that format, and that is right.
      boolean mayBeEmpty = List.of(args).contains("github");
      if (r.code() != ExitCodes.OK
          || r.err().contains("internal error")
          || (r.out().isEmpty() && !mayBeEmpty)) {
        failures.add(
            repo.getFileName()
                + ": "
                + String.join(" ", args)
                + " → exit "
                + r.code()
                + ": "
                + r.err().lines().limit(3).toList()
                + (r.code() == ExitCodes.GATE_FAILED ? r.out().lines().limit(12).toList() : ""));
      }
    }
    return failures;
  }
}
