package dev.pipeperf.report;

import static dev.pipeperf.report.Figures.clip;
import static dev.pipeperf.report.Figures.mermaid;

import dev.pipeperf.estimate.DurationRange;
import dev.pipeperf.graph.JobInstance;
import dev.pipeperf.graph.PipelineGraph;
import dev.pipeperf.review.Timeline;
import dev.pipeperf.source.Escape;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A page printed as GitHub-flavoured markdown: charts as mermaid, each followed by a plain-text
 * fallback in a collapsed block.
 */
final class MarkdownPage implements Page {

  private static final int BAR = 40;

  private final PrintWriter out;

  MarkdownPage(PrintWriter out) {
    this.out = out;
  }

  /** Inline text as markdown: data escaped, spans as backticks and asterisks. */
  static String inline(String s) {
    return Page.format(s, Escape::markdown, c -> "`" + Escape.markdownCode(c) + "`", "**", "**");
  }

  @Override
  public void title(String text) {
    out.println();
    out.println("# " + Escape.markdown(text));
    out.println();
  }

  @Override
  public void section(String id, String title) {
    out.println();
    out.println("## " + Escape.markdown(title));
    out.println();
  }

  @Override
  public void subsection(String title) {
    out.println();
    out.println("### " + Escape.markdown(title));
    out.println();
  }

  @Override
  public void paragraph(String text) {
    out.println(inline(text));
    out.println();
  }

  @Override
  public void bullets(List<String> inline) {
    inline.forEach(i -> out.println("- " + inline(i)));
    out.println();
  }

  @Override
  public void numbered(List<String> inline) {
    int n = 1;
    for (String i : inline) {
      out.println(n++ + ". " + inline(i));
    }
    out.println();
  }

  @Override
  public void table(List<String> header, List<List<String>> rows) {
    out.println("| " + String.join(" | ", header.stream().map(MarkdownPage::cell).toList()) + " |");
    out.println("|" + "---|".repeat(header.size()));
    for (List<String> row : rows) {
      StringBuilder sb = new StringBuilder("|");
      for (String c : row) {
        sb.append(c.isEmpty() ? " |" : " " + cell(c) + " |");
      }
      out.println(sb);
    }
    out.println();
  }

  @Override
  public void preformatted(String text) {
    String fence = text.contains("```") ? "~~~~" : "```";
    out.println(fence + "text");
    out.println(Escape.multiLine(Page.plain(text)).stripTrailing());
    out.println(fence);
    out.println();
  }

  @Override
  public void divider() {
    out.println();
    out.println("---");
    out.println();
  }

  static String cell(String s) {
    return inline(s);
  }

  // ---- charts ----

  @Override
  public void gantt(Timeline now, Timeline opt) {
    out.println("```mermaid");
    out.print(
        ganttChart(
            now.workflow().displayName() + " — current vs optimised",
            List.of(
                "Current " + now.path().length().formatMinutes(),
                "Optimised " + opt.path().length().formatMinutes()),
            List.of(now, opt)));
    out.println("```");
    out.println();
    out.println("<details><summary>Plain-text timeline</summary>");
    out.println();
    out.println("```text");
    double scale = Math.max(now.path().length().high(), 1) / BAR;
    int width = nameWidth(now);
    out.println("CURRENT (" + now.path().length().formatMinutes() + ")");
    textBars(now, null, scale, width);
    out.println();
    out.println("OPTIMISED (" + opt.path().length().formatMinutes() + ")");
    textBars(opt, now, scale, width);
    out.println("```");
    out.println();
    out.println("</details>");
    out.println();
  }

  /**
   * A mermaid gantt of some timelines, one section each. Starts are clock times from 00:00:00
   * ({@code dateFormat HH:mm:ss}) and durations are seconds: a bare number with {@code dateFormat
   * X} is read as milliseconds by current mermaid, which drew every bar from 0:00.
   */
  static String ganttChart(String title, List<String> sections, List<Timeline> timelines) {
    StringBuilder sb = new StringBuilder();
    double longest = 0;
    for (Timeline t : timelines) {
      longest = Math.max(longest, t.path().length().high());
    }
    sb.append("gantt\n");
    sb.append("  title ").append(mermaid(title)).append('\n');
    sb.append("  dateFormat HH:mm:ss\n");
    sb.append(longest >= 3600 ? "  axisFormat %H:%M\n" : "  axisFormat %M:%S\n");
    for (int s = 0; s < timelines.size(); s++) {
      Timeline t = timelines.get(s);
      sb.append("  section ").append(mermaid(sections.get(s))).append('\n');
      int i = 0;
      for (Timeline.Entry e : sortedByStart(t)) {
        long start = Math.round(e.start().high());
        long dur = Math.round(e.duration().high());
        i++;
        if (dur <= 0) {
          continue;
        }
        boolean crit = t.critical().contains(e);
        sb.append(
            String.format(
                Locale.ROOT,
                "  %s :%s%s%d, %s, %ds%n",
                mermaid(e.job().displayName()),
                crit ? "crit, " : "",
                "s" + s + "j",
                i,
                clock(start),
                dur));
      }
    }
    return sb.toString();
  }

