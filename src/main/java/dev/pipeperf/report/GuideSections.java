package dev.pipeperf.report;

import static dev.pipeperf.report.Figures.change;
import static dev.pipeperf.report.Figures.hours;
import static dev.pipeperf.report.Figures.percent;
import static dev.pipeperf.report.Figures.savedDollars;
import static dev.pipeperf.report.Figures.savedMinutes;
import static dev.pipeperf.report.Figures.savesOrNothing;
import static dev.pipeperf.report.Page.bold;
import static dev.pipeperf.report.Page.code;

import dev.pipeperf.analysis.AnalysisResult;
import dev.pipeperf.cost.BreakEven;
import dev.pipeperf.estimate.DurationRange;
import dev.pipeperf.review.Bottlenecks;
import dev.pipeperf.review.DecisionTree;
import dev.pipeperf.review.DockerfileArchitecture;
import dev.pipeperf.review.Evidence;
import dev.pipeperf.review.ImpactEffort;
import dev.pipeperf.review.PhasePlan;
import dev.pipeperf.review.Review;
import dev.pipeperf.review.Timeline;
import dev.pipeperf.rules.Finding;
import dev.pipeperf.rules.Practice;
import dev.pipeperf.source.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The visual guide: runtimes now and optimised, the dependency chains, impact against effort,
 * bottlenecks, cache strategy, Dockerfile architecture, the phased plan, break-even, the decision
 * tree and a quick reference. Prints the {@link Review}; decides nothing.
 */
final class GuideSections {

  private static final int BAR = 40;

  private final Review review;
  private final AnalysisResult result;
  private final Page page;

  GuideSections(Review review, Page page) {
    this.review = review;
    this.result = review.result();
    this.page = page;
  }

  void write() {
    page.divider();
    page.title("Visual guide");
    runtimeComparison();
    impactEffortMatrix();
    bottlenecks();
    dependencyFlow();
    cacheStrategy();
    dockerfileArchitecture();
    phasedPlan();
    costBenefit();
    decisionTree();
    quickReference();
  }

  private void runtimeComparison() {
    page.section("runtime", "Current vs optimised runtime");
    for (int k = 0; k < review.current().size(); k++) {
      Timeline now = review.current().get(k);
      Timeline opt = review.optimised().get(k);
      page.subsection(
          now.workflow().displayName()
              + ": "
              + now.path().length().formatMinutes()
              + " → "
              + opt.path().length().formatMinutes());
      page.gantt(now, opt);
    }
  }

  private void impactEffortMatrix() {
    page.section("matrix", "Impact vs effort matrix");
    page.paragraph(
        String.format(
            Locale.ROOT,
            "High impact = saves at least %s of the waiting hours of every reported workflow"
                + " together (what the team waits for), so a saving on a short workflow is weighed"
                + " against the long ones. Start top-left.",
            percent(ImpactEffort.HIGH_IMPACT_SHARE)));
    ImpactEffort m = review.matrix();
    page.table(
        List.of("", "LOW EFFORT", "MEDIUM / HIGH EFFORT"),
        List.of(
            List.of(bold("HIGH IMPACT"), cells(m.highLow()), cells(m.highMore())),
            List.of(bold("LOW IMPACT"), cells(m.lowLow()), cells(m.lowMore()))));
  }

  private static String cells(List<ImpactEffort.Cell> cells) {
    if (cells.isEmpty()) {
      return "—";
    }
    List<String> out = new ArrayList<>();
    for (ImpactEffort.Cell c : cells) {
      Evidence.Kind k = c.kind();
      out.add(
          k.label()
              + " ("
              + (k.savedPerRun().high() >= 1 ? k.savedPerRun().format() : "0s")
              + ", "
              + percent(c.waitShare())
              + " of waiting, "
              + c.effort().word().toUpperCase(Locale.ROOT)
              + (c.billsMore() ? ", ⚠️ bills more" : "")
              + ")");
    }
    return String.join("; ", out);
  }

