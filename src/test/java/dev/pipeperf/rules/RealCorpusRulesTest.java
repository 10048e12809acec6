package dev.pipeperf.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipeperf.testing.CorpusAnalyses;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The whole analysis — discovery, parsers, graph, estimates, every rule — over each of the 34 real
 * repositories of the corpus (analysed once, shared with the labelled benchmark): nothing throws,
 * and the findings per rule are printed so a change in a rule's reach shows in the build log.
 */
class RealCorpusRulesTest {

  @Test
  void everyRealRepositoryIsAnalysedAndFindingsAreCountedPerRule() {
    Map<String, Integer> perRule = new TreeMap<>();
    List<String> repos = new ArrayList<>();
    CorpusAnalyses.real()
        .forEach(
            (name, r) -> {
              repos.add(name + ": " + r.rules().findings().size());
              r.rules().findings().forEach(f -> perRule.merge(f.ruleId(), 1, Integer::sum));
            });
    System.out.println(
        "real corpus: " + repos.size() + " repositories, findings per rule " + perRule);
    assertThat(repos).hasSizeGreaterThanOrEqualTo(30);
    // Only what saves something computable is a finding (the rest is "also consider"); the labelled
    // benchmark (LabelledCorpusTest) judges these. Superseded pull-request runs are everywhere.
    assertThat(perRule).containsKeys("PP014");
    assertThat(repos)
        .as("no repository drowns in findings")
        .allSatisfy(
            line ->
                assertThat(Integer.parseInt(line.substring(line.lastIndexOf(' ') + 1)))
                    .isLessThanOrEqualTo(15));
  }
}