  /** Seconds as {@code HH:mm:ss}. */
  static String clock(long seconds) {
    return String.format(
        Locale.ROOT, "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
  }

  private void textBars(Timeline t, Timeline before, double scale, int width) {
    Map<String, Timeline.Entry> old = new LinkedHashMap<>();
    if (before != null) {
      for (Timeline.Entry e : sortedByStart(before)) {
        old.put(e.job().key(), e);
      }
    }
    int durations = 9;
    for (Timeline.Entry e : sortedByStart(t)) {
      durations = Math.max(durations, e.duration().format().length());
    }
    for (Timeline.Entry e : sortedByStart(t)) {
      boolean crit = t.critical().contains(e);
      Timeline.Entry was = old.get(e.job().key());
      String delta = "";
      if (was != null) {
        double d = was.duration().high() - e.duration().high();
        if (e.duration().high() == 0 && was.duration().high() > 0) {
          delta = "  ✅ eliminated (was " + was.duration().format() + ")";
        } else if (d >= 1) {
          delta = "  ✅ -" + DurationRange.formatSeconds(d);
        }
      }
      String bar =
          e.duration().high() == 0
              ? " ".repeat(BAR)
              : TextRenderer.bar(e.start().high(), e.duration().high(), scale);
      out.printf(
          Locale.ROOT,
          "  %-" + width + "s %" + durations + "s %s %s%s%n",
          clip(e.job().displayName(), width),
          e.duration().format(),
          bar,
          crit ? "critical" : "        ",
          delta);
    }
    out.println("  Total: " + t.path().length().formatMinutes());
  }

  static List<Timeline.Entry> sortedByStart(Timeline t) {
    List<Timeline.Entry> all = new ArrayList<>(t.critical());
    all.addAll(t.offPath());
    all.sort(
        (a, b) -> {
          int c = Double.compare(a.start().high(), b.start().high());
          return c != 0 ? c : a.job().key().compareTo(b.job().key());
        });
    return all;
  }

  private static int nameWidth(Timeline t) {
    int w = 12;
    for (Timeline.Entry e : sortedByStart(t)) {
      w = Math.max(w, e.job().displayName().length());
    }
    return Math.min(w, 40);
  }

  @Override
  public void jobGraph(Timeline t, PipelineGraph g, String caption) {
    out.println("```mermaid");
    out.print(flowchart(t, g));
    out.println("```");
    out.println();
    List<Timeline.Entry> all = byGraphOrder(t, g);
    Set<JobInstance> critical = critical(t);
    out.println("```text");
    for (Timeline.Entry e : all) {
      List<String> ups = g.upstreamJobs(e.job()).stream().map(JobInstance::displayName).toList();
      out.println(
          String.format(
                  Locale.ROOT,
                  "%-28s %9s  %s%s",
                  clip(e.job().displayName(), 28),
                  e.duration().format(),
                  critical.contains(e.job())
                      ? "CRITICAL PATH"
                      : "(parallel, slack " + e.slack().format() + ")",
                  ups.isEmpty() ? "" : "  ← needs " + String.join(", ", ups))
              .stripTrailing());
    }
    out.println();
    out.println(
        "Critical path ("
            + caption
            + "): "
            + String.join(" + ", t.critical().stream().map(e -> e.duration().format()).toList())
            + " = "
            + t.path().length().formatMinutes()
            + "  ("
            + String.join(" → ", t.critical().stream().map(e -> e.job().displayName()).toList())
            + ")");
    out.println("```");
    out.println();
  }

  /** A mermaid flowchart of a workflow's jobs, the critical path in red. */
  static String flowchart(Timeline t, PipelineGraph g) {
    StringBuilder sb = new StringBuilder("flowchart TD\n");
    List<Timeline.Entry> all = byGraphOrder(t, g);
    Map<JobInstance, Integer> ids = new IdentityHashMap<>();
    for (Timeline.Entry e : all) {
      ids.put(e.job(), ids.size());
    }
    Set<JobInstance> critical = critical(t);
    for (Timeline.Entry e : all) {
      sb.append(
          String.format(
              Locale.ROOT,
              "  j%d[\"%s<br/>%s%s\"]%n",
              ids.get(e.job()),
              Escape.mermaidLabel(e.job().displayName()),
              e.duration().format(),
              critical.contains(e.job()) ? " · CRITICAL PATH" : ""));
    }
    List<Integer> red = new ArrayList<>();
    int edge = 0;
    for (Timeline.Entry e : all) {
      for (JobInstance up : g.upstreamJobs(e.job())) {
        Integer from = ids.get(up);
        if (from == null) {
          continue;
        }
        boolean crit = consecutive(t, up, e.job());
        sb.append(
            String.format(
                Locale.ROOT, "  j%d %s j%d%n", from, crit ? "==>" : "-->", ids.get(e.job())));
        if (crit) {
          red.add(edge);
        }
        edge++;
      }
    }
    sb.append("  classDef critical fill:#fde2e2,stroke:#c62828,stroke-width:2px\n");
    List<String> critIds = new ArrayList<>();
    for (Timeline.Entry e : t.critical()) {
      critIds.add("j" + ids.get(e.job()));
    }
    if (!critIds.isEmpty()) {
      sb.append("  class ").append(String.join(",", critIds)).append(" critical\n");
    }
    if (!red.isEmpty()) {
      sb.append("  linkStyle ")
          .append(String.join(",", red.stream().map(String::valueOf).toList()))
          .append(" stroke:#c62828,stroke-width:3px\n");
    }
    return sb.toString();
  }

  static List<Timeline.Entry> byGraphOrder(Timeline t, PipelineGraph g) {
    List<Timeline.Entry> all = new ArrayList<>(t.critical());
    all.addAll(t.offPath());
    all.sort((a, b) -> Integer.compare(g.span(a.job()).start(), g.span(b.job()).start()));
    return all;
  }

  static Set<JobInstance> critical(Timeline t) {
    Set<JobInstance> critical = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    t.critical().forEach(e -> critical.add(e.job()));
    return critical;
  }

  static boolean consecutive(Timeline t, JobInstance a, JobInstance b) {
    for (int i = 0; i + 1 < t.critical().size(); i++) {
      if (t.critical().get(i).job() == a && t.critical().get(i + 1).job() == b) {
        return true;
      }
    }
    return false;
  }
}