  private void bottlenecks() {
    page.section("bottlenecks", "Bottleneck breakdown");
    page.paragraph(
        "Step durations are labelled by where they come from; \"apportioned\" means only the job's"
            + " total is known (configured or observed) and is spread over its steps in the"
            + " catalogue's proportions.");
    for (Bottlenecks.WorkflowBreakdown w : review.bottlenecks().workflows()) {
      Timeline t = w.timeline();
      page.subsection(
          t.workflow().displayName()
              + " (critical path "
              + t.path().length().formatMinutes()
              + ")");
      StringBuilder text = new StringBuilder();
      for (Bottlenecks.JobBreakdown j : w.jobs()) {
        Timeline.Entry e = j.entry();
        text.append(
            String.format(
                Locale.ROOT,
                "%s (%s) - %s of the critical path%s%n",
                e.job().displayName(),
                e.duration().format(),
                j.critical() ? percent(j.share()) : "0%",
                j.critical() ? "" : " (off the path, slack " + e.slack().format() + ")"));
        text.append("  ")
            .append("█".repeat(Math.max(1, (int) Math.round(j.share() * BAR))))
            .append('\n');
        int width = 12;
        for (Bottlenecks.Step s : j.steps()) {
          width = Math.max(width, Math.min(44, s.label().length()));
        }
        double jobHigh = Math.max(e.duration().high(), 1);
        for (Bottlenecks.Step s : j.steps()) {
          text.append(
              String.format(
                  Locale.ROOT,
                  "    - %-" + width + "s %9s  %-20s %s%s%n",
                  Figures.clip(s.label(), width),
                  s.range().format(),
                  "█".repeat((int) Math.round(Math.min(1, s.range().high() / jobHigh) * 20)),
                  s.basis(),
                  s.critical() ? ", critical" : ""));
        }
        if (j.critical() && !j.savings().isEmpty()) {
          text.append("  Optimisation potential: ")
              .append(
                  String.join(
                      "; ",
                      j.savings().stream()
                          .map(
                              f ->
                                  f.ruleId() + " saves " + f.saving().criticalPathPerRun().format())
                          .toList()))
              .append('\n');
        }
        text.append('\n');
      }
      page.preformatted(text.toString());
    }
  }

  private void dependencyFlow() {
    page.section("dependencies", "Job dependency flow");
    for (int k = 0; k < review.current().size(); k++) {
      Timeline now = review.current().get(k);
      Timeline opt = review.optimised().get(k);
      page.subsection(now.workflow().displayName() + ": current dependency chain");
      page.jobGraph(now, result.graph(), "current");
      page.subsection(now.workflow().displayName() + ": optimised dependency chain");
      page.jobGraph(opt, result.rules().optimised().graph(), "optimised");
    }
  }

  private void cacheStrategy() {
    page.section("cache", "Cache strategy comparison");
    var cache = review.cacheStrategy();
    if (cache.inPlace().isEmpty() && cache.changes().isEmpty()) {
      page.paragraph("No cache in place and no cache finding.");
      return;
    }
    List<List<String>> rows = new ArrayList<>();
    for (Practice p : cache.inPlace()) {
      rows.add(List.of(code(p.location().toString()), "✅ " + p.what(), "keep", "—"));
    }
    for (Finding f : cache.changes()) {
      rows.add(
          List.of(
              code(f.location().toString()),
              f.message(),
              f.fix().lines().findFirst().orElse(""),
              savesOrNothing(f)));
    }
    page.table(List.of("where", "now", "change", "gain"), rows);
  }

  private void dockerfileArchitecture() {
    page.section("dockerfiles", "Dockerfile architecture");
    DockerfileArchitecture a = review.dockerfiles();
    if (a.files().isEmpty()) {
      page.paragraph("No Dockerfile read.");
      return;
    }
    List<List<String>> rows = new ArrayList<>();
    for (DockerfileArchitecture.File f : a.files()) {
      rows.add(
          List.of(
              code(f.path()),
              String.valueOf(f.lines()),
              String.valueOf(f.instructions()),
              String.valueOf(f.stages()),
              percent(f.sharedShare())));
    }
    page.table(
        List.of("Dockerfile", "lines", "instructions", "stages", "shared with another file"), rows);
    if (a.duplicates().isEmpty()) {
      page.paragraph(
          "Total: " + a.totalLines() + " lines; no group of near-identical Dockerfiles to merge.");
      return;
    }
    page.paragraph(
        "Total: "
            + a.totalLines()
            + " lines now; one multi-stage Dockerfile holding the shared instructions once: about "
            + a.proposedLines()
            + " lines ("
            + (a.proposedLines() - a.totalLines())
            + ").");
    for (Finding f : a.duplicates()) {
      page.bullets(List.of(f.message(), "Proposed: " + f.fix()));
    }
  }

