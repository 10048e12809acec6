package dev.pipeperf.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pipeperf.analysis.Analyzer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The labelled benchmark (issue 15): every finding pipeperf makes on {@code ../shared/corpus/real}
 * was judged by a reviewer opening the cited line, {@code true | false | not-worth-it} with a
 * reason (one TSV per rule under {@code src/test/resources/labels/}). This recomputes the findings
 * — not the "also consider" list — and fails when a finding labelled false comes back, when a
 * finding has no label (printed as TSV lines ready to paste), or when precision (true ÷ all
 * reported) falls under {@value #MIN_OVERALL} overall or {@value #MIN_PER_RULE} for a rule that
 * fires. {@code benchmarks/precision.sh} runs it and prints the table.
 */
class LabelledCorpusTest {

  static final Path CORPUS = Path.of("../shared/corpus/real");
  static final Path LABELS = Path.of("src/test/resources/labels");
  static final String HEADER = "repo\tlocation\tlabel\treason\tmessage";
  static final double MIN_OVERALL = 0.9;
  static final double MIN_PER_RULE = 0.8;

  /** One judged finding. */
  record Label(String rule, String repo, String location, String label, String reason) {}

  static Map<String, Label> labels() throws IOException {
    Map<String, Label> out = new LinkedHashMap<>();
    if (!Files.isDirectory(LABELS)) {
      return out;
    }
    try (Stream<Path> s = Files.list(LABELS)) {
      for (Path f : s.filter(p -> p.toString().endsWith(".tsv")).sorted().toList()) {
        String rule = f.getFileName().toString().replace(".tsv", "");
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        assertThat(lines).as(f + " header").isNotEmpty();
        assertThat(lines.get(0)).as(f + " header").isEqualTo(HEADER);
        for (int i = 1; i < lines.size(); i++) {
          if (lines.get(i).isBlank()) {
            continue;
          }
          String[] c = lines.get(i).split("\t", -1);
          assertThat(c).as(f + ":" + (i + 1) + " has 5 columns").hasSize(5);
          assertThat(c[2]).as(f + ":" + (i + 1) + " label").isIn("true", "false", "not-worth-it");
          assertThat(c[3]).as(f + ":" + (i + 1) + " reason").isNotBlank();
          out.put(key(rule, c[0], c[1]), new Label(rule, c[0], c[1], c[2], c[3]));
        }
      }
    }
    return out;
  }

  static String key(String rule, String repo, String location) {
    return rule + "|" + repo + "|" + location;
  }

  @Test
  void findingsOnTheRealCorpusAreLabelledAndPrecise() throws IOException {
    // Analysing all 34 repositories takes minutes: run on demand (benchmarks/precision.sh).
    assumeTrue(
        Boolean.getBoolean("pipeperf.labelled"),
        "the labelled benchmark runs with -Dpipeperf.labelled=true (benchmarks/precision.sh)");
    assumeTrue(
        Files.isDirectory(CORPUS),
        "../shared/corpus/real is absent: the labelled benchmark needs the real corpus");
    Map<String, Label> labels = labels();
    List<String> unlabelled = new ArrayList<>();
    List<String> falseAgain = new ArrayList<>();
    Map<String, int[]> perRule = new TreeMap<>(); // rule -> {true, false, not-worth-it}
    Map<String, Integer> perRepo = new TreeMap<>();
    List<Path> repos;
    try (Stream<Path> s = Files.list(CORPUS)) {
      repos = s.filter(Files::isDirectory).sorted().toList();
    }
    for (Path repo : repos) {
      String name = repo.getFileName().toString();
      List<Finding> findings = Analyzer.analyze(Analyzer.Options.of(repo)).rules().findings();
      perRepo.put(name, findings.size());
      for (Finding f : findings) {
        String location = f.location().toString();
        Label l = labels.get(key(f.ruleId(), name, location));
        if (l == null) {
          unlabelled.add(
              f.ruleId()
                  + ".tsv: "
                  + name
                  + "\t"
                  + location
                  + "\t?\t?\t"
                  + f.message().replace('\t', ' ').replace('\n', ' '));
          continue;
        }
        int[] c = perRule.computeIfAbsent(f.ruleId(), k -> new int[3]);
        switch (l.label()) {
          case "true" -> c[0]++;
          case "false" -> {
            c[1]++;
            falseAgain.add(f.ruleId() + " " + name + " " + location + ": " + l.reason());
          }
          default -> c[2]++;
        }
      }
    }
    int t = 0;
    int all = 0;
    StringBuilder table = new StringBuilder("rule   true false nwi  precision\n");
    for (var e : perRule.entrySet()) {
      int[] c = e.getValue();
      int n = c[0] + c[1] + c[2];
      t += c[0];
      all += n;
      table.append(
          String.format(
              Locale.ROOT,
              "%-6s %4d %5d %3d  %5.1f%%%n",
              e.getKey(),
              c[0],
              c[1],
              c[2],
              100.0 * c[0] / n));
    }
    table.append(
        String.format(
            Locale.ROOT,
            "all    %d of %d true: %.1f%%%n",
            t,
            all,
            all == 0 ? 100.0 : 100.0 * t / all));
    perRepo.forEach((r, n) -> table.append("  ").append(n).append("  ").append(r).append('\n'));
    System.out.println(table);
    assertThat(unlabelled)
        .as("findings with no label: add these lines (label and reason) to the rule's TSV")
        .isEmpty();
    assertThat(falseAgain).as("findings labelled false reported again").isEmpty();
    assertThat(all == 0 ? 1.0 : (double) t / all)
        .as("overall precision")
        .isGreaterThanOrEqualTo(MIN_OVERALL);
    for (var e : perRule.entrySet()) {
      int[] c = e.getValue();
      assertThat((double) c[0] / (c[0] + c[1] + c[2]))
          .as(e.getKey() + " precision")
          .isGreaterThanOrEqualTo(MIN_PER_RULE);
    }
  }
}
