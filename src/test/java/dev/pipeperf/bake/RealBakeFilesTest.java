package dev.pipeperf.bake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipeperf.source.Diagnostic;
import dev.pipeperf.source.ParseResult;
import dev.pipeperf.source.Severity;
import dev.pipeperf.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Every bake file of the real repositories in the shared corpus evaluates without an exception; the
 * files of one directory are merged in buildx's default order, as {@code docker buildx bake} with
 * no {@code -f} would read them.
 */
class RealBakeFilesTest {

  private static final Path CORPUS = Path.of("..", "shared", "corpus");
  private static final List<String> DEFAULT_ORDER =
      List.of(
          "docker-bake.json",
          "docker-bake.hcl",
          "docker-bake.override.json",
          "docker-bake.override.hcl");

  @Test
  void realBakeFilesEvaluate() throws IOException {
    Path real = CORPUS.resolve("real");
    Assumptions.assumeTrue(Files.isDirectory(real), "corpus not present: skipped");
    Map<Path, List<Path>> byDir = new TreeMap<>();
    try (Stream<Path> s = Files.walk(real)) {
      s.filter(Files::isRegularFile)
          .filter(p -> isBakeFile(p.getFileName().toString()))
          .forEach(p -> byDir.computeIfAbsent(p.getParent(), d -> new ArrayList<>()).add(p));
    }
    int files = 0;
    int definitions = 0;
    int targets = 0;
    int groups = 0;
    List<Diagnostic> errors = new ArrayList<>();
    List<Diagnostic> warnings = new ArrayList<>();
    for (Map.Entry<Path, List<Path>> dir : byDir.entrySet()) {
      List<List<Path>> runs = new ArrayList<>();
      List<Path> defaults = new ArrayList<>();
      for (String name : DEFAULT_ORDER) {
        dir.getValue().stream()
            .filter(p -> p.getFileName().toString().equals(name))
            .forEach(defaults::add);
      }
      if (!defaults.isEmpty()) {
        runs.add(defaults);
      }
      dir.getValue().stream().filter(p -> !defaults.contains(p)).forEach(p -> runs.add(List.of(p)));
      for (List<Path> run : runs) {
        List<SourceFile> sources = new ArrayList<>();
        for (Path p : run) {
          ParseResult<SourceFile> read =
              SourceFile.read(p, real.relativize(p).toString().replace('\\', '/'));
          assertThat(read.hasModel()).as(p.toString()).isTrue();
          sources.add(read.model());
        }
        files += sources.size();
        ParseResult<BakeDefinition> r = BakeEvaluator.evaluate(sources, Map.of());
        assertThat(r.hasModel()).isTrue();
        BakePrint.toJson(r.model(), List.of());
        definitions++;
        targets += r.model().targets().size();
        groups += r.model().groups().size();
        for (Diagnostic d : r.diagnostics()) {
          (d.severity().atLeast(Severity.HIGH) ? errors : warnings).add(d);
        }
      }
    }
    System.out.printf(
        "real bake files: %d files in %d definitions: %d targets, %d groups, %d errors, %d warnings%n",
        files, definitions, targets, groups, errors.size(), warnings.size());
    errors.forEach(d -> System.out.println("  error: " + d));
    warnings.forEach(d -> System.out.println("  warning: " + d));
    assertThat(files).isGreaterThan(0);
    assertThat(errors).isEmpty();
  }

  @Test
  void buildxTestAndDocsBakeFilesEvaluateWithoutException() throws IOException {
    Path peer = CORPUS.resolve("peer").resolve("bake");
    Assumptions.assumeTrue(Files.isDirectory(peer), "corpus not present: skipped");
    List<Path> all;
    try (Stream<Path> s = Files.walk(peer)) {
      all =
          s.filter(
                  p ->
                      p.toString().endsWith(".hcl")
                          || (p.toString().endsWith(".json") && !p.toString().contains(".after")))
              .sorted()
              .toList();
    }
    int withErrors = 0;
    int unexpected = 0;
    List<String> lines = new ArrayList<>();
    for (Path p : all) {
      boolean buildxExpectsSuccess = expectsSuccess(p);
      String rel = peer.relativize(p).toString();
      ParseResult<SourceFile> read = SourceFile.read(p, rel);
      ParseResult<BakeDefinition> r = BakeEvaluator.evaluate(read.model(), Map.of());
      assertThat(r.hasModel()).isTrue();
      BakePrint.toJson(r.model(), List.of());
      List<Diagnostic> errs =
          r.diagnostics().stream().filter(d -> d.severity().atLeast(Severity.HIGH)).toList();
      if (!errs.isEmpty() && siblingsTogetherAreClean(peer, p)) {
        // The Go test passes this file together with its siblings (TestX-01.hcl, TestX-02.hcl).
        errs = List.of();
      }
      if (!errs.isEmpty()) {
        withErrors++;
        if (buildxExpectsSuccess) {
          unexpected++;
        }
        lines.add(
            (buildxExpectsSuccess ? "  unexpected: " : "  expected:   ")
                + errs.get(0)
                + (errs.size() > 1 ? " (+" + (errs.size() - 1) + ")" : ""));
      }
    }
    System.out.println(
        "buildx docs/test bake files: "
            + all.size()
            + " evaluated, "
            + withErrors
            + " with error diagnostics, "
            + unexpected
            + " of them where the buildx test expects no error (often: needs other files or env)");
    lines.forEach(System.out::println);
    assertThat(all).isNotEmpty();
  }

  /** True when the files of the same Go test, evaluated together in order, give no error. */
  private static boolean siblingsTogetherAreClean(Path peer, Path p) throws IOException {
    String name = p.getFileName().toString();
    int dash = name.lastIndexOf('-');
    if (dash < 0 || !p.toString().contains("tests-extracted")) {
      return false;
    }
    String prefix = name.substring(0, dash + 1);
    List<SourceFile> files = new ArrayList<>();
    try (Stream<Path> s = Files.list(p.getParent())) {
      for (Path sib :
          s.filter(x -> x.getFileName().toString().startsWith(prefix)).sorted().toList()) {
        files.add(SourceFile.read(sib, peer.relativize(sib).toString()).model());
      }
    }
    if (files.size() < 2) {
      return false;
    }
    ParseResult<BakeDefinition> r = BakeEvaluator.evaluate(files, Map.of());
    return r.diagnostics().stream().noneMatch(d -> d.severity().atLeast(Severity.HIGH));
  }

  /** False when the buildx test the file comes from asserts an error somewhere. */
  private static boolean expectsSuccess(Path p) throws IOException {
    Path index = p.resolveSibling("_index.jsonl");
    if (!Files.exists(index)) {
      return true;
    }
    String name = "\"" + p.getFileName() + "\"";
    for (String line : Files.readAllLines(index)) {
      if (line.contains("\"file\": " + name)) {
        return !line.contains("\"func_contains_error_assertion\": true");
      }
    }
    return true;
  }

  private static boolean isBakeFile(String name) {
    return name.endsWith(".hcl") || (name.startsWith("docker-bake") && name.endsWith(".json"));
  }
}