  private void phasedPlan() {
    page.section("phases", "Phased plan");
    page.paragraph(
        "Each phase applies the remedies of its findings and of every earlier phase to the graph"
            + " together, then recomputes the critical path: the runtimes are cumulative.");
    List<String> header = new ArrayList<>(List.of("phase", "effort", "fixes", "hours"));
    review.current().forEach(t -> header.add(t.workflow().displayName() + " critical path"));
    List<List<String>> rows = new ArrayList<>();
    List<String> now = new ArrayList<>(List.of("now", "", "", ""));
    review.current().forEach(t -> now.add(t.path().length().formatMinutes()));
    rows.add(now);
    for (PhasePlan.Phase p : review.plan().phases()) {
      List<String> row =
          new ArrayList<>(
              List.of(
                  String.valueOf(p.number()),
                  p.effort().word(),
                  String.valueOf(p.findings().size()),
                  hours(p.effortHours())));
      for (Timeline t : review.current()) {
        DurationRange after = p.criticalPath(t.workflow().path());
        row.add(after.formatMinutes() + change(t.path().length(), after));
      }
      rows.add(row);
    }
    page.table(header, rows);
    Timeline primary = review.primary();
    for (PhasePlan.Phase p : review.plan().phases()) {
      page.subsection(
          "Phase "
              + p.number()
              + ": "
              + (p.number() == 1
                  ? "quick wins"
                  : p.number() == 2 ? "medium effort" : "larger changes")
              + " (~"
              + hours(p.effortHours())
              + ")");
      if (p.findings().isEmpty()) {
        page.paragraph("Nothing at this effort.");
        continue;
      }
      page.bullets(
          p.findings().stream()
              .map(
                  f ->
                      f.ruleId()
                          + " "
                          + f.ruleName()
                          + " at "
                          + code(f.location().toString())
                          + " — "
                          + savesOrNothing(f)
                          + " (~"
                          + hours(f.effortHours())
                          + ")")
              .toList());
      if (primary != null) {
        String w = primary.workflow().path();
        page.paragraph(
            "Result: "
                + primary.workflow().displayName()
                + " "
                + primary.path().length().formatMinutes()
                + " → "
                + p.criticalPath(w).formatMinutes()
                + change(primary.path().length(), p.criticalPath(w)));
      }
    }
  }

  private void costBenefit() {
    page.section("break-even", "Cost-benefit and break-even");
    page.paragraph(
        "Break-even = hours invested ÷ developer-hours of waiting saved a month (cumulative, as"
            + " computed for the phased plan). Waiting rests on "
            + review.assumptions().runsPerDay()
            + " and "
            + review.assumptions().developers()
            + ".");
    List<List<String>> rows = new ArrayList<>();
    for (PhasePlan.Phase p : review.plan().phases()) {
      rows.add(
          List.of(
              "phase " + p.number(),
              hours(p.cumulativeEffortHours()),
              p.hoursSavedPerMonth().format(),
              savedMinutes(p.billableMinutesSavedPerMonth()),
              savedDollars(p.dollarsSavedPerMonth()),
              p.breakEven().format()));
    }
    page.table(
        List.of(
            "after",
            "hours invested",
            "waiting saved h/month",
            "billable min/month saved",
            "$ saved/month",
            "break-even"),
        rows);
    PhasePlan.Phase last = review.plan().phases().get(review.plan().phases().size() - 1);
    StringBuilder text = new StringBuilder();
    double maxHours = Math.max(1, last.cumulativeEffortHours());
    text.append("Developer hours invested\n");
    for (PhasePlan.Phase p : review.plan().phases()) {
      text.append(
          String.format(
              Locale.ROOT,
              "  Phase %d  %-30s %s%n",
              p.number(),
              "█".repeat((int) Math.round(p.effortHours() / maxHours * 30)),
              hours(p.effortHours())));
    }
    double maxSaved = Math.max(0.1, last.hoursSavedPerMonth().high());
    text.append("Waiting hours saved a month\n");
    for (PhasePlan.Phase p : review.plan().phases()) {
      text.append(
          String.format(
              Locale.ROOT,
              "  After %d  %-30s %s h/month%n",
              p.number(),
              "█"
                  .repeat(
                      (int) Math.round(Math.min(1, p.hoursSavedPerMonth().high() / maxSaved) * 30)),
              p.hoursSavedPerMonth().format()));
    }
    text.append(
        String.format(
            Locale.ROOT,
            "Break-even: %s · a year: %s h saved for %s invested%n",
            last.breakEven().format(),
            last.hoursSavedPerMonth().times(12).format(),
            hours(last.cumulativeEffortHours())));
    page.preformatted(text.toString());
    List<Finding> withSaving =
        review.evidence().kinds().stream()
            .flatMap(k -> k.findings().stream())
            .filter(f -> f.saving().developerHours().high() >= 0.1)
            .toList();
    if (!withSaving.isEmpty()) {
      List<List<String>> fr = new ArrayList<>();
      for (Finding f : withSaving) {
        fr.add(
            List.of(
                f.ruleId() + " " + f.ruleName() + " " + code(f.location().toString()),
                "~" + hours(f.effortHours()),
                f.saving().developerHours().format(),
                BreakEven.of(f.effortHours(), f.saving().developerHours()).format()));
      }
      page.table(List.of("finding", "effort", "waiting saved h/month", "break-even"), fr);
    }
  }

