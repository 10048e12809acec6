package dev.pipeperf.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipeperf.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/rules/} is generated from the catalogue: {@code README.md} is {@code pipeperf rules
 * --format markdown}, each {@code PP0NN.md} is {@code pipeperf explain PP0NN --format markdown}.
 * The project README's rules table is the same table with links into {@code docs/rules/}, between
 * its {@code rules-table} markers. This test fails when the committed pages or the README's table
 * are stale; {@code -Dpipeperf.updateDocs=true} rewrites them (and removes pages of rules that are
 * gone), so a new rule never needs a hand edit of either.
 */
class RuleDocsTest {

  static final Path DOCS = Path.of("docs/rules");

  static final boolean UPDATE = Boolean.getBoolean("pipeperf.updateDocs");

  static final Path README = Path.of("README.md");
  static final String TABLE_START = "<!-- rules-table:";
  static final String TABLE_END = "<!-- /rules-table -->";

  @Test
  void readmeRulesTableMatchesTheCatalogue() throws IOException {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    int start = readme.indexOf(TABLE_START);
    int end = readme.indexOf(TABLE_END);
    assertThat(start).as("README.md has the rules-table markers").isNotNegative();
    assertThat(end).as("README.md has the rules-table end marker").isGreaterThan(start);
    int body = readme.indexOf('\n', start) + 1;
    String expected = readmeTable(cli("rules", "--format", "markdown"));
    String updated = readme.substring(0, body) + expected + readme.substring(end);
    if (UPDATE) {
      Files.writeString(README, updated, StandardCharsets.UTF_8);
      readme = updated;
    }
    assertThat(readme.substring(body, readme.indexOf(TABLE_END)))
        .as(
            "README.md's rules table: regenerate with -Dtest=RuleDocsTest -Dpipeperf.updateDocs=true")
        .isEqualTo(expected);
  }

  /** The catalogue's markdown table, its links made relative to the project root. */
  static String readmeTable(String rulesMarkdown) {
    StringBuilder out = new StringBuilder();
    for (String line : rulesMarkdown.split("\n", -1)) {
      if (line.startsWith("|")) {
        out.append(line.replace("](PP", "](docs/rules/PP")).append('\n');
      }
    }
    return out.toString();
  }

  @Test
  void committedDocsMatchTheCatalogue() throws IOException {
    Map<String, String> pages = generate();
    if (UPDATE) {
      write(pages);
    }
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, String> e : pages.entrySet()) {
      Path file = DOCS.resolve(e.getKey());
      if (!Files.isRegularFile(file)) {
        problems.add(file + " is missing");
      } else if (!Files.readString(file, StandardCharsets.UTF_8).equals(e.getValue())) {
        problems.add(file + " is stale");
      }
    }
    try (Stream<Path> s = Files.list(DOCS)) {
      s.map(p -> p.getFileName().toString())
          .filter(n -> !pages.containsKey(n))
          .forEach(n -> problems.add(DOCS.resolve(n) + " belongs to no rule"));
    }
    assertThat(problems)
        .as("regenerate with mvn test -Dtest=RuleDocsTest -Dpipeperf.updateDocs=true")
        .isEmpty();
  }

  /** File name → content, from the CLI itself so docs and terminal never disagree. */
  static Map<String, String> generate() {
    Map<String, String> pages = new LinkedHashMap<>();
    pages.put("README.md", cli("rules", "--format", "markdown"));
    for (RuleCatalog.Entry e : RuleCatalog.entries()) {
      pages.put(e.info().id() + ".md", cli("explain", e.info().id(), "--format", "markdown"));
    }
    return pages;
  }

  private static void write(Map<String, String> pages) throws IOException {
    Files.createDirectories(DOCS);
    try (Stream<Path> s = Files.list(DOCS)) {
      for (Path p : s.toList()) {
        if (!pages.containsKey(p.getFileName().toString())) {
          Files.delete(p);
        }
      }
    }
    for (Map.Entry<String, String> e : pages.entrySet()) {
      Files.writeString(DOCS.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
    }
  }

  private static String cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    assertThat(code).as(String.join(" ", args) + ": " + err).isZero();
    return out.toString();
  }
}
