package dev.pipeperf.report;

import dev.pipeperf.estimate.DurationRange;
import dev.pipeperf.graph.JobInstance;
import dev.pipeperf.graph.PipelineGraph;
import dev.pipeperf.review.Timeline;
import dev.pipeperf.source.Escape;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A page printed as HTML: the same blocks as the markdown page, charts drawn as inline SVG (no
 * script). Tables turn into labelled cards on narrow screens; paths break at their slashes, never
 * mid-word.
 */
final class HtmlPage implements Page {

  /** SVG user units of a Gantt chart's width; the page scales it to the column. */
  private static final int GANTT_WIDTH = 420;

  private static final int ROW = 34;

  /** Boxes per row of a job graph before a layer wraps. */
  static final int MAX_COLUMNS = 4;

  private final PrintWriter out;
  private boolean sectionOpen;

  static final String CSS =
      """
      :root{--crit:#c62828;--bar:#5c7cfa;--ok:#2e7d32;--warn:#ef6c00;--ink:#1d2330;--muted:#5f6b7a;\
      --line:#d9dee5;--bg:#f6f7f9}
      *{box-sizing:border-box}
      body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);\
      background:var(--bg)}
      main{max-width:1100px;margin:0 auto;padding:16px}
      h1{font-size:1.5rem;margin:.2rem 0 .8rem;overflow-wrap:anywhere}
      h2{font-size:1.2rem;margin:1.6rem 0 .6rem;border-bottom:1px solid var(--line);padding-bottom:.2rem}
      h3{font-size:1rem;margin:1rem 0 .4rem}
      .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(160px,1fr));gap:10px}
      .card{background:#fff;border:1px solid var(--line);border-radius:8px;padding:10px 12px}
      .card b{display:block;font-size:1.2rem;overflow-wrap:break-word}
      .card.verdict{grid-column:1/-1}
      .card span{color:var(--muted);font-size:.85rem}
      .verdict-APPROVED b,.verdict-APPROVED_WITH_RECOMMENDATIONS b{color:var(--ok)}
      .verdict-CHANGES_REQUESTED b{color:var(--warn)}
      .verdict-BLOCKED b{color:var(--crit)}
      .panel{background:#fff;border:1px solid var(--line);border-radius:8px;padding:10px;margin:8px 0}
      svg{display:block;width:100%;height:auto}
      .gantt{max-width:680px}
      .graph{margin:0 auto}
      svg text{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;fill:var(--ink)}
      .legend{color:var(--muted);font-size:.85rem}
      .legend i{display:inline-block;width:12px;height:12px;border-radius:2px;vertical-align:-1px;\
      margin:0 4px 0 10px}
      table{border-collapse:collapse;width:100%;background:#fff}
      th,td{border:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}
      th{background:#eef1f5}
      code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.85em;\
      overflow-wrap:break-word}
      td,th,p,li{overflow-wrap:break-word}
      pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#f3f4f6;padding:8px;border-radius:6px;\
      margin:.4rem 0 0;font-size:.8rem}
      .sev{font-weight:600;white-space:nowrap}
      .sev-blocker,.sev-high{color:var(--crit)}
      .sev-medium{color:var(--warn)}
      .sev-low,.sev-info{color:var(--muted)}
      ul{padding-left:1.2rem}
      footer{color:var(--muted);font-size:.8rem;margin:2rem 0 1rem}
      @media (max-width:640px){
        main{padding:10px}
        .card b{font-size:1.05rem}
        .gantt text.job{font-size:14px}
        table thead{display:none}
        table,table tbody{display:block}
        table tr{display:block;border:1px solid var(--line);border-radius:8px;margin:0 0 10px;\
      background:#fff}
        table td{display:block;border:0;padding:4px 10px}
        table td[data-label]::before{content:attr(data-label) ": ";color:var(--muted);\
      font-size:.8rem}
      }
      """;

