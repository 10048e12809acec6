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
    String saves = TextRenderer.describe(f.saving());
    String message = f.message() + (saves.isEmpty() ? "" : "; " + saves) + "\nFix: " + f.fix();
    return annotation(
        kind,
        f.location().file(),
        f.location().line(),
        f.location().column(),
        f.ruleId() + " " + f.ruleName(),
        message);
  }

  /**
   * One workflow command, the single place pipeperf writes them ({@code analyze --format github}
   * and {@code check --format github}): {@code ::kind file=…,line=…,col=…,title=…::message}, with
   * the properties and the message escaped as the runner expects, so a path or message holding
   * {@code ::}, {@code ,} or a line break can neither end the command early nor start another.
   *
   * @param kind {@code error}, {@code warning} or {@code notice}
   * @param file the file annotated, or null for none (a run-level annotation)
   * @param line 1-based, or 0 for the whole file
   * @param column 1-based, or 0 for the whole line
   */
  public static String annotation(
      String kind, String file, int line, int column, String title, String message) {
    if (!kind.equals("error") && !kind.equals("warning") && !kind.equals("notice")) {
      throw new IllegalArgumentException("not an annotation kind: " + kind);
    }
    StringBuilder props = new StringBuilder();
    if (file != null) {
      props.append("file=").append(property(file));
      if (line > 0) {
        props.append(",line=").append(line);
        if (column > 0) {
          props.append(",col=").append(column);
        }
      }
    }
    if (title != null) {
      props.append(props.isEmpty() ? "" : ",").append("title=").append(property(title));
    }
    return "::" + kind + (props.isEmpty() ? "" : " " + props) + "::" + data(message);
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
