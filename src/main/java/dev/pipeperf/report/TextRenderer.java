package dev.pipeperf.report;

import dev.pipeperf.AnalysisResult;
import dev.pipeperf.estimate.DurationRange;
import dev.pipeperf.source.Diagnostic;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * The terminal summary: a header, each workflow's critical path as a timeline of bars, the jobs off
 * the path with their slack, then diagnostics as {@code path:line:col: message} so terminals turn
 * them into links.
 */
public final class TextRenderer {

  private static final int BAR_WIDTH = 40;

  private final boolean colour;

  /**
   * @param colour ANSI colour, only on a terminal and never with {@code NO_COLOR}
   */
  public TextRenderer(boolean colour) {
    this.colour = colour;
  }

  public void render(AnalysisResult result, PrintWriter out) {
    List<Timeline> timelines = Timeline.of(result);
    int jobs = timelines.stream().mapToInt(Timeline::jobCount).sum();
    out.printf(
        Locale.ROOT,
        "%s%n  %d workflow%s, %d job%s, %d file%s read, %d diagnostic%s%n",
        bold("pipeperf · " + result.workspace().root().getFileName()),
        timelines.size(),
        plural(timelines.size()),
        jobs,
        plural(jobs),
        result.workspace().filesRead(),
        plural(result.workspace().filesRead()),
        result.diagnostics().size(),
        plural(result.diagnostics().size()));
    if (timelines.isEmpty()) {
      out.println();
      out.println(
          result.workflowFilter() != null
              ? "  no workflow matches --workflow " + result.workflowFilter()
              : "  no workflows found under .github/workflows");
    }
    for (Timeline t : timelines) {
      renderWorkflow(t, out);
    }
    if (!result.diagnostics().isEmpty()) {
      out.println();
      out.println(bold("diagnostics"));
      for (Diagnostic d : result.diagnostics()) {
        out.println("  " + d);
      }
    }
    out.flush();
  }

  private void renderWorkflow(Timeline t, PrintWriter out) {
    out.println();
    out.printf(
        Locale.ROOT,
        "%s  %s  (on: %s)%n",
        bold(t.workflow().displayName()),
        t.workflow().path(),
        String.join(", ", t.workflow().events()));
    DurationRange length = t.path().length();
    out.printf(
        Locale.ROOT,
        "  critical path %s · %d job%s · %s of job time · parallelism %.1f×%n",
        highlight(length.formatMinutes()),
        t.jobCount(),
        plural(t.jobCount()),
        t.path().work().formatMinutes(),
        t.path().parallelism());
    if (t.critical().isEmpty()) {
      return;
    }
    double scale = Math.max(length.high(), 1) / BAR_WIDTH;
    int nameWidth = 12;
    for (Timeline.Entry e : t.critical()) {
      nameWidth = Math.max(nameWidth, e.job().displayName().length());
    }
    for (Timeline.Entry e : t.offPath()) {
      nameWidth = Math.max(nameWidth, e.job().displayName().length());
    }
    nameWidth = Math.min(nameWidth, 48);
    out.println();
    out.printf(
        Locale.ROOT,
        "  %-" + nameWidth + "s %9s  %s%n",
        "on the critical path",
        "duration",
        axis(length.high()));
    for (Timeline.Entry e : t.critical()) {
      out.printf(
          Locale.ROOT,
          "  %-" + nameWidth + "s %9s  %s  %s%n",
          clip(e.job().displayName(), nameWidth),
          e.duration().format(),
          highlight(bar(e.start().high(), e.duration().high(), scale)),
          e.provenance());
    }
    if (!t.offPath().isEmpty()) {
      out.println();
      out.printf(
          Locale.ROOT,
          "  %-" + nameWidth + "s %9s  %9s  %s%n",
          "off the critical path",
          "duration",
          "slack",
          "");
      for (Timeline.Entry e : t.offPath()) {
        out.printf(
            Locale.ROOT,
            "  %-" + nameWidth + "s %9s  %9s  %s  %s%n",
            clip(e.job().displayName(), nameWidth),
            e.duration().format(),
            e.slack().format(),
            dim(bar(e.start().high(), e.duration().high(), scale)),
            e.provenance());
      }
    }
  }

  static String bar(double start, double duration, double scale) {
    int from = (int) Math.round(start / scale);
    int len = Math.max(1, (int) Math.round(duration / scale));
    from = Math.min(from, BAR_WIDTH - 1);
    len = Math.min(len, BAR_WIDTH - from);
    return " ".repeat(from) + "█".repeat(len) + " ".repeat(BAR_WIDTH - from - len);
  }

  static String axis(double seconds) {
    StringBuilder sb = new StringBuilder(" ".repeat(BAR_WIDTH));
    String end = DurationRange.formatSeconds(seconds);
    sb.replace(0, 1, "0");
    int at = Math.max(2, BAR_WIDTH - end.length());
    sb.replace(at, at + end.length(), end);
    if (BAR_WIDTH > 16) {
      String mid = DurationRange.formatSeconds(seconds / 2);
      int m = BAR_WIDTH / 2 - mid.length() / 2;
      sb.replace(m, m + mid.length(), mid);
    }
    return sb.toString();
  }

  private static String clip(String s, int width) {
    return s.length() <= width ? s : s.substring(0, width - 1) + "…";
  }

  private static String plural(int n) {
    return n == 1 ? "" : "s";
  }

  private String bold(String s) {
    return colour ? "\u001b[1m" + s + "\u001b[0m" : s;
  }

  private String highlight(String s) {
    return colour ? "\u001b[33m" + s + "\u001b[0m" : s;
  }

  private String dim(String s) {
    return colour ? "\u001b[2m" + s + "\u001b[0m" : s;
  }
}