  HtmlPage(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void title(String text) {
    closeSection();
    out.println("<h1>" + esc(text) + "</h1>");
  }

  @Override
  public void section(String id, String title) {
    closeSection();
    out.println("<section id=\"" + esc(id) + "\">");
    out.println("<h2>" + esc(title) + "</h2>");
    sectionOpen = true;
  }

  /** Ends the open section, if any (before the footer). */
  void closeSection() {
    if (sectionOpen) {
      out.println("</section>");
      sectionOpen = false;
    }
  }

  @Override
  public void subsection(String title) {
    out.println("<h3>" + esc(title) + "</h3>");
  }

  @Override
  public void paragraph(String inline) {
    out.println("<p>" + inline(inline) + "</p>");
  }

  @Override
  public void bullets(List<String> items) {
    out.println("<ul>");
    items.forEach(i -> out.println("<li>" + inline(i) + "</li>"));
    out.println("</ul>");
  }

  @Override
  public void numbered(List<String> items) {
    out.println("<ol>");
    items.forEach(i -> out.println("<li>" + inline(i) + "</li>"));
    out.println("</ol>");
  }

  @Override
  public void table(List<String> header, List<List<String>> rows) {
    out.println("<table>");
    out.print("<thead><tr>");
    header.forEach(h -> out.print("<th>" + inline(h) + "</th>"));
    out.println("</tr></thead>");
    out.println("<tbody>");
    for (List<String> row : rows) {
      out.print("<tr>");
      for (int i = 0; i < row.size(); i++) {
        String label = i < header.size() ? Page.plain(header.get(i)) : "";
        out.print(
            (label.isEmpty() ? "<td>" : "<td data-label=\"" + esc(label) + "\">")
                + inline(row.get(i))
                + "</td>");
      }
      out.println("</tr>");
    }
    out.println("</tbody>");
    out.println("</table>");
  }

  @Override
  public void preformatted(String text) {
    out.println("<pre>" + esc(Page.plain(text).stripTrailing()) + "</pre>");
  }

  @Override
  public void divider() {
    closeSection();
    out.println("<hr>");
  }

  @Override
  public void gantt(Timeline now, Timeline opt) {
    out.println("<div class=\"panel\">");
    out.println(
        "<p class=\"legend\"><i style=\"background:var(--crit)\"></i>critical path"
            + "<i style=\"background:var(--bar)\"></i>other jobs"
            + "<i style=\"background:#cfd6df\"></i>slack</p>");
    double scale = Math.max(now.path().length().high(), 1);
    gantt("Current: " + now.path().length().formatMinutes(), now, null, scale);
    gantt("Optimised: " + opt.path().length().formatMinutes(), opt, now, scale);
    out.println("</div>");
  }

  @Override
  public void jobGraph(Timeline t, PipelineGraph g, String caption) {
    out.println("<div class=\"panel\">");
    graph(t, g, caption);
    out.println("</div>");
  }

  /**
   * Inline markup to HTML: the text escaped, then {@code `code`} and {@code **bold**} spans; paths
   * inside code may break after a slash ({@code <wbr>}), nowhere else.
   */
  static String inline(String s) {
    return Page.format(
        s, HtmlPage::esc, c -> "<code>" + breakable(esc(c)) + "</code>", "<strong>", "</strong>");
  }

  private static String breakable(String code) {
    return code.replace("/", "/<wbr>");
  }

  private void gantt(String title, Timeline t, Timeline before, double scale) {
    List<Timeline.Entry> rows = new ArrayList<>(t.critical());
    rows.addAll(t.offPath());
    rows.sort(
        (a, b) -> {
          int c = Double.compare(a.start().high(), b.start().high());
          return c != 0 ? c : a.job().key().compareTo(b.job().key());
        });
    int top = 24;
    int axis = 22;
    int height = top + rows.size() * ROW + axis;
    int left = 4;
    int right = GANTT_WIDTH - 8;
    double px = (right - left) / scale;
    out.printf(
        Locale.ROOT,
        "<svg class=\"gantt\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">%n",
        GANTT_WIDTH,
        height,
        esc(title));
    out.printf(
        Locale.ROOT,
        "<text x=\"%d\" y=\"16\" font-size=\"13\" font-weight=\"600\">%s</text>%n",
        left,
        esc(title));
    double tick = tick(scale);
    for (double s = 0; s <= scale + 0.1; s += tick) {
      double x = left + s * px;
      out.printf(
          Locale.ROOT,
          "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#e3e7ec\"/>%n",
          x,
          top,
          x,
          top + rows.size() * ROW);
      out.printf(
          Locale.ROOT,
          "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" fill=\"#5f6b7a\" text-anchor=\"%s\">%s</text>%n",
          x,
          height - 6,
          s == 0 ? "start" : "middle",
          esc(DurationRange.formatSeconds(s)));
    }
    int y = top;
    for (Timeline.Entry e : rows) {
      boolean crit = t.critical().contains(e);
      double x = left + e.start().high() * px;
      double w = e.duration().high() * px;
      String label = e.job().displayName() + " · " + e.duration().format();
      if (before != null && e.duration().high() == 0) {
        label = e.job().displayName() + " · eliminated";
      }
      // Labels sit above their bars; one that would run off the right edge ends there instead,
      // and one longer than the chart is clipped so that it never leaves the SVG on either side.
      int maxChars = (int) ((right - left) / 7.6);
      label = Figures.clip(label, maxChars);
      boolean fits = x + label.length() * 7.6 <= right;
      out.printf(
          Locale.ROOT,
          "<text class=\"job\" x=\"%.1f\" y=\"%d\" font-size=\"13\"%s>%s</text>%n",
          fits ? x : (double) right,
          y + 12,
          fits ? "" : " text-anchor=\"end\"",
          esc(label));
      if (w > 0) {
        if (!crit && e.slack().high() > 0) {
          out.printf(
              Locale.ROOT,
              "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"12\" rx=\"2\" fill=\"#cfd6df\"/>%n",
              x + w,
              y + 16,
              Math.min(e.slack().high() * px, right - x - w));
        }
        out.printf(
            Locale.ROOT,
            "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"12\" rx=\"2\" fill=\"%s\">"
                + "<title>%s</title></rect>%n",
            x,
            y + 16,
            Math.max(w, 1.5),
            crit ? "#c62828" : "#5c7cfa",
            esc(
                e.job().displayName()
                    + ": starts "
                    + e.start().format()
                    + ", runs "
                    + e.duration().format()
                    + (crit ? " (critical)" : ", slack " + e.slack().format())));
      }
      y += ROW;
    }
    out.println("</svg>");
  }

  /** A readable axis step: 10s, 30s, 1, 2, 5, 10, 15, 30 minutes... about 4 to 10 ticks. */
  static double tick(double seconds) {
    double[] steps = {10, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200};
    for (double s : steps) {
      if (seconds / s <= 8) {
        return s;
      }
    }
    return Math.ceil(seconds / 8 / 3600) * 3600;
  }

  private void graph(Timeline t, PipelineGraph g, String caption) {
    List<Timeline.Entry> all = new ArrayList<>(t.critical());
    all.addAll(t.offPath());
    all.sort((a, b) -> Integer.compare(g.span(a.job()).start(), g.span(b.job()).start()));
    Map<JobInstance, Timeline.Entry> entries = new IdentityHashMap<>();
    all.forEach(e -> entries.put(e.job(), e));
    Map<JobInstance, Integer> layer = new IdentityHashMap<>();
    for (Timeline.Entry e : all) {
      layer(e.job(), g, entries, layer, 0);
    }
    int layers = layer.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
    List<List<JobInstance>> rows = new ArrayList<>();
    for (int i = 0; i < layers; i++) {
      rows.add(new ArrayList<>());
    }
    for (Timeline.Entry e : all) {
      rows.get(layer.get(e.job())).add(e.job());
    }
    // A wide layer (a matrix of dozens of jobs) wraps onto several rows, so a big workflow's graph
    // keeps readable boxes instead of shrinking into a strip.
    List<List<JobInstance>> wrapped = new ArrayList<>();
    for (List<JobInstance> row : rows) {
      for (int i = 0; i < row.size(); i += MAX_COLUMNS) {
        wrapped.add(row.subList(i, Math.min(row.size(), i + MAX_COLUMNS)));
      }
    }
    rows = wrapped;
    layers = rows.size();
    int boxW = 170;
    int boxH = 46;
    int gapX = 16;
    int gapY = 34;
    int widest = rows.stream().mapToInt(List::size).max().orElse(1);
    int width = Math.max(1, widest) * (boxW + gapX) + gapX;
    int height = layers * (boxH + gapY);
    Map<JobInstance, int[]> pos = new IdentityHashMap<>();
    for (int r = 0; r < rows.size(); r++) {
      List<JobInstance> row = rows.get(r);
      int rowWidth = row.size() * (boxW + gapX) - gapX;
      int x0 = (width - rowWidth) / 2;
      for (int i = 0; i < row.size(); i++) {
        pos.put(row.get(i), new int[] {x0 + i * (boxW + gapX), gapY / 2 + r * (boxH + gapY)});
      }
    }
    java.util.Set<JobInstance> critical =
        java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    t.critical().forEach(e -> critical.add(e.job()));
    out.printf(
        Locale.ROOT,
        "<svg class=\"graph\" viewBox=\"0 0 %d %d\" style=\"max-width:%dpx\" role=\"img\""
            + " aria-label=\"%s\">%n",
        width,
        height,
        width * 3 / 2,
        esc(caption + " job graph of " + t.workflow().displayName()));
    String marker = "m" + caption.charAt(0) + Integer.toHexString(t.workflow().path().hashCode());
    out.printf(
        Locale.ROOT,
        "<defs><marker id=\"%s\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"9\""
            + " markerHeight=\"9\" markerUnits=\"userSpaceOnUse\" orient=\"auto\"><path d=\"M0 0L10 5L0 10z\""
            + " fill=\"#8a94a3\"/></marker>"
            + "<marker id=\"%sc\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"9\""
            + " markerHeight=\"9\" markerUnits=\"userSpaceOnUse\" orient=\"auto\"><path d=\"M0 0L10 5L0"
            + " 10z\" fill=\"#c62828\"/></marker></defs>%n",
        marker,
        marker);
    for (Timeline.Entry e : all) {
      int[] to = pos.get(e.job());
      for (JobInstance up : g.upstreamJobs(e.job())) {
        int[] from = pos.get(up);
        if (from == null) {
          continue;
        }
        boolean crit = MarkdownPage.consecutive(t, up, e.job());
        double x1 = from[0] + boxW / 2.0;
        double y1 = from[1] + boxH;
        double x2 = to[0] + boxW / 2.0;
        double y2 = to[1];
        double my = (y1 + y2) / 2;
        out.printf(
            Locale.ROOT,
            "<path d=\"M%.1f %.1f C%.1f %.1f %.1f %.1f %.1f %.1f\" fill=\"none\" stroke=\"%s\""
                + " stroke-width=\"%s\" marker-end=\"url(#%s)\"/>%n",
            x1,
            y1,
            x1,
            my,
            x2,
            my,
            x2,
            y2 - 1,
            crit ? "#c62828" : "#8a94a3",
            crit ? "3" : "1.5",
            crit ? marker + "c" : marker);
      }
    }
    for (Timeline.Entry e : all) {
      int[] p = pos.get(e.job());
      boolean crit = critical.contains(e.job());
      out.printf(
          Locale.ROOT,
          "<g><rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"6\" fill=\"%s\" stroke=\"%s\""
              + " stroke-width=\"%s\"/>%n",
          p[0],
          p[1],
          boxW,
          boxH,
          crit ? "#fde2e2" : "#ffffff",
          crit ? "#c62828" : "#8a94a3",
          crit ? "2" : "1");
      out.printf(
          Locale.ROOT,
          "<text x=\"%d\" y=\"%d\" font-size=\"12\" font-weight=\"600\" text-anchor=\"middle\">%s</text>%n",
          p[0] + boxW / 2,
          p[1] + 19,
          esc(Figures.clip(e.job().displayName(), 24)));
      out.printf(
          Locale.ROOT,
          "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\" fill=\"#5f6b7a\">%s</text>"
              + "</g>%n",
          p[0] + boxW / 2,
          p[1] + 36,
          esc(e.duration().format() + (crit ? " · critical" : " · slack " + e.slack().format())));
    }
    out.println("</svg>");
    out.println(
        "<p class=\"legend\">Critical path ("
            + esc(caption)
            + "): "
            + esc(
                String.join(" → ", t.critical().stream().map(e -> e.job().displayName()).toList())
                    + " = "
                    + t.path().length().formatMinutes())
            + "</p>");
  }

  private static int layer(
      JobInstance job,
      PipelineGraph g,
      Map<JobInstance, Timeline.Entry> entries,
      Map<JobInstance, Integer> memo,
      int depth) {
    Integer known = memo.get(job);
    if (known != null) {
      return known;
    }
    int l = 0;
    if (depth < 200) {
      for (JobInstance up : g.upstreamJobs(job)) {
        if (entries.containsKey(up)) {
          l = Math.max(l, layer(up, g, entries, memo, depth + 1) + 1);
        }
      }
    }
    memo.put(job, l);
    return l;
  }

  /** Text made safe for HTML element content and attribute values. */
  static String esc(String s) {
    return Escape.html(s);
  }
}
