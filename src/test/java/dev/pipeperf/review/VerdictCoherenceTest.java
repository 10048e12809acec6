package dev.pipeperf.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipeperf.analysis.AnalysisResult;
import dev.pipeperf.report.MarkdownRenderer;
import dev.pipeperf.testing.CorpusAnalyses;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * On every repository of the real corpus: the decision is the documented function of the evidence,
 * the score agrees with the decision, and every sentence of the recommendation agrees with both.
 */
class VerdictCoherenceTest {

  @TestFactory
  Stream<DynamicTest> decisionScoreAndRecommendationAgreeOnEveryRealRepository() {
    return CorpusAnalyses.real().entrySet().stream()
        .map(e -> DynamicTest.dynamicTest(e.getKey(), () -> check(e.getValue())));
  }

  private static void check(AnalysisResult result) {
    Review review = Review.of(result);
    Verdict v = review.verdict();
    Evidence e = review.evidence();
    double weighted = e.weightedShare();

    assertThat(v.score()).as("score is the formula of E").isEqualTo(Verdict.score(weighted));
    assertThat(e.kinds())
        .as("hygiene never counts")
        .allSatisfy(k -> assertThat(k.findings()).noneMatch(f -> f.alsoConsider()));
    assertThat(v.decision() == Verdict.Decision.BLOCKED)
        .as("blocked exactly when there is a blocker")
        .isEqualTo(!e.blockers().isEmpty());
    if (v.decision() != Verdict.Decision.BLOCKED) {
      assertThat(v.decision() == Verdict.Decision.CHANGES_REQUESTED)
          .as("changes requested exactly when E ≥ 20%% (score ≤ 6); E = %s", weighted)
          .isEqualTo(weighted >= Verdict.CHANGES_SHARE);
      if (v.decision() == Verdict.Decision.CHANGES_REQUESTED) {
        assertThat(v.score()).isLessThanOrEqualTo(6.0);
      } else {
        assertThat(v.score()).isGreaterThan(6.0);
      }
    }
    if (v.decision() == Verdict.Decision.APPROVED) {
      assertThat(v.score()).isGreaterThan(9.5);
      assertThat(v.recommended())
          .noneMatch(f -> f.severity().atLeast(dev.pipeperf.source.Severity.MEDIUM));
    }
    assertThat(v.mustFix().isEmpty())
        .as("must-fix empty exactly when approved")
        .isEqualTo(v.decision().approves());

    StringWriter text = new StringWriter();
    MarkdownRenderer.render(result, new PrintWriter(text));
    String md = text.toString();
    assertThat(md).contains("**Status: " + v.headline() + "**");
    assertThat(md)
        .doesNotContain("saves saves")
        .doesNotContain("$-")
        .doesNotContain("CONDITIONALLY");
    String rec = section(md, "## Final recommendation");
    String upper = rec.toUpperCase(Locale.ROOT);
    assertThat(rec).contains(v.decision().words());
    if (v.decision().approves()) {
      assertThat(upper)
          .doesNotContain("BLOCKED")
          .doesNotContain("CHANGES REQUESTED")
          .doesNotContain("DO NOT");
      assertThat(section(md, "## Approval conditions"))
          .contains("**Must fix before approval:**\n\n- nothing");
    } else {
      assertThat(upper.replace(v.decision().words(), "")).doesNotContain("APPROVE");
      assertThat(section(md, "## Approval conditions"))
          .doesNotContain("**Must fix before approval:**\n\n- nothing");
    }
    if (v.decision() == Verdict.Decision.APPROVED_WITH_RECOMMENDATIONS) {
      assertThat(v.recommended()).as("recommendations to schedule").isNotEmpty();
    }
  }

  private static String section(String md, String heading) {
    int start = md.indexOf(heading);
    assertThat(start).as(heading).isNotNegative();
    int end = md.indexOf("\n## ", start + heading.length());
    return md.substring(start, end < 0 ? md.length() : end);
  }
}
