package dev.pipeperf.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipeperf.source.Diagnostic;
import dev.pipeperf.source.ParseResult;
import dev.pipeperf.source.Severity;
import dev.pipeperf.source.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * BuildKit's own parser test files ({@code moby/buildkit frontend/dockerfile/parser/testfiles*},
 * copied into the shared corpus): our dump must equal BuildKit's {@code result} byte for byte.
 */
class BuildkitConformanceTest {

  private static final java.util.Set<String> PARSER_CODES =
      java.util.Set.of(
          "dockerfile-syntax",
          "no-instructions",
          "unterminated-heredoc",
          "line-too-long",
          "parser-directive");

  private static final Path PEER = Path.of("..", "shared", "corpus", "peer");

  private static Path corpus(String dir) {
    Path p = PEER.resolve(dir);
    assumeTrue(Files.isDirectory(p), "corpus not present: skipped (" + p + ")");
    return p;
  }

  private static ParseResult<Dockerfile> parse(Path file) throws IOException {
    String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    return DockerfileParser.parse(SourceFile.of(file.getFileName().toString(), text));
  }

  private static List<Path> caseDirs(Path root) throws IOException {
    try (Stream<Path> s = Files.list(root)) {
      return s.filter(Files::isDirectory).sorted().toList();
    }
  }

  @Test
  void everyTestfileReproducesBuildkitsDump() throws IOException {
    Path root = corpus("buildkit-parser-testfiles");
    List<Path> dirs = caseDirs(root);
    List<String> failures = new ArrayList<>();
    int ok = 0;
    for (Path dir : dirs) {
      String expected = Files.readString(dir.resolve("result"), StandardCharsets.UTF_8);
      ParseResult<Dockerfile> r = parse(dir.resolve("Dockerfile"));
      String actual = Dump.of(r.model()) + "\n";
      // Stage-level checks (e.g. CMD without FROM) are beyond BuildKit's parser: only its errors
      // count.
      boolean errors = r.diagnostics().stream().anyMatch(d -> PARSER_CODES.contains(d.code()));
      if (actual.equals(expected) && !errors) {
        ok++;
      } else {
        failures.add(
            dir.getFileName()
                + ":\n--- expected\n"
                + expected
                + "--- actual\n"
                + actual
                + "--- diagnostics "
                + r.diagnostics());
      }
    }
    System.out.println(ok + " of " + dirs.size() + " BuildKit parser test files reproduce");
    assertThat(failures).isEmpty();
    assertThat(ok).isEqualTo(dirs.size()).isPositive();
  }

  @Test
  void everyNegativeTestfileIsAnError() throws IOException {
    Path root = corpus("buildkit-parser-testfiles-negative");
    List<Path> dirs = caseDirs(root);
    assertThat(dirs).isNotEmpty();
    for (Path dir : dirs) {
      ParseResult<Dockerfile> r = parse(dir.resolve("Dockerfile"));
      assertThat(r.diagnostics())
          .as(dir.getFileName().toString())
          .anyMatch(d -> d.severity() == Severity.HIGH);
    }
  }

  @Test
  void lineNumbersMatchBuildkit() throws IOException {
    Path root = corpus("buildkit-parser-testfile-line");
    JsonNode expected =
        new ObjectMapper().readTree(root.resolve("Dockerfile.expected-lines.json").toFile());
    Dockerfile d = parse(root.resolve("Dockerfile")).model();
    List<Instruction> all = d.instructions();
    assertThat(all).hasSize(expected.get("children").size());
    for (int i = 0; i < all.size(); i++) {
      JsonNode want = expected.get("children").get(i);
      assertThat(all.get(i).location().line()).isEqualTo(want.get(0).asInt());
      assertThat(all.get(i).endLine()).isEqualTo(want.get(1).asInt());
    }
    assertThat(all.get(0).location().line())
        .isEqualTo(expected.get("root").get("StartLine").asInt());
    assertThat(all.get(all.size() - 1).endLine())
        .isEqualTo(expected.get("root").get("EndLine").asInt());
  }

  @Test
  void emptyContinuationLinesWarnOncePerInstruction() throws IOException {
    Path root = corpus("buildkit-parser-testfile-line");
    JsonNode expected =
        new ObjectMapper()
            .readTree(root.resolve("empty-continuation-warnings.expected.json").toFile());
    List<Diagnostic> warnings =
        parse(root.resolve("empty-continuation-warnings.Dockerfile")).diagnostics();
    assertThat(warnings).hasSize(expected.get("expected_warning_count").asInt());
    for (int i = 0; i < warnings.size(); i++) {
      assertThat(warnings.get(i).code()).isEqualTo("empty-continuation");
      for (JsonNode part : expected.get("warnings_short_contains").get(i)) {
        assertThat(warnings.get(i).message()).contains(part.asText());
      }
    }
  }

  @Test
  void heredocsMatchBuildkit() throws IOException {
    Path root = corpus("buildkit-parser-heredoc");
    JsonNode expected =
        new ObjectMapper()
            .readTree(root.resolve("TestParseExtractsHeredoc.expected.json").toFile())
            .get("expected");
    ParseResult<Dockerfile> r = parse(root.resolve("TestParseExtractsHeredoc.Dockerfile"));
    assertThat(r.diagnostics())
        .filteredOn(d -> d.severity() == Severity.HIGH)
        .allMatch(d -> d.code().equals("unknown-instruction"));
    List<Instruction> all = r.model().instructions();
    assertThat(all).hasSize(expected.size() + 1);
    for (int i = 0; i < expected.size(); i++) {
      JsonNode want = expected.get(i).get("heredocs");
      List<Heredoc> got = all.get(i + 1).heredocs();
      String what = expected.get(i).get("comment").asText();
      if (want.isNull()) {
        assertThat(got).as(what).isEmpty();
        continue;
      }
      assertThat(got).as(what).hasSize(want.size());
      for (int h = 0; h < want.size(); h++) {
        JsonNode w = want.get(h);
        Heredoc g = got.get(h);
        assertThat(g.name()).as(what).isEqualTo(w.get("Name").asText());
        assertThat(g.fileDescriptor()).as(what).isEqualTo(w.get("FileDescriptor").asInt());
        assertThat(g.expand()).as(what).isEqualTo(w.get("Expand").asBoolean());
        assertThat(g.chomp()).as(what).isEqualTo(w.get("Chomp").asBoolean());
        assertThat(g.content()).as(what).isEqualTo(w.get("Content").asText());
      }
    }
  }

  @Test
  void buildkitsLintRuleExamplesParseWithoutParserErrors() throws IOException {
    Path root = corpus("buildkit-lint-rule-examples");
    List<Path> files;
    try (Stream<Path> s = Files.walk(root)) {
      files = s.filter(p -> p.toString().endsWith(".Dockerfile")).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    for (Path f : files) {
      assertThat(parse(f).diagnostics())
          .as(root.relativize(f).toString())
          .noneMatch(d -> PARSER_CODES.contains(d.code()));
    }
  }

  @Test
  void jsonFormIsNeverAHeredoc() throws IOException {
    Path root = corpus("buildkit-parser-heredoc");
    Dockerfile d = parse(root.resolve("TestParseJSONHeredoc.Dockerfile")).model();
    assertThat(d.instructions()).hasSize(4);
    assertThat(d.instructions()).allMatch(i -> i.heredocs().isEmpty());
    assertThat(d.instructions().get(2).args()).containsExactly("<<EOF");
  }
}
