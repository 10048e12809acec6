package dev.pipeperf.bake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipeperf.source.ParseResult;
import dev.pipeperf.source.SourceFile;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden {@code --print} outputs: each directory under {@code src/test/resources/bake/print} holds
 * bake files (read in buildx's default order), {@code targets.txt}, an optional {@code
 * env.properties}, and {@code expected.json}. {@code -Dpipeperf.updateGolden=true} rewrites the
 * expectations; review the diff before committing it.
 */
class BakePrintGoldenTest {

  private static final Path ROOT = Path.of("src", "test", "resources", "bake", "print");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TestFactory
  Stream<DynamicTest> printOutputsMatchTheirGoldenFiles() throws IOException {
    List<Path> cases;
    try (Stream<Path> s = Files.list(ROOT)) {
      cases = s.filter(Files::isDirectory).sorted().toList();
    }
    assertThat(cases).isNotEmpty();
    return cases.stream()
        .map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
  }

  private static void check(Path dir) throws IOException {
    List<SourceFile> files = new ArrayList<>();
    for (String name : BakeEvaluator.DEFAULT_FILES) {
      Path p = dir.resolve(name);
      if (Files.exists(p)) {
        files.add(SourceFile.of(name, Files.readString(p)));
      }
    }
    Map<String, String> env = new LinkedHashMap<>();
    Path envFile = dir.resolve("env.properties");
    if (Files.exists(envFile)) {
      Properties props = new Properties();
      props.load(new StringReader(Files.readString(envFile)));
      props.stringPropertyNames().forEach(k -> env.put(k, props.getProperty(k)));
    }
    List<String> targets =
        Arrays.stream(Files.readString(dir.resolve("targets.txt")).trim().split("\\s+"))
            .filter(s -> !s.isEmpty())
            .toList();
    ParseResult<BakeDefinition> r = BakeEvaluator.evaluate(files, env);
    assertThat(r.diagnostics()).isEmpty();
    String actual = BakePrint.toJson(r.model(), targets) + "\n";
    Path expected = dir.resolve("expected.json");
    if (Boolean.getBoolean("pipeperf.updateGolden") || !Files.exists(expected)) {
      Files.writeString(expected, actual);
    }
    JsonNode want = JSON.readTree(Files.readString(expected));
    assertThat(JSON.readTree(actual)).isEqualTo(want);
  }
}
