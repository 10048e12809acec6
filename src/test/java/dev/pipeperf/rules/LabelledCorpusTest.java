package dev.pipeperf.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipeperf.testing.CorpusAnalyses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The labelled benchmark (issue 15), part of the normal suite: every finding pipeperf makes on
 * {@code ../shared/corpus/real} — not the "also consider" list — was judged by a reviewer opening
 * the cited line ({@code true | false | not-worth-it} with a reason; one TSV per rule under {@code
 * src/test/resources/labels/}, method in {@code benchmarks/README.md}). Fails when a finding
 * labelled false comes back, when a finding has no label (printed as TSV lines ready to paste), or
 * when precision (true ÷ all reported) falls under 90% overall or 80% for a rule that fires. A
 * label whose finding no longer appears is printed as stale, not failed: a rule that stops firing
 * is not a regression of precision. The 34 analyses are shared with the other corpus tests ({@link
 * CorpusAnalyses}), so this adds seconds. {@code benchmarks/precision.sh} runs this test alone.
 */
class LabelledCorpusTest {

  @Test
  void findingsOnTheRealCorpusAreLabelledAndPrecise() {
    var analyses = CorpusAnalyses.real();
    LabelledBenchmark b =
        LabelledBenchmark.of(analyses, LabelledBenchmark.labels(LabelledBenchmark.LABELS));
    System.out.println("labelled benchmark on " + analyses.size() + " repositories\n" + b.table());
    assertThat(analyses).hasSizeGreaterThanOrEqualTo(30);
    assertThat(b.unlabelled())
        .as(
            "findings with no label: judge each (open the cited line) and add it to the rule's TSV"
                + " under src/test/resources/labels/")
        .isEmpty();
    assertThat(b.falseAgain()).as("findings labelled false reported again").isEmpty();
    assertThat(b.precision()).as("overall precision").isGreaterThanOrEqualTo(0.9);
    assertThat(b.rulesUnderTheBar()).as("rules under 80% precision").isEmpty();
  }

  @TempDir Path tmp;

  /** The join itself: each way the benchmark fails is seen to fail, on a fake analysis. */
  @Test
  void labelFilesAreCheckedLineByLine() throws IOException {
    Files.writeString(
        tmp.resolve("PP014.tsv"),
        LabelledBenchmark.HEADER + "\nr\tci.yml:1:1\tmaybe\treason\tmessage\n");
    assertThatThrownBy(() -> LabelledBenchmark.labels(tmp))
        .hasMessageContaining("PP014.tsv:2")
        .hasMessageContaining("true | false | not-worth-it");
    Files.writeString(
        tmp.resolve("PP014.tsv"),
        LabelledBenchmark.HEADER
            + "\nr\tci.yml:1:1\ttrue\treason\tm\nr\tci.yml:1:1\tfalse\treason\tm\n");
    assertThatThrownBy(() -> LabelledBenchmark.labels(tmp)).hasMessageContaining("labelled twice");
    Files.writeString(tmp.resolve("PP014.tsv"), "repo\tlabel\n");
    assertThatThrownBy(() -> LabelledBenchmark.labels(tmp)).hasMessageContaining("header");
  }

  @Test
  void staleLabelsAreReportedForAnalysedRepositoriesOnly() throws IOException {
    Files.writeString(
        tmp.resolve("PP014.tsv"),
        LabelledBenchmark.HEADER
            + "\nanalysed\tci.yml:3:3\ttrue\tr\tm\nelsewhere\tci.yml:3:3\ttrue\tr\tm\n");
    var labels = LabelledBenchmark.labels(tmp);
    var b = LabelledBenchmark.of(Map.of("analysed", emptyAnalysis()), labels);
    assertThat(b.stale()).singleElement().asString().contains("analysed ci.yml:3:3");
    assertThat(b.precision()).isEqualTo(1.0);
    assertThat(b.table()).contains("stale labels");
  }

  @Test
  void aFalseFindingAgainAndAnUnlabelledOneFailPrecisionIsPerRule() throws IOException {
    // PP014's bad fixture reports two workflows: label one false, leave the other unlabelled.
    var fixture =
        dev.pipeperf.analysis.Analyzer.analyze(
            dev.pipeperf.analysis.Analyzer.Options.of(
                Path.of("src/test/resources/rules/PP014/bad")));
    Files.writeString(
        tmp.resolve("PP014.tsv"),
        LabelledBenchmark.HEADER
            + "\nfixture\t.github/workflows/ci.yml:3:3\tfalse\tthe reviewer said so\tm\n");
    var b = LabelledBenchmark.of(Map.of("fixture", fixture), LabelledBenchmark.labels(tmp));
    assertThat(b.falseAgain()).singleElement().asString().contains("the reviewer said so");
    assertThat(b.unlabelled())
        .filteredOn(line -> line.startsWith("PP014"))
        .singleElement()
        .asString()
        .startsWith("PP014.tsv: fixture\t.github/workflows/target.yml:4:3\t?\t?\t");
    assertThat(b.precision()).isZero();
    assertThat(b.rulesUnderTheBar()).containsExactly("PP014 0.0%");
    assertThat(b.perRepo()).containsEntry("fixture", fixture.rules().findings().size());
  }

  private static dev.pipeperf.analysis.AnalysisResult emptyAnalysis() throws IOException {
    Path repo = Files.createTempDirectory("pipeperf-empty");
    return dev.pipeperf.analysis.Analyzer.analyze(dev.pipeperf.analysis.Analyzer.Options.of(repo));
  }
}
