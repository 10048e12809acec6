package dev.pipeperf.report;

import dev.pipeperf.analysis.AnalysisResult;
import dev.pipeperf.review.Review;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * The verdict report as markdown (spec §8): the review ({@link VerdictSections}) followed by the
 * visual guide ({@link GuideSections}), every number from the {@link Review} the HTML and JSON
 * reports also print. Mermaid diagrams, each with a plain-text fallback. No clock: the output
 * depends only on the input.
 */
public final class MarkdownRenderer {

  private MarkdownRenderer() {}

  public static void render(AnalysisResult result, PrintWriter out) {
    Review review = Review.of(result);
    StringWriter text = new StringWriter();
    PrintWriter buffer = new PrintWriter(text);
    Page page = new MarkdownPage(buffer);
    new VerdictSections(review, page).write();
    new GuideSections(review, page).write();
    buffer.flush();
    // Blocks each leave a blank line; one is enough, and none at the start.
    out.print(text.toString().replaceAll("\n{3,}", "\n\n").stripLeading().stripTrailing() + "\n");
    out.flush();
  }

  /** {@code 2.5 h}. */
  static String hours(double h) {
    return Figures.hours(h);
  }
}
