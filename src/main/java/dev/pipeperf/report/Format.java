package dev.pipeperf.report;

import dev.pipeperf.analysis.AnalysisResult;
import java.io.PrintWriter;

/**
 * The formats an analysis prints in, shared by the commands that print one ({@code analyze}, {@code
 * report}).
 */
public enum Format {
  text,
  json,
  markdown,
  sarif,
  github,
  html;

  /** A format a reader can still use when it stops half-way (not a JSON or HTML document). */
  public boolean readable() {
    return this == text || this == markdown || this == github;
  }

  /** Prints a result in this format; {@code colour} only matters for text. */
  public void render(AnalysisResult result, boolean colour, PrintWriter out) {
    render(result, colour, false, out);
  }

  /**
   * As above; {@code all} adds every "also consider" item where the format leaves them out (text
   * lists ten, SARIF and annotations none).
   */
  public void render(AnalysisResult result, boolean colour, boolean all, PrintWriter out) {
    switch (this) {
      case json -> new JsonRenderer().render(result, out);
      case text -> new TextRenderer(colour, all).render(result, out);
      case markdown -> MarkdownRenderer.render(result, out);
      case sarif -> SarifRenderer.render(result, out, all);
      case github -> GithubRenderer.render(result, out, all);
      case html -> HtmlRenderer.render(result, out);
    }
  }
}
