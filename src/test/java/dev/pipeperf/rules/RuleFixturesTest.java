package dev.pipeperf.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipeperf.analysis.Analyzer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The golden fixtures of every rule: {@code rules/PP0NN/bad/} must give exactly the findings in
 * {@code expected.out}, and {@code rules/PP0NN/ok/} none of that rule. Run with {@code
 * -Dpipeperf.updateGolden=true} to rewrite the expected files (then read every line).
 */
class RuleFixturesTest {

  static final Path FIXTURES = Path.of("src/test/resources/rules");

  static final boolean UPDATE = Boolean.getBoolean("pipeperf.updateGolden");

  @TestFactory
  Stream<DynamicNode> fixtures() throws IOException {
    List<Path> folders;
    try (Stream<Path> s = Files.list(FIXTURES)) {
      folders = s.filter(Files::isDirectory).sorted().toList();
    }
    assertThat(folders).isNotEmpty();
    return folders.stream()
        .flatMap(
            folder -> {
              String id = folder.getFileName().toString();
              return Stream.of(
                  DynamicTest.dynamicTest(id + " bad", () -> bad(id, folder)),
                  DynamicTest.dynamicTest(id + " ok", () -> ok(id, folder)));
            });
  }

  private static void bad(String id, Path folder) throws IOException {
    String actual = findings(id, folder.resolve("bad"));
    Path expected = folder.resolve("expected.out");
    if (UPDATE) {
      Files.writeString(expected, actual, StandardCharsets.UTF_8);
    }
    assertThat(expected).exists();
    assertThat(actual).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
  }

  private static void ok(String id, Path folder) {
    assertThat(folder.resolve("ok")).isDirectory();
    assertThat(findings(id, folder.resolve("ok"))).isEmpty();
  }

  /**
   * The findings of one rule on a tree, one {@link Finding#toString()} line each, in finding order
   * (file, line, column); "also consider" items too, marked so, since an {@code ok/} variant must
   * not even be hygiene.
   */
  static String findings(String id, Path root) {
    StringBuilder sb = new StringBuilder();
    RuleResults results = Analyzer.analyze(Analyzer.Options.of(root)).rules();
    java.util.stream.Stream.concat(results.findings().stream(), results.alsoConsider().stream())
        .filter(f -> f.ruleId().equals(id))
        .sorted()
        .map(f -> f + (f.alsoConsider() ? " (also consider)" : ""))
        .forEach(line -> sb.append(line).append('\n'));
    return sb.toString();
  }
}
