package dev.pipeperf.report;

import dev.pipeperf.analysis.AnalysisResult;
import dev.pipeperf.analysis.Observations;
import dev.pipeperf.cost.Amount;
import dev.pipeperf.cost.CostInputs;
import dev.pipeperf.cost.MonthlyCost;
import dev.pipeperf.cost.Savings;
import dev.pipeperf.cost.WorkflowCost;
import dev.pipeperf.estimate.DurationRange;
import dev.pipeperf.estimate.observed.ObservedCriticalPath;
import dev.pipeperf.estimate.observed.ObservedTimings;
import dev.pipeperf.review.Timeline;
import dev.pipeperf.rules.Finding;
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
  private final boolean all;

  /**
   * @param colour ANSI colour, only on a terminal and never with {@code NO_COLOR}
   */
  public TextRenderer(boolean colour) {
    this(colour, false);
  }

  /**
   * @param colour ANSI colour, only on a terminal and never with {@code NO_COLOR}
   * @param all every "also consider" item rather than the first {@value #ALSO_CONSIDER_SHOWN}
   */
  public TextRenderer(boolean colour, boolean all) {
    this.colour = colour;
    this.all = all;
  }

  /** How many "also consider" items the default output lists (one line each). */
  static final int ALSO_CONSIDER_SHOWN = 10;

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
      renderCost(result, t, out);
      renderObserved(result, t, out);
    }
    renderPractices(result, out);
    renderFindings(result, out);
    renderAlsoConsider(result, out);
    if (!result.observations().unassignedRuns().isEmpty()) {
      out.println();
      out.println(
          "observed runs matching no workflow: "
              + String.join(
                  ", ",
                  result.observations().unassignedRuns().stream()
                      .map(r -> r.runId() + " (" + r.source() + ")")
                      .toList()));
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

  private void renderCost(AnalysisResult result, Timeline t, PrintWriter out) {
    WorkflowCost c = result.costs().get(t.workflow().path());
    if (c == null) {
      return;
    }
    CostInputs in = result.costInputs();
    MonthlyCost m = c.monthly();
    out.println();
    out.printf(
        Locale.ROOT,
        "  cost  %s billable min per run (%s at %s prices, each job rounded up to the minute)%n",
        c.perRun().minutes().format(),
        c.perRun().dollars().formatDollars(),
        result.pricing().effective());
    out.printf(
        Locale.ROOT,
        "        %s → %s runner time, %s h waiting (%s developer%s × $%s/h → %s)%n",
        c.runsAssumption(),
        m.runnerDollars().formatDollars(),
        m.waitingHours().format(),
        Amount.of(in.waitingDevelopers()).format(),
        in.waitingDevelopers() == 1 ? "" : "s",
        Amount.of(in.developerHourlyCost()).format(),
        m.developerDollars().formatDollars());
    java.util.Set<String> assumptions = new java.util.TreeSet<>();
    c.perRun()
        .lines()
        .forEach(
            l -> {
              if (l.assumption() != null) {
                assumptions.add(l.assumption());
              }
            });
    assumptions.forEach(a -> out.println("        assumed: " + a));
    if (c.events().size() > 1 || c.events().stream().anyMatch(e -> e.notes().size() > 1)) {
      out.println("        per event:");
      for (WorkflowCost.EventCost e : c.events()) {
        out.printf(Locale.ROOT, "          %s: %s%n", e.event().label(), e.figures());
        e.notes().forEach(n -> out.println("            " + n));
      }
    }
  }

  private void renderObserved(AnalysisResult result, Timeline t, PrintWriter out) {
    Observations.WorkflowObservation o = result.observations().workflows().get(t.workflow().path());
    if (o == null) {
      return;
    }
    out.println();
    out.printf(
        Locale.ROOT,
        "  %s (%d run%s; p50–p90)%n",
        bold("estimated vs observed"),
        o.runs().size(),
        plural(o.runs().size()));
    int width = 12;
    List<Timeline.Entry> all = new java.util.ArrayList<>(t.critical());
    all.addAll(t.offPath());
    for (Timeline.Entry e : all) {
      width = Math.max(width, Math.min(48, e.job().displayName().length()));
    }
    out.printf(
        Locale.ROOT,
        "  %-" + width + "s %12s %12s %10s%n",
        "job",
        "estimated",
        "observed",
        "queued");
    for (Timeline.Entry e : all) {
      String name = o.matched().get(e.job().key());
      ObservedTimings.JobTiming timing = name == null ? null : o.timings().job(name).orElse(null);
      out.printf(
          Locale.ROOT,
          "  %-" + width + "s %12s %12s %10s  %s%n",
          clip(e.job().displayName(), width),
          o.estimated().getOrDefault(e.job().key(), e.duration()).format(),
          timing == null ? "-" : timing.run().format(),
          timing == null || timing.queueSamples() == 0 ? "-" : timing.queue().format(),
          e.provenance());
    }
    o.runsPerMonth()
        .ifPresent(
            r ->
                out.printf(
                    Locale.ROOT,
                    "  observed: %.0f runs/month at the pace of these runs%s%n",
                    r,
                    o.runsByEvent().isEmpty() ? "" : " (" + events(o.runsByEvent()) + ")"));
    if (o.timings().failedJobRuns() > 0) {
      List<String> failed = new java.util.ArrayList<>();
      o.timings().jobs().stream()
          .filter(j -> j.failedRuns() > 0)
          .forEach(j -> failed.add(j.name() + " ×" + j.failedRuns()));
      o.timings().failedOnly().forEach((n, c) -> failed.add(n + " ×" + c + " (never succeeded)"));
      out.println(
          "  failed or cancelled job runs, kept out of the percentiles: "
              + String.join(", ", failed));
    }
    ObservedCriticalPath p = o.criticalPath().median();
    if (p != null && !p.links().isEmpty()) {
      out.println();
      out.printf(
          Locale.ROOT,
          "  observed critical path %s (median run %s): %s%n",
          highlight(DurationRange.ofSeconds(p.pathRunSeconds()).formatMinutes()),
          p.runId(),
          String.join(" → ", p.jobNames()));
      out.printf(
          Locale.ROOT,
          "    %s running + %s waiting between jobs = %s of %s wall time on the critical path (%.0f%%)%n",
          DurationRange.formatSeconds(p.pathRunSeconds()),
          DurationRange.formatSeconds(p.pathWaitSeconds()),
          DurationRange.formatSeconds(p.pathRunSeconds()),
          DurationRange.formatSeconds(p.wallSeconds()),
          p.ratio() * 100);
      out.printf(
          Locale.ROOT,
          "    estimated critical path %s: %s%n",
          t.path().length().formatMinutes(),
          String.join(" → ", t.critical().stream().map(e -> e.job().displayName()).toList()));
    }
    if (!o.unmatchedObserved().isEmpty()) {
      out.println(
          "    observed jobs matching no job of the workflow: "
              + String.join(", ", o.unmatchedObserved()));
    }
    if (!o.unmatchedInstances().isEmpty()) {
      out.println("    jobs with no observed timing: " + String.join(", ", o.unmatchedInstances()));
    }
  }

  private void renderPractices(AnalysisResult result, PrintWriter out) {
    List<dev.pipeperf.rules.Practice> practices = result.rules().practices();
    if (practices.isEmpty()) {
      return;
    }
    out.println();
    out.println(bold("already right") + " (" + practices.size() + ")");
    for (dev.pipeperf.rules.Practice p : practices) {
      out.println("  " + p.location() + "  " + p.what());
    }
  }

  /** Hygiene with no computed saving: one line each, not ranked, capped unless {@code --all}. */
  private void renderAlsoConsider(AnalysisResult result, PrintWriter out) {
    List<Finding> also =
        result.alsoConsider().stream().filter(f -> !f.ruleId().equals("PP000")).toList();
    if (also.isEmpty()) {
      return;
    }
    out.println();
    out.println(bold("also consider") + " (" + also.size() + ", no computed saving, not scored)");
    int shown = all ? also.size() : Math.min(ALSO_CONSIDER_SHOWN, also.size());
    for (Finding f : also.subList(0, shown)) {
      out.println("  " + f.location() + "  " + f.ruleId() + " " + f.message());
    }
    if (shown < also.size()) {
      out.println("  … " + (also.size() - shown) + " more (--all lists them)");
    }
  }

  private void renderFindings(AnalysisResult result, PrintWriter out) {
    List<Finding> findings =
        result.rankedFindings().stream().filter(f -> !f.ruleId().equals("PP000")).toList();
    out.println();
    int silenced = result.rules().suppressed();
    String suppressed =
        silenced == 0
            ? ""
            : "; "
                + silenced
                + (silenced == 1 ? " finding" : " findings")
                + " silenced by # pipeperf-ignore";
    if (findings.isEmpty()) {
      out.println(
          bold("findings")
              + "  none"
              + (suppressed.isEmpty() ? "" : " (" + suppressed.substring(2) + ")"));
      return;
    }
    out.println(
        bold("findings") + " (" + findings.size() + "), ranked by what they save" + suppressed);
    for (Timeline t : Timeline.of(result)) {
      var optimised = result.rules().optimised().path(t.workflow().path());
      if (optimised != null && optimised.length().high() < t.path().length().high() - 1) {
        out.printf(
            Locale.ROOT,
            "  with every fix, %s: critical path %s → %s%n",
            t.workflow().displayName(),
            t.path().length().formatMinutes(),
            highlight(optimised.length().formatMinutes()));
      }
    }
    for (Finding f : findings) {
      out.println();
      out.printf(
          Locale.ROOT, "  %s  %s %s %s%n", f.location(), severity(f), f.ruleId(), f.ruleName());
      out.println("    " + f.message());
      String saving = describe(f.saving());
      if (!saving.isEmpty()) {
        out.println("    " + saving);
      }
      out.printf(
          Locale.ROOT,
          "    effort %s (~%sh)%n",
          f.effort().word(),
          Amount.of(f.effortHours()).format());
      String[] fix = f.fix().split("\n");
      out.println("    fix: " + fix[0]);
      for (int i = 1; i < fix.length; i++) {
        out.println("         " + fix[i]);
      }
    }
  }

  /**
   * {@code saves 5m per run, 420 billable min/month ($2.52), 30 h/month of waiting ($2,250.00)}; a
   * bill that grows reads {@code costs 420 billable min/month more}. Empty when nothing changes.
   */
  static String describe(Savings s) {
    List<String> saves = new java.util.ArrayList<>();
    List<String> costs = new java.util.ArrayList<>();
    if (s.criticalPathPerRun().high() >= 1) {
      saves.add(s.criticalPathPerRun().format() + " per run");
    }
    Amount bill = s.billableMinutes();
    if (bill.low() >= 0 && bill.high() >= 1) {
      saves.add(bill.format() + " billable min/month (" + s.runnerDollars().formatDollars() + ")");
    } else if (bill.high() <= 0 && bill.low() <= -1) {
      costs.add(
          bill.times(-1).format()
              + " billable min/month more ("
              + s.runnerDollars().times(-1).formatDollars()
              + ")");
    } else if (bill.low() < 0 && bill.high() > 0) {
      saves.add(
          "between "
              + Amount.of(-bill.low()).format()
              + " more and "
              + Amount.of(bill.high()).format()
              + " fewer billable min/month (jobs are billed by the started minute)");
    }
    if (s.developerHours().high() >= 0.1) {
      saves.add(
          s.developerHours().format()
              + " h/month of waiting ("
              + s.developerDollars().formatDollars()
              + ")");
    }
    String out = saves.isEmpty() ? "" : "saves " + String.join(", ", saves);
    if (!costs.isEmpty()) {
      out += (out.isEmpty() ? "" : "; ") + "costs " + String.join(", ", costs);
    }
    boolean monthly =
        Math.abs(bill.high()) >= 1 || Math.abs(bill.low()) >= 1 || s.developerHours().high() >= 0.1;
    if (monthly && s.runsBasis() != null) {
      out += " (at " + s.runsBasis() + ")";
    }
    return out;
  }

  private String severity(Finding f) {
    String w = f.severity().word();
    if (!colour) {
      return w;
    }
    return switch (f.severity()) {
      case BLOCKER, HIGH -> "\u001b[31m" + w + "\u001b[0m";
      case MEDIUM -> "\u001b[33m" + w + "\u001b[0m";
      default -> w;
    };
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

  private static String events(java.util.Map<String, Integer> byEvent) {
    List<String> parts = new java.util.ArrayList<>();
    byEvent.forEach((e, n) -> parts.add(n + " " + e));
    return String.join(", ", parts);
  }
}
