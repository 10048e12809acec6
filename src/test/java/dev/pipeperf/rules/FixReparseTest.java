package dev.pipeperf.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipeperf.analysis.AnalysisResult;
import dev.pipeperf.analysis.Analyzer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fixes that are edits are applied to a copy of the rule's {@code bad/} fixture as the fix text
 * says, and the fixed files re-parsed: the fix must name this file's own paths and values, parse,
 * and make the finding go away (issue 15: fixes that do nothing or break the pipeline).
 */
class FixReparseTest {

  @TempDir Path tmp;

  private Path copy(String rule) throws IOException {
    Path from = RuleFixturesTest.FIXTURES.resolve(rule).resolve("bad");
    Path to = tmp.resolve(rule);
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    return to;
  }

  private static List<Finding> all(AnalysisResult r, String rule) {
    return Stream.concat(r.rules().findings().stream(), r.rules().alsoConsider().stream())
        .filter(f -> f.ruleId().equals(rule))
        .toList();
  }

  /** Inserts {@code lines} after the line of {@code at} (1-based), indented like that line + 2. */
  private static void insertUnder(Path file, int at, List<String> lines) throws IOException {
    List<String> text = new java.util.ArrayList<>(Files.readAllLines(file));
    String anchor = text.get(at - 1);
    String indent = " ".repeat(anchor.length() - anchor.stripLeading().length() + 2);
    for (int i = lines.size() - 1; i >= 0; i--) {
      text.add(at, indent + lines.get(i));
    }
    Files.write(file, text);
  }

  @Test
  void dependencyCacheFixNamesTheLockFileInItsSubFolderAndParses() throws IOException {
    Path root = copy("PP013");
    Finding node =
        all(Analyzer.analyze(Analyzer.Options.of(root)), "PP013").stream()
            .filter(f -> f.message().contains("setup-node"))
            .findFirst()
            .orElseThrow();
    assertThat(node.fix())
        .contains("`cache: yarn`")
        .contains("`cache-dependency-path: web/yarn.lock`");
    Path ci = root.resolve(".github/workflows/ci.yml");
    int with = node.location().line() + 1; // `with:` under the setup-node step
    assertThat(Files.readAllLines(ci).get(with - 1).strip()).isEqualTo("with:");
    insertUnder(ci, with, List.of("cache: yarn", "cache-dependency-path: web/yarn.lock"));
    AnalysisResult fixed = Analyzer.analyze(Analyzer.Options.of(root));
    assertThat(fixed.diagnostics()).isEmpty();
    assertThat(all(fixed, "PP013")).noneMatch(f -> f.message().contains("setup-node"));
    assertThat(root.resolve("web/yarn.lock")).exists();
  }

  @Test
  void concurrencyFixCancelsOnTheWorkflowsOwnEventAndParses() throws IOException {
    Path root = copy("PP014");
    List<Finding> before = all(Analyzer.analyze(Analyzer.Options.of(root)), "PP014");
    assertThat(before).hasSize(2);
    for (Finding f : before) {
      String fix = f.fix();
      String block = fix.substring(fix.indexOf(":\n") + 2);
      if (f.location().file().endsWith("target.yml")) {
        // `github.event_name == 'pull_request'` is false on pull_request_target: it would cancel
        // nothing there.
        assertThat(block).contains("'pull_request_target'");
      } else {
        assertThat(block).contains("'pull_request'").doesNotContain("_target");
      }
      // The fix as the rule wrote its edits: the block goes above jobs:, exactly as the prose says.
      assertThat(f.edits()).singleElement().satisfies(e -> assertThat(e.isInsertion()).isTrue());
      assertThat(f.edits().get(0).replacement()).isEqualTo(block + "\n");
      Path file = root.resolve(f.location().file());
      Files.writeString(
          file, TextEdit.apply(Files.readString(file), f.location().file(), f.edits()));
      assertThat(Files.readString(file)).contains(block + "\njobs:");
    }
    AnalysisResult fixed = Analyzer.analyze(Analyzer.Options.of(root));
    assertThat(fixed.diagnostics()).isEmpty();
    assertThat(all(fixed, "PP014")).isEmpty();
  }

