package dev.pipeperf.report;

import dev.pipeperf.AnalysisResult;
import dev.pipeperf.Version;
import dev.pipeperf.cost.WorkflowCost;
import dev.pipeperf.estimate.DurationRange;
import dev.pipeperf.graph.JobInstance;
import dev.pipeperf.graph.PipelineGraph;
import dev.pipeperf.rules.Finding;
import dev.pipeperf.rules.Practice;
import dev.pipeperf.source.Escape;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One self-contained HTML page: the verdict, an SVG Gantt of each workflow's current and optimised
 * run, the job graph as SVG with the critical path in red, and the findings. Inline CSS, no script,
 * nothing fetched; readable from phone to desktop widths.
 */
public final class HtmlRenderer {

  /** SVG user units of a Gantt chart's width; the page scales it to the column. */
  private static final int GANTT_WIDTH = 420;

  private static final int ROW = 34;

  private static final String CSS =
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
      .verdict-APPROVED b{color:var(--ok)}
      .verdict-CONDITIONALLY_APPROVED b{color:var(--warn)}
      .verdict-CHANGES_REQUIRED b{color:var(--crit)}
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
      overflow-wrap:anywhere}
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
        table.findings thead{display:none}
        table.findings tr{display:block;border:1px solid var(--line);border-radius:8px;margin:0 0 10px;\
      background:#fff}
        table.findings td{display:block;border:0;padding:4px 10px}
        table.findings td[data-label]::before{content:attr(data-label) ": ";color:var(--muted);\
      font-size:.8rem}
      }
      """;

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
    Verdict verdict = Verdict.of(result);
    List<Timeline> current = Timeline.of(result);
    List<Timeline> optimised = Timeline.of(result, result.rules().optimised());
    String name = rootName();
    out.println("<!DOCTYPE html>");
    out.println("<html lang=\"en\">");
    out.println("<head>");
    out.println("<meta charset=\"utf-8\">");
    out.println("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    out.println("<title>pipeperf · " + esc(name) + "</title>");
    out.println("<style>");
    out.print(CSS);
    out.println("</style>");
    out.println("</head>");
    out.println("<body>");
    out.println("<main>");
    out.println("<h1>CI/CD pipeline performance review — " + esc(name) + "</h1>");
    out.println("<div class=\"cards\">");
    card(
        "verdict verdict-" + verdict.decision().name(),
        verdict.headline(),
        String.join("; ", verdict.reasons()));
    card("", Verdict.formatScore(verdict.score()), "performance score");
    for (int i = 0; i < current.size(); i++) {
      Timeline t = current.get(i);
      card(
          "",
          t.path().length().formatMinutes()
              + " → "
              + optimised.get(i).path().length().formatMinutes(),
          t.workflow().displayName() + ": critical path now → with every fix");
    }
    int findings = result.rankedFindings().size();
    card("", String.valueOf(findings), "findings");
    out.println("</div>");
    out.println("<p class=\"legend\">" + esc(Verdict.FORMULA) + "</p>");

    if (!verdict.mustFix().isEmpty()) {
      out.println("<h2 id=\"blocking\">Must fix</h2>");
      for (Finding f : verdict.mustFix()) {
        out.println("<div class=\"panel\">");
        out.println(
            "<p><span class=\"sev sev-"
                + f.severity().word()
                + "\">"
                + f.severity().word()
                + "</span> <code>"
                + esc(f.ruleId())
                + "</code> "
                + esc(f.ruleName())
                + " — <code>"
                + esc(f.location().toString())
                + "</code><br>"
                + esc(f.message())
                + "</p>");
        out.println(
            "<pre>"
                + esc(f.fix())
                + "</pre><p class=\"legend\">effort "
                + esc(f.effort().word())
                + " (~"
                + esc(MarkdownRenderer.hours(f.effortHours()))
                + ")</p>");
        out.println("</div>");
      }
    }
    out.println("<h2 id=\"timeline\">Timeline: current vs optimised</h2>");
    out.println(
        "<p class=\"legend\"><i style=\"background:var(--crit)\"></i>critical path"
            + "<i style=\"background:var(--bar)\"></i>other jobs"
            + "<i style=\"background:#cfd6df\"></i>slack</p>");
    for (int i = 0; i < current.size(); i++) {
      Timeline now = current.get(i);
      Timeline opt = optimised.get(i);
      out.println("<div class=\"panel\">");
      out.println(
          "<h3>"
              + esc(now.workflow().displayName())
              + " <code>"
              + esc(now.workflow().path())
              + "</code></h3>");
      double scale = Math.max(now.path().length().high(), 1);
      gantt("Current: " + now.path().length().formatMinutes(), now, null, scale);
      gantt("Optimised: " + opt.path().length().formatMinutes(), opt, now, scale);
      WorkflowCost c = result.costs().get(now.workflow().path());
      WorkflowCost oc = result.rules().optimisedCosts().get(now.workflow().path());
      if (c != null && oc != null) {
        out.println(
            "<p class=\"legend\">Billable "
                + esc(c.perRun().minutes().format())
                + " → "
                + esc(oc.perRun().minutes().format())
                + " min per run · "
                + esc(c.monthly().totalDollars().formatDollars())
                + " → "
                + esc(oc.monthly().totalDollars().formatDollars())
                + " a month (runner + waiting, prices as of "
                + result.pricing().effective()
                + ")</p>");
      }
      out.println("</div>");
    }

    out.println("<h2 id=\"graph\">Job graph</h2>");
    out.println(
        "<p class=\"legend\"><i style=\"background:var(--crit)\"></i>critical path"
            + "<i style=\"background:#8a94a3\"></i>needs</p>");
    for (Timeline t : current) {
      out.println("<div class=\"panel\">");
      out.println("<h3>" + esc(t.workflow().displayName()) + "</h3>");
      graph(t);
      out.println("</div>");
    }

    out.println("<h2 id=\"findings\">Findings</h2>");
    findingsTable();

    List<Practice> practices = result.rules().practices();
    out.println("<h2 id=\"practices\">Already optimised</h2>");
    if (practices.isEmpty()) {
      out.println("<p>pipeperf recognised no good practice in place yet.</p>");
    } else {
      out.println("<ul>");
      for (Practice p : practices) {
        out.println(
            "<li>✅ " + esc(p.what()) + " — <code>" + esc(p.location().toString()) + "</code></li>");
      }
      out.println("</ul>");
    }
    out.println(
        "<footer>pipeperf "
            + esc(Version.current())
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
            + esc(big)
            + "</b><span>"
            + esc(small)
            + "</span></div>");
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
      // Labels sit above their bars; one that would run off the right edge ends there instead.
      boolean fits = x + label.length() * 8.4 <= right;
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

  private void graph(Timeline t) {
    PipelineGraph g = result.graph();
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
            + " aria-label=\"job graph of %s\">%n",
        width,
        height,
        width * 3 / 2,
        esc(t.workflow().displayName()));
    String marker = "m" + Integer.toHexString(t.workflow().path().hashCode());
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
        boolean crit = consecutive(t, up, e.job());
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
          esc(clip(e.job().displayName(), 24)));
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
        "<p class=\"legend\">Critical path: "
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

  private static boolean consecutive(Timeline t, JobInstance a, JobInstance b) {
    for (int i = 0; i + 1 < t.critical().size(); i++) {
      if (t.critical().get(i).job() == a && t.critical().get(i + 1).job() == b) {
        return true;
      }
    }
    return false;
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
              + esc(f.ruleId())
              + "</code> "
              + esc(f.ruleName())
              + "</td>");
      out.println(
          "<td data-label=\"where\"><code>" + esc(f.location().toString()) + "</code></td>");
      out.println(
          "<td>"
              + esc(f.message())
              + "<details><summary>fix</summary><pre>"
              + esc(f.fix())
              + "</pre></details></td>");
      out.println("<td data-label=\"saves\">" + esc(saves.isEmpty() ? "—" : saves) + "</td>");
      out.println(
          "<td data-label=\"effort\">"
              + esc(f.effort().word())
              + " (~"
              + esc(MarkdownRenderer.hours(f.effortHours()))
              + ")</td>");
      out.println("</tr>");
    }
    out.println("</tbody>");
    out.println("</table>");
  }

  private String rootName() {
    java.nio.file.Path name = result.workspace().root().toAbsolutePath().normalize().getFileName();
    return name == null ? "/" : name.toString();
  }

  private static String clip(String s, int width) {
    return s.length() <= width ? s : s.substring(0, width - 1) + "…";
  }

  /** Text made safe for HTML element content and attribute values. */
  static String esc(String s) {
    return Escape.html(s);
  }
}
