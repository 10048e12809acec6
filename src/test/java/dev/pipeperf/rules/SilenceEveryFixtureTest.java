package dev.pipeperf.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every explanation's "Silence it" section promises, checked on every rule's bad fixture: a
 * {@code # pipeperf-ignore PP0NN} comment above each reported line silences it, and so does {@code
 * rules: {PP0NN: off}} in {@code .pipeperf.yml}.
 */
class SilenceEveryFixtureTest {

  private static final Pattern FINDING = Pattern.compile("^(.+?):(\\d+):\\d+: ");

  @TempDir Path tmp;

  @TestFactory
  Stream<DynamicNode> everyFixtureCanBeSilenced() throws IOException {
    List<Path> folders;
    try (Stream<Path> s = Files.list(RuleFixturesTest.FIXTURES)) {
      folders = s.filter(Files::isDirectory).sorted().toList();
    }
    return folders.stream()
        .flatMap(
            folder -> {
              String id = folder.getFileName().toString();
              return Stream.of(
                  DynamicTest.dynamicTest(id + " ignore comments", () -> comments(id, folder)),
                  DynamicTest.dynamicTest(id + " off in config", () -> off(id, folder)));
            });
  }

  private void comments(String id, Path folder) throws IOException {
    Path root = copy(folder.resolve("bad"), tmp.resolve(id + "-comments"));
    Map<String, TreeSet<Integer>> lines = new TreeMap<>();
    for (String f : Files.readAllLines(folder.resolve("expected.out"), StandardCharsets.UTF_8)) {
      Matcher m = FINDING.matcher(f);
      assertThat(m.find()).as(f).isTrue();
      lines.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(Integer.parseInt(m.group(2)));
    }
    for (Map.Entry<String, TreeSet<Integer>> e : lines.entrySet()) {
      Path file = root.resolve(e.getKey());
      List<String> text = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
      for (int line : e.getValue().descendingSet()) {
        String target = text.get(line - 1);
        String indent = target.substring(0, target.length() - target.stripLeading().length());
        text.add(line - 1, indent + "# pipeperf-ignore " + id);
      }
      Files.write(file, text, StandardCharsets.UTF_8);
    }
    assertThat(RuleFixturesTest.findings(id, root)).isEmpty();
  }

  private void off(String id, Path folder) throws IOException {
    Path root = copy(folder.resolve("bad"), tmp.resolve(id + "-off"));
    Path config = root.resolve(".pipeperf.yml");
    String before = Files.exists(config) ? Files.readString(config, StandardCharsets.UTF_8) : "";
    Files.writeString(config, before + "rules:\n  " + id + ": off\n", StandardCharsets.UTF_8);
    assertThat(RuleFixturesTest.findings(id, root)).isEmpty();
  }

  private static Path copy(Path from, Path to) throws IOException {
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
}
