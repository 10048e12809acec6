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
      Path file = root.resolve(f.location().file());
      Files.writeString(file, Files.readString(file) + block + "\n");
    }
    AnalysisResult fixed = Analyzer.analyze(Analyzer.Options.of(root));
    assertThat(fixed.diagnostics()).isEmpty();
    assertThat(all(fixed, "PP014")).isEmpty();
  }
}