  @Test
  void reorderFixKeepsChownAndTheWholeInstallAndParses() throws IOException {
    Path root = copy("PP006");
    Finding flask =
        all(Analyzer.analyze(Analyzer.Options.of(root)), "PP006").stream()
            .filter(f -> f.location().file().equals("flask/Dockerfile"))
            .findFirst()
            .orElseThrow();
    String[] fix = flask.fix().split("\n");
    // COPY lines to write at the wide COPY's line, then the wide COPY to move after the install.
    List<String> manifests =
        java.util.Arrays.stream(fix).skip(1).takeWhile(l -> l.startsWith("COPY ")).toList();
    String moved = fix[fix.length - 1];
    assertThat(manifests)
        .containsExactly("COPY --chown=nonroot:nonroot requirements/prod.txt ./requirements/");
    assertThat(moved).isEqualTo("COPY --chown=nonroot:nonroot . .");
    assertThat(flask.fix()).contains("after the install at line 11");
    Path df = root.resolve("flask/Dockerfile");
    List<String> lines = new java.util.ArrayList<>(Files.readAllLines(df));
    int wide = flask.location().line();
    lines.add(11, moved); // after the install's last line (a continued RUN ends at line 11)
    lines.remove(wide - 1);
    lines.addAll(wide - 1, manifests);
    Files.write(df, lines);
    AnalysisResult fixed = Analyzer.analyze(Analyzer.Options.of(root));
    assertThat(fixed.diagnostics()).isEmpty();
    assertThat(all(fixed, "PP006")).noneMatch(f -> f.location().file().equals("flask/Dockerfile"));
    String text = Files.readString(df);
    assertThat(text).contains("-r requirements/prod.txt").contains("--chown=nonroot:nonroot . .");
    assertThat(text.indexOf("pip install"))
        .isLessThan(text.indexOf("COPY --chown=nonroot:nonroot . ."));
  }

  @Test
  void timeoutFixIsGenerousForAColdRustReleaseAndParses() throws IOException {
    Path root = copy("PP015");
    List<Finding> before = all(Analyzer.analyze(Analyzer.Options.of(root)), "PP015");
    assertThat(before).hasSize(2);
    for (Finding f : before) {
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("`timeout-minutes: (\\d+)`").matcher(f.fix());
      assertThat(m.find()).as(f.fix()).isTrue();
      int minutes = Integer.parseInt(m.group(1));
      if (f.location().file().endsWith("release.yml")) {
        // A cold cargo --release build: a timeout from the catalogue estimate would kill it.
        assertThat(minutes).isGreaterThanOrEqualTo(60);
        assertThat(f.fix()).contains("cargo build --release --locked").contains("assumed floor");
      }
      Path file = root.resolve(f.location().file());
      insertUnder(file, f.location().line(), List.of("timeout-minutes: " + minutes));
    }
    AnalysisResult fixed = Analyzer.analyze(Analyzer.Options.of(root));
    assertThat(fixed.diagnostics()).isEmpty();
    assertThat(all(fixed, "PP015")).isEmpty();
  }

  @Test
  void multiStageFixNamesTheFilesOwnManagerRequirementsAndBase() throws IOException {
    Path root = copy("PP002");
    var byFile =
        all(Analyzer.analyze(Analyzer.Options.of(root)), "PP002").stream()
            .collect(java.util.stream.Collectors.toMap(f -> f.location().file(), Finding::fix));
    assertThat(byFile.get("worker/Dockerfile"))
        .contains("FROM python:3.12-alpine AS builder")
        .contains("install with apk only the runtime libraries (none of build-base)")
        .contains("pip install --prefix=/install -r requirements/prod.txt")
        .doesNotContain("npm")
        .doesNotContain("apt-get");
    assertThat(byFile.get("api/Dockerfile"))
        .contains("install with apt-get")
        .contains("-r requirements.txt")
        .doesNotContain("npm");
    assertThat(byFile.get("web/Dockerfile"))
        .contains("FROM node:22-slim AS builder")
        .contains("npm ci --omit=dev")
        .doesNotContain("pip")
        .doesNotContain("apt-get");
  }

  @Test
  void mergeFixNamesEachFilesStageAndTheRepositorysOwnWayToBuildATarget() throws IOException {
    Path root = copy("PP003");
    Finding f = all(Analyzer.analyze(Analyzer.Options.of(root)), "PP003").get(0);
    assertThat(f.fix())
        .contains("`FROM base AS app`, `FROM base AS celery`, `FROM base AS celerybeat`")
        .contains("the 7 instructions they all start with (lines 1–7 of Dockerfile)")
        .contains("docker build --target app")
        .as("no docker-bake.hcl in this repository")
        .doesNotContain("docker-bake.hcl");
    Files.writeString(root.resolve("docker-bake.hcl"), "target \"app\" {\n}\n");
    Finding withBake = all(Analyzer.analyze(Analyzer.Options.of(root)), "PP003").get(0);
    assertThat(withBake.fix()).contains("`target = \"app\"` in its docker-bake.hcl target");
  }
}
