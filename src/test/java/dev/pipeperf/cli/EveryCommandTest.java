package dev.pipeperf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipeperf.testing.Corpus;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
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
   * actionlint's dataset is cut into this many repositories: big enough to stress, few JVM-free.
   */
  private static final int DATASET_BATCHES = 3;

  @TempDir Path tmp;

  @TestFactory
  Stream<DynamicTest> everyRealRepository() throws IOException {
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
    return repos.stream()
        .map(r -> DynamicTest.dynamicTest(r.getFileName().toString(), () -> everyCommand(r)));
  }

  @TestFactory
  Stream<DynamicTest> actionlintRealworldWorkflows() throws IOException {
    Path dataset = Corpus.require("peer/actionlint-testdata/realworld/dataset");
    List<Path> files =
        Corpus.files(
            dataset,
            p -> p.getFileName().toString().endsWith(".yml") || p.toString().endsWith(".yaml"));
    assertThat(files).hasSizeGreaterThan(1000);
    List<DynamicTest> tests = new ArrayList<>();
    for (int b = 0; b < DATASET_BATCHES; b++) {
      int batch = b;
      tests.add(
          DynamicTest.dynamicTest(
              "batch " + (b + 1) + " of " + DATASET_BATCHES,
              () -> {
                Path repo = tmp.resolve("dataset-" + batch);
                Path workflows = Files.createDirectories(repo.resolve(".github/workflows"));
                for (int i = batch; i < files.size(); i += DATASET_BATCHES) {
                  Files.copy(files.get(i), workflows.resolve(files.get(i).getFileName()));
                }
                everyCommand(repo);
              }));
    }
    return tests.stream();
  }

  private void everyCommand(Path repo) throws IOException {
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
      if (r.code() != ExitCodes.OK || r.err().contains("internal error") || r.out().isEmpty()) {
        failures.add(
            String.join(" ", args)
                + " → exit "
                + r.code()
                + ": "
                + r.err().lines().limit(3).toList()
                + (r.code() == ExitCodes.GATE_FAILED ? r.out().lines().limit(12).toList() : ""));
      }
    }
    assertThat(failures).as("commands that failed on " + repo.getFileName()).isEmpty();
  }
}