  private void decisionTree() {
    page.section("decision-tree", "Decision tree, answered for this repository");
    DecisionTree tree = review.decisionTree();
    if (tree.primary() == null) {
      page.paragraph("No workflow to decide on.");
      return;
    }
    StringBuilder text = new StringBuilder();
    text.append("Should I optimise this pipeline? (")
        .append(tree.primary().workflow().displayName())
        .append(", the slowest workflow)\n\n");
    for (DecisionTree.Answer a : tree.answers()) {
      text.append(String.format(Locale.ROOT, "%-28s %s%n", a.question(), a.answer()));
      text.append("  └─ ").append(a.outcome()).append('\n');
    }
    page.preformatted(text.toString());
  }

  private void quickReference() {
    page.section("reference", "Quick reference card");
    StringBuilder text = new StringBuilder();
    text.append("OPTIMISATION QUICK REFERENCE — ")
        .append(VerdictSections.rootName(result))
        .append("\n\n");
    List<Finding> ranked =
        review.evidence().kinds().stream()
            .flatMap(k -> k.findings().stream())
            .filter(
                f ->
                    !TextRenderer.describe(f.saving()).isEmpty()
                        || f.severity() == Severity.BLOCKER)
            .limit(8)
            .toList();
    int i = 1;
    for (Finding f : ranked) {
      String priority =
          f.severity() == Severity.BLOCKER
              ? "BLOCKER"
              : review.verdict().mustFix().contains(f) ? "REQUIRED" : "RECOMMENDED";
      text.append(
          String.format(
              Locale.ROOT,
              "%d. %s (phase %d) — %s %s%n",
              i++,
              priority,
              PhasePlan.phaseOf(f),
              f.ruleId(),
              f.ruleName()));
      text.append("   ").append(f.message()).append('\n');
      text.append("   Savings: ").append(savesOrNothing(f)).append('\n');
      text.append(
          String.format(
              Locale.ROOT, "   Effort:  %s (~%s)%n", f.effort().word(), hours(f.effortHours())));
      text.append("   File:    ").append(f.location()).append('\n');
    }
    if (ranked.isEmpty()) {
      text.append("No finding saves time or money.\n");
    }
    Timeline primary = review.primary();
    if (primary != null) {
      String w = primary.workflow().path();
      text.append("\nEXPECTED RESULTS (").append(primary.workflow().displayName()).append(")\n");
      text.append("  Current:   ").append(primary.path().length().formatMinutes()).append('\n');
      for (PhasePlan.Phase p : review.plan().phases()) {
        text.append(
            String.format(
                Locale.ROOT,
                "  After P%d:  %s%s%n",
                p.number(),
                p.criticalPath(w).formatMinutes(),
                change(primary.path().length(), p.criticalPath(w))));
      }
      PhasePlan.Phase last = review.plan().phases().get(review.plan().phases().size() - 1);
      text.append("  Total saving: ")
          .append(primary.path().length().minusClamped(last.criticalPath(w)).format())
          .append(" per run\n");
      text.append("  Implementation: ~").append(hours(last.cumulativeEffortHours())).append('\n');
      text.append("  Break-even: ").append(last.breakEven().format()).append('\n');
    }
    page.preformatted(text.toString());
  }
}
