package dev.pipeperf.rules;

import dev.pipeperf.analysis.AnalysisResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The labelled benchmark of issue 15, as data: each finding pipeperf reports on the real corpus
 * joined with its reviewer's label ({@code src/test/resources/labels/PPxxx.tsv}). Computes the
 * precision table, findings per repository, findings with no label (as TSV lines ready to paste),
 * findings labelled false that came back, and labels whose finding no longer appears (stale). The
 * test ({@link LabelledCorpusTest}) and {@code benchmarks/precision.sh} print the same {@link
 * #table()}.
 */
record LabelledBenchmark(
    Map<String, int[]> perRule,
    Map<String, Integer> perRepo,
    List<String> unlabelled,
    List<String> falseAgain,
    List<String> stale) {

  static final Path LABELS = Path.of("src/test/resources/labels");
  static final String HEADER = "repo\tlocation\tlabel\treason\tmessage";
  static final double MIN_OVERALL = 0.9;
  static final double MIN_PER_RULE = 0.8;

  /** One judged finding, and the line of its TSV file (for the stale report). */
  record Label(String rule, String repo, String location, String label, String reason, String at) {}

  /**
   * Every label, keyed by {@link #key}; a malformed line is an {@link IllegalArgumentException}.
   */
  static Map<String, Label> labels(Path dir) {
    Map<String, Label> out = new LinkedHashMap<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (Stream<Path> s = Files.list(dir)) {
      for (Path f : s.filter(p -> p.toString().endsWith(".tsv")).sorted().toList()) {
        String rule = f.getFileName().toString().replace(".tsv", "");
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
          throw new IllegalArgumentException(f + ":1: the header must be " + HEADER);
        }
        for (int i = 1; i < lines.size(); i++) {
          if (lines.get(i).isBlank()) {
            continue;
          }
          String at = f + ":" + (i + 1);
          String[] c = lines.get(i).split("\t", -1);
          if (c.length != 5) {
            throw new IllegalArgumentException(at + ": 5 tab-separated columns expected");
          }
          if (!Set.of("true", "false", "not-worth-it").contains(c[2])) {
            throw new IllegalArgumentException(at + ": label must be true | false | not-worth-it");
          }
          if (c[3].isBlank()) {
            throw new IllegalArgumentException(at + ": the reason is empty");
          }
          Label previous =
              out.put(key(rule, c[0], c[1]), new Label(rule, c[0], c[1], c[2], c[3], at));
          if (previous != null) {
            throw new IllegalArgumentException(
                at + ": labelled twice (also " + previous.at() + ")");
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  static String key(String rule, String repo, String location) {
    return rule + "|" + repo + "|" + location;
  }

  /** Joins the findings (not "also consider") of each analysed repository with the labels. */
  static LabelledBenchmark of(Map<String, AnalysisResult> analyses, Map<String, Label> labels) {
    Map<String, int[]> perRule = new TreeMap<>(); // rule -> {true, false, not-worth-it}
    Map<String, Integer> perRepo = new TreeMap<>();
    List<String> unlabelled = new ArrayList<>();
    List<String> falseAgain = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    analyses.forEach(
        (repo, result) -> {
          List<Finding> findings = result.rules().findings();
          perRepo.put(repo, findings.size());
          for (Finding f : findings) {
            String location = f.location().toString();
            String k = key(f.ruleId(), repo, location);
            seen.add(k);
            Label l = labels.get(k);
            if (l == null) {
              unlabelled.add(
                  f.ruleId() + ".tsv: " + repo + "\t" + location + "\t?\t?\t" + f.message());
              continue;
            }
            int[] c = perRule.computeIfAbsent(f.ruleId(), r -> new int[3]);
            switch (l.label()) {
              case "true" -> c[0]++;
              case "false" -> {
                c[1]++;
                falseAgain.add(
                    l.at() + ": " + f.ruleId() + " " + repo + " " + location + ": " + l.reason());
              }
              default -> c[2]++;
            }
          }
        });
    List<String> stale = new ArrayList<>();
    labels.forEach(
        (k, l) -> {
          if (!seen.contains(k) && analyses.containsKey(l.repo())) {
            stale.add(
                l.at()
                    + ": "
                    + l.rule()
                    + " "
                    + l.repo()
                    + " "
                    + l.location()
                    + " ("
                    + l.label()
                    + ")");
          }
        });
    return new LabelledBenchmark(perRule, perRepo, unlabelled, falseAgain, stale);
  }

  int trueCount() {
    return perRule.values().stream().mapToInt(c -> c[0]).sum();
  }

  int labelledCount() {
    return perRule.values().stream().mapToInt(c -> c[0] + c[1] + c[2]).sum();
  }

  /** True ÷ all labelled findings; 1 when there is none (nothing reported, nothing wrong). */
  double precision() {
    return labelledCount() == 0 ? 1.0 : (double) trueCount() / labelledCount();
  }

  static double precision(int[] c) {
    return (double) c[0] / (c[0] + c[1] + c[2]);
  }

  /** Rules under {@link #MIN_PER_RULE}, with their precision. */
  List<String> rulesUnderTheBar() {
    List<String> out = new ArrayList<>();
    perRule.forEach(
        (rule, c) -> {
          if (precision(c) < MIN_PER_RULE) {
            out.add(String.format(Locale.ROOT, "%s %.1f%%", rule, 100 * precision(c)));
          }
        });
    return out;
  }

  /** The precision table per rule and overall, then findings per repository (most first). */
  String table() {
    StringBuilder t = new StringBuilder("rule   true false nwi  precision\n");
    perRule.forEach(
        (rule, c) ->
            t.append(
                String.format(
                    Locale.ROOT,
                    "%-6s %4d %5d %3d  %5.1f%%%n",
                    rule,
                    c[0],
                    c[1],
                    c[2],
                    100 * precision(c))));
    t.append(
        String.format(
            Locale.ROOT,
            "all    %d of %d true: %.1f%% (bar: %.0f%% overall, %.0f%% per rule)%n",
            trueCount(),
            labelledCount(),
            100 * precision(),
            100 * MIN_OVERALL,
            100 * MIN_PER_RULE));
    long none = perRepo.values().stream().filter(n -> n == 0).count();
    t.append("findings per repository (default output; ")
        .append(none)
        .append(" of ")
        .append(perRepo.size())
        .append(" repositories have none):\n");
    perRepo.entrySet().stream()
        .filter(e -> e.getValue() > 0)
        .sorted(
            Map.Entry.<String, Integer>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .forEach(
            e -> t.append(String.format(Locale.ROOT, "  %3d  %s%n", e.getValue(), e.getKey())));
    if (!stale.isEmpty()) {
      t.append("stale labels (their finding no longer appears: delete or keep as history):\n");
      stale.forEach(s -> t.append("  ").append(s).append('\n'));
    }
    if (!unlabelled.isEmpty()) {
      t.append("findings with no label (fill label and reason, paste into the rule's TSV):\n");
      unlabelled.forEach(s -> t.append("  ").append(s).append('\n'));
    }
    return t.toString();
  }
}
