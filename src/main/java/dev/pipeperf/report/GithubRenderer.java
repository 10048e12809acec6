package dev.pipeperf.report;

import dev.pipeperf.analysis.AnalysisResult;
import dev.pipeperf.rules.Finding;
import dev.pipeperf.source.Escape;
import java.io.PrintWriter;

/**
 * GitHub Actions workflow commands: one {@code ::error}, {@code ::warning} or {@code ::notice} per
 * finding, so the run and the pull request show them on the lines they are about.
 */
public final class GithubRenderer {

  private GithubRenderer() {}

  public static void render(AnalysisResult result, PrintWriter out) {
    render(result, out, false);
  }

  /**
   * As {@link #render(AnalysisResult, PrintWriter)}; with {@code all}, the "also consider" items
   * too, as notices (annotations on every hygiene item would bury the findings).
   */
  public static void render(AnalysisResult result, PrintWriter out, boolean all) {
    for (Finding f : result.rankedFindings().stream().sorted().toList()) {
      out.println(command(f));
    }
    if (all) {
      for (Finding f : result.alsoConsider().stream().sorted().toList()) {
        out.println(command(f).replaceFirst("^::(error|warning) ", "::notice "));
      }
    }
    out.flush();
  }

  /** {@code ::error file=…,line=…,col=…,title=PP001 redundant-retag-job::message}. */
  static String command(Finding f) {
    String kind =
        switch (f.severity()) {
          case BLOCKER, HIGH -> "error";
          case MEDIUM -> "warning";
          case LOW, INFO -> "notice";
        };
    StringBuilder sb = new StringBuilder("::").append(kind).append(' ');
    sb.append("file=").append(property(f.location().file()));
    if (f.location().line() > 0) {
      sb.append(",line=").append(f.location().line());
      if (f.location().column() > 0) {
        sb.append(",col=").append(f.location().column());
      }
    }
    sb.append(",title=").append(property(f.ruleId() + " " + f.ruleName()));
    String saves = TextRenderer.describe(f.saving());
    String message = f.message() + (saves.isEmpty() ? "" : "; " + saves) + "\nFix: " + f.fix();
    sb.append("::").append(data(message));
    return sb.toString();
  }

  /** Escapes a command's message as the runner expects: {@code %}, CR, LF. */
  static String data(String s) {
    return Escape.annotationData(s);
  }

  /** Escapes a property value: as {@link #data}, plus {@code :} and {@code ,}. */
  static String property(String s) {
    return Escape.annotationProperty(s);
  }
}
