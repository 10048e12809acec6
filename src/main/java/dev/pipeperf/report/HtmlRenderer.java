package dev.pipeperf.report;

import dev.pipeperf.Version;
import dev.pipeperf.analysis.AnalysisResult;
import dev.pipeperf.review.Review;
import dev.pipeperf.review.Timeline;
import dev.pipeperf.review.Verdict;
import dev.pipeperf.rules.Finding;
import java.io.PrintWriter;
import java.util.List;

/**
 * One self-contained HTML page with every section of the markdown report (the same {@link
 * VerdictSections} and {@link GuideSections} printed through {@link HtmlPage}): Gantt charts and
 * job graphs as inline SVG, then the full findings table. Inline CSS, no script, nothing fetched;
 * readable from phone to desktop widths.
 */
public final class HtmlRenderer {

  private final AnalysisResult result;
  private final PrintWriter out;

  private HtmlRenderer(AnalysisResult result, PrintWriter out) {
    this.result = result;
    this.out = out;
  }

  public static void render(AnalysisResult result, PrintWriter out) {
    new HtmlRenderer(result, out).write();
    out.flush();
  }

  private void write() {
    Review review = Review.of(result);
    Verdict verdict = review.verdict();
    String name = VerdictSections.rootName(result);
    out.println("<!DOCTYPE html>");
    out.println("<html lang=\"en\">");
    out.println("<head>");
    out.println("<meta charset=\"utf-8\">");
    out.println("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    out.println("<title>pipeperf · " + HtmlPage.esc(name) + "</title>");
    out.println("<style>");
    out.print(HtmlPage.CSS);
    out.println("</style>");
    out.println("</head>");
    out.println("<body>");
    out.println("<main>");
    HtmlPage page = new HtmlPage(out);
    VerdictSections sections = new VerdictSections(review, page);
    sections.header();
    out.println("<div class=\"cards\">");
    card(
        "verdict verdict-" + verdict.decision().name(),
        verdict.headline(),
        String.join("; ", verdict.reasons()));
    card("", Verdict.formatScore(verdict.score()), "performance score");
    for (int i = 0; i < review.current().size(); i++) {
      Timeline t = review.current().get(i);
      card(
          "",
          t.path().length().formatMinutes()
              + " → "
              + review.optimised().get(i).path().length().formatMinutes(),
          t.workflow().displayName() + ": critical path now → with every fix");
    }
    card("", String.valueOf(result.rankedFindings().size()), "findings");
    out.println("</div>");
    sections.body();
    new GuideSections(review, page).write();
    page.section("findings", "All findings");
    findingsTable();
    page.closeSection();
    out.println(
        "<footer>pipeperf "
            + HtmlPage.esc(Version.current())
            + " · durations are ranges (optimistic–pessimistic); bars show the pessimistic"
            + " bound</footer>");
    out.println("</main>");
    out.println("</body>");
    out.println("</html>");
  }

  private void card(String cls, String big, String small) {
    out.println(
        "<div class=\"card "
            + cls
            + "\"><b>"
            + HtmlPage.esc(big)
            + "</b><span>"
            + HtmlPage.esc(small)
            + "</span></div>");
  }

  private void findingsTable() {
    List<Finding> findings = result.rankedFindings();
    if (findings.isEmpty()) {
      out.println("<p>No findings.</p>");
      return;
    }
    out.println("<table class=\"findings\">");
    out.println(
        "<thead><tr><th>severity</th><th>rule</th><th>where</th><th>what and fix</th>"
            + "<th>saves</th><th>effort</th></tr></thead>");
    out.println("<tbody>");
    for (Finding f : findings) {
      String saves = TextRenderer.describe(f.saving());
      out.println("<tr>");
      out.println(
          "<td data-label=\"severity\" class=\"sev sev-"
              + f.severity().word()
              + "\">"
              + f.severity().word()
              + "</td>");
      out.println(
          "<td data-label=\"rule\"><code>"
              + HtmlPage.esc(f.ruleId())
              + "</code> "
              + HtmlPage.esc(f.ruleName())
              + "</td>");
      out.println(
          "<td data-label=\"where\"><code>"
              + HtmlPage.esc(f.location().toString())
              + "</code></td>");
      out.println(
          "<td>"
              + HtmlPage.esc(f.message())
              + "<details><summary>fix</summary><pre>"
              + HtmlPage.esc(f.fix())
              + "</pre></details></td>");
      out.println(
          "<td data-label=\"saves\">" + HtmlPage.esc(saves.isEmpty() ? "—" : saves) + "</td>");
      out.println(
          "<td data-label=\"effort\">"
              + HtmlPage.esc(f.effort().word())
              + " (~"
              + HtmlPage.esc(MarkdownRenderer.hours(f.effortHours()))
              + ")</td>");
      out.println("</tr>");
    }
    out.println("</tbody>");
    out.println("</table>");
  }

  /** Text made safe for HTML element content and attribute values. */
  static String esc(String s) {
    return HtmlPage.esc(s);
  }
}
