package dev.pipeperf.report;

import dev.pipeperf.AnalysisResult;
import dev.pipeperf.Version;
import dev.pipeperf.cost.Amount;
import dev.pipeperf.cost.BreakEven;
import dev.pipeperf.cost.CostInputs;
import dev.pipeperf.cost.Savings;
import dev.pipeperf.cost.WorkflowCost;
import dev.pipeperf.estimate.DurationRange;
import dev.pipeperf.graph.CriticalPath;
import dev.pipeperf.graph.JobInstance;
import dev.pipeperf.graph.Node;
import dev.pipeperf.graph.PipelineGraph;
import dev.pipeperf.graph.Subject;
import dev.pipeperf.rules.Effort;
import dev.pipeperf.rules.Finding;
import dev.pipeperf.rules.Practice;
import dev.pipeperf.source.Escape;
import dev.pipeperf.source.Severity;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The verdict report (spec §8): seed 000's review — verdict, score with its formula, what is
 * already optimised, blocking issues, expected improvements, cost savings, key files, approval
 * conditions, next steps — followed by seed 004's visual guide, every number computed from the
 * analysis (the same objects the JSON report shows). Mermaid diagrams, each with a plain-text
 * fallback. No clock: the output depends only on the input.
 */
public final class MarkdownRenderer {

  private static final int BAR = 40;

  /** A finding saving at least this share of its workflow's critical path is "high impact". */
  static final double HIGH_IMPACT_SHARE = 0.05;

  /** ... or at least this many seconds per run. */
  static final double HIGH_IMPACT_SECONDS = 60;

  private final AnalysisResult result;
  private final PrintWriter out;
  private final Verdict verdict;
  private final PhasePlan plan;
  private final List<Finding> findings;
  private final List<Timeline> current;
  private final List<Timeline> optimised;

  private MarkdownRenderer(AnalysisResult result, PrintWriter out) {
    this.result = result;
    this.out = out;
    this.findings = result.rankedFindings();
    this.verdict = Verdict.of(result);
    this.plan = PhasePlan.of(result);
    this.current = Timeline.of(result);
    this.optimised = Timeline.of(result, result.rules().optimised());
  }

  public static void render(AnalysisResult result, PrintWriter out) {
    java.io.StringWriter text = new java.io.StringWriter();
    PrintWriter buffer = new PrintWriter(text);
    new MarkdownRenderer(result, buffer).write();
    buffer.flush();
    // Sections and subsections each leave a blank line; one is enough.
    out.print(text.toString().replaceAll("\n{3,}", "\n\n"));
    out.flush();
  }

  private void write() {
    header();
    executiveSummary();
    scoreFormula();
    alreadyOptimised();
    blockingIssues();
    expectedImprovements();
    costSavings();
    keyFiles();
    approvalConditions();
    finalRecommendation();
    nextSteps();
    out.println();
    out.println("---");
    out.println();
    out.println("# Visual guide");
    runtimeComparison();
    impactEffortMatrix();
    bottlenecks();
    dependencyFlow();
    phasedPlan();
    costBenefit();
    decisionTree();
    quickReference();
  }

  // ---- seed 000: the verdict ----

  private void header() {
    out.println("# CI/CD pipeline performance review — " + rootName());
    out.println();
    out.println(
        "**Status: "
            + verdict.headline()
            + "** · Performance score **"
            + Verdict.formatScore(verdict.score())
            + "**");
    out.println();
    int jobs = current.stream().mapToInt(Timeline::jobCount).sum();
    out.printf(
        Locale.ROOT,
        "Reviewed by pipeperf %s · %d workflow%s, %d job%s, %d file%s read · runner prices as of %s"
            + " · durations are ranges (optimistic–pessimistic)%n",
        Version.current(),
        current.size(),
        plural(current.size()),
        jobs,
        plural(jobs),
        result.workspace().filesRead(),
        plural(result.workspace().filesRead()),
        result.pricing().effective());
  }

  private void executiveSummary() {
    section("Executive summary");
    String condition = "";
    if (!verdict.mustFix().isEmpty()) {
      double hours = verdict.mustFix().stream().mapToDouble(Finding::effortHours).sum();
      condition =
          " (with "
              + verdict.mustFix().size()
              + " blocking fix"
              + (verdict.mustFix().size() == 1 ? "" : "es")
              + " required — about "
              + hours(hours)
              + " to resolve)";
    }
    out.println("**Verdict:** " + verdict.headline() + condition);
    out.println();
    out.println(
        "**Performance score:** "
            + Verdict.formatScore(verdict.score())
            + " (formula and deductions below)");
    out.println();
    for (String r : verdict.reasons()) {
      out.println("- " + r);
    }
    out.println();
    if (current.isEmpty()) {
      out.println(
          result.workflowFilter() != null
              ? "No workflow matches --workflow " + result.workflowFilter() + "."
              : "No workflows found under .github/workflows.");
    } else {
      workflowTable();
    }
    out.println();
    out.printf(
        Locale.ROOT,
        "%d finding%s: %s.%n",
        findings.size(),
        plural(findings.size()),
        severityCounts());
    blockerList();
  }

  private void workflowTable() {
    out.println(
        "| workflow | critical path now | with every fix | billable min/run | cost/month |");
    out.println("|---|---|---|---|---|");
    for (Timeline t : current) {
      String w = t.workflow().path();
      WorkflowCost c = result.costs().get(w);
      CriticalPath.WorkflowPath after = result.rules().optimised().path(w);
      out.printf(
          Locale.ROOT,
          "| %s (`%s`) | %s | %s | %s | %s |%n",
          cell(t.workflow().displayName()),
          w,
          t.path().length().formatMinutes(),
          after == null
              ? "-"
              : after.length().formatMinutes() + change(t.path().length(), after.length()),
          c == null ? "-" : c.perRun().minutes().format(),
          c == null ? "-" : c.monthly().totalDollars().formatDollars());
    }
  }

  private void blockerList() {
    List<Finding> blockers = bySeverity(Severity.BLOCKER);
    if (!blockers.isEmpty()) {
      out.println();
      out.println("**Blocking issue" + (blockers.size() == 1 ? "" : "s") + ":**");
      for (Finding f : blockers) {
        out.printf(
            Locale.ROOT,
            "- 🔴 %s `%s` — %s (fix: %s effort, ~%s)%n",
            f.ruleId() + " " + f.ruleName(),
            f.location(),
            f.message(),
            f.effort().word(),
            hours(f.effortHours()));
      }
    }
  }

  private void scoreFormula() {
    subsection("How the score and verdict are computed");
    out.println("`" + Verdict.FORMULA + "`");
    out.println();
    out.printf(
        Locale.ROOT,
        "Verdict: **CHANGES REQUIRED** when a blocker's fix is not low effort, or when the blocker"
            + " and high findings of one workflow together save ≥ %d%% of its critical path;"
            + " **CONDITIONALLY APPROVED** when any blocker or high finding remains (fixing"
            + " them is the condition); **APPROVED** otherwise.%n",
        Math.round(Verdict.LARGE_SHARE * 100));
    out.println();
    if (verdict.deductions().isEmpty()) {
      out.println("No findings: nothing deducted, 10/10.");
      return;
    }
    out.println(
        "| finding | where | severity points | share of critical path | share points | deducted |");
    out.println("|---|---|---|---|---|---|");
    double total = 0;
    for (Verdict.Deduction d : verdict.deductions()) {
      total += d.total();
      out.printf(
          Locale.ROOT,
          "| %s %s | `%s` | %s | %s | %s | %s |%n",
          d.finding().ruleId(),
          d.finding().ruleName(),
          d.finding().location(),
          num(d.severityPoints()),
          percent(d.share()),
          num(d.sharePoints()),
          num(d.total()));
    }
    out.printf(
        Locale.ROOT,
        "| **total** | | | | | **%s** → 10 − %s = **%s** |%n",
        num(total),
        num(total),
        Verdict.formatScore(verdict.score()));
  }

  private void alreadyOptimised() {
    section("What is already optimised");
    List<Practice> practices = result.rules().practices();
    if (practices.isEmpty()) {
      out.println("pipeperf recognised no good practice in place yet (see the findings below).");
      return;
    }
    for (Practice p : practices) {
      out.printf(Locale.ROOT, "- ✅ %s — `%s`%n", p.what(), p.location());
    }
  }

  private void blockingIssues() {
    section("Blocking issues");
    if (verdict.mustFix().isEmpty()) {
      out.println("None: no finding blocks approval.");
      return;
    }
    int i = 1;
    for (Finding f : verdict.mustFix()) {
      out.printf(
          Locale.ROOT, "### %d. 🔴 %s %s — `%s`%n", i++, f.ruleId(), f.ruleName(), f.location());
      out.println();
      out.println("- **Problem:** " + f.message());
      String saves = TextRenderer.describe(f.saving());
      out.println(
          "- **Impact:** "
              + (f.severity() == Severity.BLOCKER
                  ? "the build fails in CI until this is fixed"
                  : "slows every run")
              + (saves.isEmpty() ? "" : "; fixing it saves " + saves));
      out.printf(
          Locale.ROOT,
          "- **Fix time:** %s effort (~%s)%n",
          f.effort().word(),
          hours(f.effortHours()));
      out.println("- **Fix:**");
      out.println();
      fence("text", f.fix());
    }
  }

  private void expectedImprovements() {
    section("Expected improvements (after every fix)");
    for (Timeline t : current) {
      String w = t.workflow().path();
      CriticalPath.WorkflowPath after = result.rules().optimised().path(w);
      WorkflowCost before = result.costs().get(w);
      WorkflowCost cost = result.rules().optimisedCosts().get(w);
      if (after == null || before == null || cost == null) {
        continue;
      }
      out.printf(
          Locale.ROOT,
          "- **%s**: critical path %s → %s%s; billable %s → %s min per run; waiting %s → %s h a"
              + " month%n",
          t.workflow().displayName(),
          t.path().length().formatMinutes(),
          after.length().formatMinutes(),
          change(t.path().length(), after.length()),
          before.perRun().minutes().format(),
          cost.perRun().minutes().format(),
          before.monthly().waitingHours().format(),
          cost.monthly().waitingHours().format());
    }
    List<Finding> top =
        findings.stream()
            .filter(f -> f.saving().criticalPathPerRun().high() >= 1)
            .limit(5)
            .toList();
    if (!top.isEmpty()) {
      out.println();
      out.println("Largest single improvements (each measured alone):");
      for (Finding f : top) {
        out.printf(
            Locale.ROOT,
            "- ━ %s per run (%s of the critical path) — %s %s at `%s`%n",
            f.saving().criticalPathPerRun().format(),
            percent(Verdict.share(result, f)),
            f.ruleId(),
            f.ruleName(),
            f.location());
      }
    }
  }

  private void costSavings() {
    section("Cost savings (monthly)");
    CostInputs in = result.costInputs();
    out.printf(
        Locale.ROOT,
        "Assumptions: %s runs/day × %s working days = %s runs a month; %s developer%s waiting at"
            + " $%s/h; GitHub-hosted runner prices as of %s.%n",
        Amount.of(in.runsPerDay()).format(),
        Amount.of(in.workingDaysPerMonth()).format(),
        Amount.of(in.runsPerMonth()).format(),
        Amount.of(in.waitingDevelopers()).format(),
        in.waitingDevelopers() == 1 ? "" : "s",
        Amount.of(in.developerHourlyCost()).format(),
        result.pricing().effective());
    out.println();
    out.println(
        "| workflow | runner now | runner after | waiting now | waiting after | saved a month |");
    out.println("|---|---|---|---|---|---|");
    Amount total = Amount.ZERO;
    for (Timeline t : current) {
      String w = t.workflow().path();
      WorkflowCost before = result.costs().get(w);
      WorkflowCost after = result.rules().optimisedCosts().get(w);
      if (before == null || after == null) {
        continue;
      }
      Amount saved = before.monthly().totalDollars().minusSigned(after.monthly().totalDollars());
      total = total.plus(saved);
      out.printf(
          Locale.ROOT,
          "| %s | %s | %s | %s h (%s) | %s h (%s) | %s |%n",
          cell(t.workflow().displayName()),
          before.monthly().runnerDollars().formatDollars(),
          after.monthly().runnerDollars().formatDollars(),
          before.monthly().waitingHours().format(),
          before.monthly().developerDollars().formatDollars(),
          after.monthly().waitingHours().format(),
          after.monthly().developerDollars().formatDollars(),
          signedDollars(saved));
    }
    out.printf(Locale.ROOT, "| **total** | | | | | **%s** |%n", signedDollars(total));
    List<Finding> saving =
        findings.stream().filter(f -> !TextRenderer.describe(f.saving()).isEmpty()).toList();
    if (!saving.isEmpty()) {
      out.println();
      out.println(
          "Per finding, each measured alone (remedies overlap, so these do not add up to the"
              + " total above; concurrency cancellation is counted here only):");
      out.println();
      out.println(
          "| finding | where | per run | billable min/month | runner $/month | waiting h/month | developer $/month |");
      out.println("|---|---|---|---|---|---|---|");
      for (Finding f : saving) {
        Savings s = f.saving();
        out.printf(
            Locale.ROOT,
            "| %s %s | `%s` | %s | %s | %s | %s | %s |%n",
            f.ruleId(),
            f.ruleName(),
            f.location(),
            s.criticalPathPerRun().format(),
            signed(s.billableMinutes()),
            signedDollars(s.runnerDollars()),
            s.developerHours().format(),
            s.developerDollars().formatDollars());
      }
    }
  }

  private void keyFiles() {
    section("Key files reviewed");
    Map<String, List<Finding>> byFile = new TreeMap<>();
    Map<String, List<Practice>> practices = new TreeMap<>();
    Set<String> files = new TreeSet<>();
    result.workspace().workflows().forEach(w -> files.add(w.path()));
    files.addAll(result.workspace().dockerfiles().keySet());
    files.addAll(result.workspace().bakeFiles().keySet());
    for (Finding f : findings) {
      byFile.computeIfAbsent(f.location().file(), k -> new ArrayList<>()).add(f);
      files.add(f.location().file());
    }
    for (Practice p : result.rules().practices()) {
      practices.computeIfAbsent(p.location().file(), k -> new ArrayList<>()).add(p);
      files.add(p.location().file());
    }
    Map<Finding, Verdict.Deduction> deductions = new IdentityHashMap<>();
    verdict.deductions().forEach(d -> deductions.put(d.finding(), d));
    boolean first = true;
    for (String file : files) {
      List<Finding> fs = byFile.getOrDefault(file, List.of());
      List<Verdict.Deduction> ds = new ArrayList<>();
      fs.forEach(f -> ds.add(deductions.get(f)));
      boolean blocker = fs.stream().anyMatch(f -> f.severity() == Severity.BLOCKER);
      boolean high = fs.stream().anyMatch(f -> f.severity() == Severity.HIGH);
      String status = blocker ? "🔴 REQUIRES UPDATE" : high ? "⚠️ REQUIRES UPDATE" : "✅ APPROVED";
      if (!first) {
        out.println();
      }
      first = false;
      out.printf(
          Locale.ROOT,
          "**%s — `%s`** · Score: %s%n",
          status,
          file,
          Verdict.formatScore(Verdict.score(ds)));
      out.println();
      for (Practice p : practices.getOrDefault(file, List.of())) {
        out.println("- ✅ " + p.what() + atLine(p.location().line()));
      }
      for (Finding f : fs) {
        out.println(
            "- "
                + mark(f.severity())
                + " "
                + f.severity().word()
                + " "
                + f.ruleId()
                + ": "
                + f.message()
                + atLine(f.location().line()));
      }
      if (fs.isEmpty() && practices.getOrDefault(file, List.of()).isEmpty()) {
        out.println("- no findings");
      }
    }
  }

  private void approvalConditions() {
    section("Approval conditions");
    out.println("**Must fix before approval:**");
    out.println();
    if (verdict.mustFix().isEmpty()) {
      out.println("- nothing");
    }
    for (Finding f : verdict.mustFix()) {
      out.printf(
          Locale.ROOT,
          "- 🔴 %s %s at `%s` (%s effort, ~%s)%n",
          f.ruleId(),
          f.ruleName(),
          f.location(),
          f.effort().word(),
          hours(f.effortHours()));
    }
    out.println();
    out.println("**Recommended (not blocking):**");
    out.println();
    Map<String, List<Finding>> lows = new LinkedHashMap<>();
    int shown = 0;
    for (Finding f : findings) {
      if (verdict.mustFix().contains(f)) {
        continue;
      }
      if (f.severity().atLeast(Severity.MEDIUM)) {
        shown++;
        out.printf(
            Locale.ROOT,
            "- %s %s %s at `%s` — %s (phase %d)%n",
            mark(f.severity()),
            f.ruleId(),
            f.ruleName(),
            f.location(),
            savesOrNothing(f),
            PhasePlan.phaseOf(f));
      } else {
        lows.computeIfAbsent(f.ruleId() + " " + f.ruleName(), k -> new ArrayList<>()).add(f);
      }
    }
    lows.forEach(
        (rule, fs) -> {
          Set<String> where = new TreeSet<>();
          fs.forEach(f -> where.add(f.location().file()));
          out.printf(
              Locale.ROOT,
              "- ℹ️ %s: %d low-severity finding%s in %s%n",
              rule,
              fs.size(),
              plural(fs.size()),
              String.join(", ", where.stream().map(w -> "`" + w + "`").toList()));
        });
    if (shown == 0 && lows.isEmpty()) {
      out.println("- nothing");
    }
  }

  private void finalRecommendation() {
    section("Final recommendation");
    double hours = verdict.mustFix().stream().mapToDouble(Finding::effortHours).sum();
    switch (verdict.decision()) {
      case APPROVED -> out.println("**✅ APPROVE.** No blocker or high-severity finding.");
      case CONDITIONALLY_APPROVED ->
          out.println(
              verdict.mustFix().isEmpty()
                  ? "**✅ APPROVE**, and schedule the high-severity fixes below."
                  : "**✅ APPROVE after the blocking fix"
                      + (verdict.mustFix().size() == 1 ? "" : "es")
                      + "** (about "
                      + hours(hours)
                      + ").");
      case CHANGES_REQUIRED ->
          out.println("**🔴 DO NOT APPROVE YET:** " + String.join("; ", verdict.reasons()) + ".");
    }
    out.println();
    out.println("With every fix applied, the pipeline delivers:");
    for (Timeline t : current) {
      String w = t.workflow().path();
      CriticalPath.WorkflowPath after = result.rules().optimised().path(w);
      WorkflowCost before = result.costs().get(w);
      WorkflowCost cost = result.rules().optimisedCosts().get(w);
      if (after == null || before == null || cost == null) {
        continue;
      }
      out.printf(
          Locale.ROOT,
          "- %s: critical path %s → %s%s, %s a month saved%n",
          t.workflow().displayName(),
          t.path().length().formatMinutes(),
          after.length().formatMinutes(),
          change(t.path().length(), after.length()),
          signedDollars(
              before.monthly().totalDollars().minusSigned(cost.monthly().totalDollars())));
    }
    boolean easy = verdict.mustFix().stream().allMatch(f -> f.effort() == Effort.LOW);
    boolean observed = !result.observations().workflows().isEmpty();
    out.println();
    out.println(
        "Risk level: "
            + (easy
                ? "LOW (the required fixes are low effort)"
                : "MEDIUM (a required fix is not low effort)")
            + " · Confidence: "
            + (observed
                ? "HIGH (durations from observed runs)"
                : "MEDIUM (durations estimated; pass --timings for observed ones)"));
  }

  private void nextSteps() {
    section("Next steps");
    int i = 1;
    for (Finding f : verdict.mustFix()) {
      out.printf(
          Locale.ROOT, "%d. Fix %s at `%s` (see the fix above).%n", i++, f.ruleId(), f.location());
    }
    for (PhasePlan.Phase p : plan.phases()) {
      List<Finding> rest =
          p.findings().stream().filter(f -> !verdict.mustFix().contains(f)).toList();
      if (rest.isEmpty()) {
        continue;
      }
      out.printf(
          Locale.ROOT,
          "%d. Phase %d (%s effort, ~%s): %s.%n",
          i++,
          p.number(),
          p.effort().word(),
          hours(p.effortHours()),
          String.join(", ", distinctRules(rest)));
    }
    out.printf(
        Locale.ROOT,
        "%d. Re-run `pipeperf report` after each phase, and gate regressions in CI with `pipeperf check --baseline`.%n",
        i++);
    out.printf(
        Locale.ROOT,
        "%d. Export a few runs' timings (`gh run view --json jobs`) and pass them with `--timings` so the estimates become observations.%n",
        i);
  }

  // ---- seed 004: the visual guide ----

  private void runtimeComparison() {
    section("Current vs optimised runtime");
    for (int k = 0; k < current.size(); k++) {
      Timeline now = current.get(k);
      Timeline opt = optimised.get(k);
      subsection(
          now.workflow().displayName()
              + ": "
              + now.path().length().formatMinutes()
              + " → "
              + opt.path().length().formatMinutes());
      out.println("```mermaid");
      out.println("gantt");
      out.println("  title " + mermaid(now.workflow().displayName()) + " — current vs optimised");
      out.println("  dateFormat X");
      out.println(now.path().length().high() >= 3600 ? "  axisFormat %H:%M" : "  axisFormat %M:%S");
      ganttSection("Current " + now.path().length().formatMinutes(), now, "c");
      ganttSection("Optimised " + opt.path().length().formatMinutes(), opt, "o");
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
    }
  }

  private void ganttSection(String title, Timeline t, String prefix) {
    out.println("  section " + mermaid(title));
    int i = 0;
    for (Timeline.Entry e : sortedByStart(t)) {
      long start = Math.round(e.start().high());
      long dur = Math.round(e.duration().high());
      i++;
      if (dur <= 0) {
        continue;
      }
      boolean crit = t.critical().contains(e);
      out.printf(
          Locale.ROOT,
          "  %s :%s%s%d, %d, %ds%n",
          mermaid(e.job().displayName()),
          crit ? "crit, " : "",
          prefix,
          i,
          start,
          dur);
    }
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

  private void impactEffortMatrix() {
    section("Impact vs effort matrix");
    out.printf(
        Locale.ROOT,
        "High impact = saves at least %d%% of its workflow's critical path or %s per run. Start"
            + " top-left.%n",
        Math.round(HIGH_IMPACT_SHARE * 100),
        DurationRange.formatSeconds(HIGH_IMPACT_SECONDS));
    out.println();
    List<String> hl = new ArrayList<>();
    List<String> hh = new ArrayList<>();
    List<String> ll = new ArrayList<>();
    List<String> lh = new ArrayList<>();
    for (Finding f : findings) {
      boolean high = highImpact(f);
      boolean low = f.effort() == Effort.LOW;
      String item =
          f.ruleId()
              + " "
              + f.ruleName()
              + " ("
              + (f.saving().criticalPathPerRun().high() >= 1
                  ? f.saving().criticalPathPerRun().format()
                  : "0s")
              + ", "
              + f.effort().word().toUpperCase(Locale.ROOT)
              + (f.saving().billableMinutes().high() < 0 ? ", ⚠️ bills more" : "")
              + ")";
      (high ? (low ? hl : hh) : (low ? ll : lh)).add(item);
    }
    out.println("| | LOW EFFORT | MEDIUM / HIGH EFFORT |");
    out.println("|---|---|---|");
    out.println("| **HIGH IMPACT** | " + items(hl) + " | " + items(hh) + " |");
    out.println("| **LOW IMPACT** | " + items(ll) + " | " + items(lh) + " |");
  }

  private static String items(List<String> items) {
    if (items.isEmpty()) {
      return "—";
    }
    Map<String, Integer> counts = new LinkedHashMap<>();
    items.forEach(i -> counts.merge(i, 1, Integer::sum));
    List<String> out = new ArrayList<>();
    counts.forEach((k, n) -> out.add(cell(k) + (n > 1 ? " ×" + n : "")));
    return String.join("<br>", out);
  }

  private void bottlenecks() {
    section("Bottleneck breakdown");
    Set<Integer> onPath = new HashSet<>();
    for (Timeline t : current) {
      onPath.addAll(t.path().nodes());
    }
    for (Timeline t : current) {
      double total = Math.max(t.path().length().high(), 1);
      subsection(
          t.workflow().displayName()
              + " (critical path "
              + t.path().length().formatMinutes()
              + ")");
      out.println("```text");
      List<Timeline.Entry> all = new ArrayList<>(t.critical());
      all.addAll(t.offPath());
      all.sort((a, b) -> Double.compare(b.duration().high(), a.duration().high()));
      for (Timeline.Entry e : all) {
        boolean crit = t.critical().contains(e);
        double share = e.duration().high() / total;
        out.printf(
            Locale.ROOT,
            "%s (%s) - %s of the critical path%s%n",
            e.job().displayName(),
            e.duration().format(),
            crit ? percent(share) : "0%",
            crit ? "" : " (off the path, slack " + e.slack().format() + ")");
        out.println("  " + "█".repeat(Math.max(1, (int) Math.round(share * BAR))));
        int width = 12;
        List<Node> steps = new ArrayList<>();
        for (Node n : result.graph().nodesOf(e.job())) {
          if (!n.isJoin()) {
            steps.add(n);
            width = Math.max(width, Math.min(44, stepLabel(n).length()));
          }
        }
        double jobHigh = Math.max(e.duration().high(), 1);
        for (Node n : steps) {
          DurationRange r = n.estimate().range();
          out.printf(
              Locale.ROOT,
              "    - %-" + width + "s %9s  %-20s %s%n",
              clip(stepLabel(n), width),
              r.format(),
              "█".repeat((int) Math.round(Math.min(1, r.high() / jobHigh) * 20)),
              onPath.contains(n.index()) ? "critical" : "");
        }
        List<Finding> here =
            findings.stream()
                .filter(
                    f ->
                        f.message().contains(e.job().jobPath())
                            || f.message().contains(e.job().displayName()))
                .filter(f -> f.saving().criticalPathPerRun().high() >= 1)
                .toList();
        if (crit && !here.isEmpty()) {
          out.println(
              "  Optimisation potential: "
                  + String.join(
                      "; ",
                      here.stream()
                          .map(
                              f ->
                                  f.ruleId() + " saves " + f.saving().criticalPathPerRun().format())
                          .toList()));
        }
        out.println();
      }
      out.println("```");
    }
  }

  private static String stepLabel(Node n) {
    if (n.subject() instanceof Subject.JobSetup) {
      return "set up job";
    }
    return n.label();
  }

  private void dependencyFlow() {
    section("Job dependency flow");
    PipelineGraph g = result.graph();
    for (Timeline t : current) {
      subsection(t.workflow().displayName());
      List<Timeline.Entry> all = new ArrayList<>(t.critical());
      all.addAll(t.offPath());
      all.sort((a, b) -> Integer.compare(g.span(a.job()).start(), g.span(b.job()).start()));
      Map<JobInstance, Integer> ids = new IdentityHashMap<>();
      for (Timeline.Entry e : all) {
        ids.put(e.job(), ids.size());
      }
      Set<JobInstance> critical = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
      t.critical().forEach(e -> critical.add(e.job()));
      out.println("```mermaid");
      out.println("flowchart TD");
      for (Timeline.Entry e : all) {
        out.printf(
            Locale.ROOT,
            "  j%d[\"%s<br/>%s%s\"]%n",
            ids.get(e.job()),
            mermaid(e.job().displayName()),
            e.duration().format(),
            critical.contains(e.job()) ? " · CRITICAL PATH" : "");
      }
      List<Integer> red = new ArrayList<>();
      int edge = 0;
      List<String> text = new ArrayList<>();
      for (Timeline.Entry e : all) {
        for (JobInstance up : g.upstreamJobs(e.job())) {
          Integer from = ids.get(up);
          if (from == null) {
            continue;
          }
          boolean crit = consecutive(t, up, e.job());
          out.printf(Locale.ROOT, "  j%d %s j%d%n", from, crit ? "==>" : "-->", ids.get(e.job()));
          if (crit) {
            red.add(edge);
          }
          edge++;
        }
      }
      for (Timeline.Entry e : all) {
        List<String> ups = g.upstreamJobs(e.job()).stream().map(JobInstance::displayName).toList();
        text.add(
            String.format(
                Locale.ROOT,
                "%-28s %9s  %s%s",
                clip(e.job().displayName(), 28),
                e.duration().format(),
                critical.contains(e.job())
                    ? "CRITICAL PATH"
                    : "(parallel, slack " + e.slack().format() + ")",
                ups.isEmpty() ? "" : "  ← needs " + String.join(", ", ups)));
      }
      out.println("  classDef critical fill:#fde2e2,stroke:#c62828,stroke-width:2px");
      List<String> critIds = new ArrayList<>();
      for (Timeline.Entry e : t.critical()) {
        critIds.add("j" + ids.get(e.job()));
      }
      if (!critIds.isEmpty()) {
        out.println("  class " + String.join(",", critIds) + " critical");
      }
      if (!red.isEmpty()) {
        out.println(
            "  linkStyle "
                + String.join(",", red.stream().map(String::valueOf).toList())
                + " stroke:#c62828,stroke-width:3px");
      }
      out.println("```");
      out.println();
      out.println("```text");
      text.forEach(out::println);
      out.println();
      out.println(
          "Critical path: "
              + String.join(" + ", t.critical().stream().map(e -> e.duration().format()).toList())
              + " = "
              + t.path().length().formatMinutes()
              + "  ("
              + String.join(" → ", t.critical().stream().map(e -> e.job().displayName()).toList())
              + ")");
      out.println("```");
    }
  }

  private static boolean consecutive(Timeline t, JobInstance a, JobInstance b) {
    for (int i = 0; i + 1 < t.critical().size(); i++) {
      if (t.critical().get(i).job() == a && t.critical().get(i + 1).job() == b) {
        return true;
      }
    }
    return false;
  }

  private void phasedPlan() {
    section("Phased plan");
    out.println(
        "Each phase applies the remedies of its findings and of every earlier phase to the graph"
            + " together, then recomputes the critical path: the runtimes are cumulative.");
    out.println();
    out.println("| phase | effort | fixes | hours | " + workflowHeaders() + " |");
    out.println("|---|---|---|---|" + "---|".repeat(current.size()));
    StringBuilder now = new StringBuilder("| now | | | | ");
    for (Timeline t : current) {
      now.append(t.path().length().formatMinutes()).append(" | ");
    }
    out.println(now.toString().stripTrailing());
    for (PhasePlan.Phase p : plan.phases()) {
      StringBuilder row =
          new StringBuilder(
              String.format(
                  Locale.ROOT,
                  "| %d | %s | %d | %s | ",
                  p.number(),
                  p.effort().word(),
                  p.findings().size(),
                  hours(p.effortHours())));
      for (Timeline t : current) {
        DurationRange after = p.criticalPath(t.workflow().path());
        row.append(after.formatMinutes()).append(change(t.path().length(), after)).append(" | ");
      }
      out.println(row.toString().stripTrailing());
    }
    for (PhasePlan.Phase p : plan.phases()) {
      subsection(
          "Phase "
              + p.number()
              + ": "
              + (p.number() == 1
                  ? "quick wins"
                  : p.number() == 2 ? "medium effort" : "larger changes")
              + " ("
              + p.effort().word()
              + " effort, ~"
              + hours(p.effortHours())
              + ")");
      if (p.findings().isEmpty()) {
        out.println("Nothing at this effort.");
        continue;
      }
      for (Finding f : p.findings()) {
        out.printf(
            Locale.ROOT,
            "- %s %s at `%s` — %s (~%s)%n",
            f.ruleId(),
            f.ruleName(),
            f.location(),
            savesOrNothing(f),
            hours(f.effortHours()));
      }
      Timeline primary = primary();
      if (primary != null) {
        out.println();
        out.printf(
            Locale.ROOT,
            "Result: %s %s → %s%s%n",
            primary.workflow().displayName(),
            primary.path().length().formatMinutes(),
            p.criticalPath(primary.workflow().path()).formatMinutes(),
            change(primary.path().length(), p.criticalPath(primary.workflow().path())));
      }
    }
  }

  private void costBenefit() {
    section("Cost-benefit and break-even");
    out.println(
        "Break-even = hours invested ÷ developer-hours of waiting saved a month (cumulative, as"
            + " computed for the phased plan).");
    out.println();
    out.println(
        "| after | hours invested | waiting saved h/month | billable min/month saved | $ saved/month | break-even |");
    out.println("|---|---|---|---|---|---|");
    for (PhasePlan.Phase p : plan.phases()) {
      out.printf(
          Locale.ROOT,
          "| phase %d | %s | %s | %s | %s | %s |%n",
          p.number(),
          hours(p.cumulativeEffortHours()),
          p.hoursSavedPerMonth().format(),
          signed(p.billableMinutesSavedPerMonth()),
          signedDollars(p.dollarsSavedPerMonth()),
          p.breakEven().format());
    }
    PhasePlan.Phase last = plan.phases().get(plan.phases().size() - 1);
    out.println();
    out.println("```text");
    double maxHours = Math.max(1, last.cumulativeEffortHours());
    out.println("Developer hours invested");
    for (PhasePlan.Phase p : plan.phases()) {
      out.printf(
          Locale.ROOT,
          "  Phase %d  %-30s %s%n",
          p.number(),
          "█".repeat((int) Math.round(p.effortHours() / maxHours * 30)),
          hours(p.effortHours()));
    }
    double maxSaved = Math.max(0.1, last.hoursSavedPerMonth().high());
    out.println("Waiting hours saved a month");
    for (PhasePlan.Phase p : plan.phases()) {
      out.printf(
          Locale.ROOT,
          "  After %d  %-30s %s h/month%n",
          p.number(),
          "█".repeat((int) Math.round(Math.min(1, p.hoursSavedPerMonth().high() / maxSaved) * 30)),
          p.hoursSavedPerMonth().format());
    }
    out.printf(
        Locale.ROOT,
        "Break-even: %s · a year: %s h saved for %s invested%n",
        last.breakEven().format(),
        last.hoursSavedPerMonth().times(12).format(),
        hours(last.cumulativeEffortHours()));
    out.println("```");
    List<Finding> withSaving =
        findings.stream().filter(f -> f.saving().developerHours().high() >= 0.1).toList();
    if (!withSaving.isEmpty()) {
      out.println();
      out.println("| finding | effort | waiting saved h/month | break-even |");
      out.println("|---|---|---|---|");
      for (Finding f : withSaving) {
        out.printf(
            Locale.ROOT,
            "| %s %s `%s` | ~%s | %s | %s |%n",
            f.ruleId(),
            f.ruleName(),
            f.location(),
            hours(f.effortHours()),
            f.saving().developerHours().format(),
            BreakEven.of(f.effortHours(), f.saving().developerHours()).format());
      }
    }
  }

  private void decisionTree() {
    section("Decision tree, answered for this repository");
    Timeline primary = primary();
    if (primary == null) {
      out.println("No workflow to decide on.");
      return;
    }
    double runs = result.costInputs().runsPerDay();
    double runtime = primary.path().length().high() / 60;
    PhasePlan.Phase p1 = plan.phases().get(0);
    PhasePlan.Phase last = plan.phases().get(plan.phases().size() - 1);
    DurationRange p1Saved =
        primary.path().length().minusClamped(p1.criticalPath(primary.workflow().path()));
    out.println("```text");
    out.println(
        "Should I optimise this pipeline? ("
            + primary.workflow().displayName()
            + ", the slowest workflow)");
    out.println();
    out.printf(Locale.ROOT, "How many runs per day?      %s%n", Amount.of(runs).format());
    if (runs < 5) {
      out.println("  └─ < 5 runs  → ❌ not worth much (low impact); fix blockers only");
      out.println("```");
      return;
    }
    out.println("  └─ ≥ 5 runs  → continue");
    out.printf(
        Locale.ROOT, "Current runtime?            %s%n", primary.path().length().formatMinutes());
    if (runtime < 15) {
      out.println("  └─ < 15 min  → ⚠️ already good: take the low-effort tweaks only (phase 1)");
      out.println("```");
      return;
    }
    out.println("  └─ ≥ 15 min  → continue");
    out.printf(Locale.ROOT, "Phase 1 impact > 5 min?     %s%n", p1Saved.format());
    if (p1Saved.high() <= 300) {
      out.println("  └─ No   → ⚠️ look for bigger wins first (phases 2 and 3)");
    } else {
      out.println("  └─ Yes  → ✅ implement phase 1 immediately");
    }
    out.println("Team capacity?");
    out.printf(
        Locale.ROOT,
        "  ├─ Low   → phase 1 only (~%s): %s%n",
        hours(p1.effortHours()),
        p1.criticalPath(primary.workflow().path()).formatMinutes());
    out.printf(
        Locale.ROOT,
        "  └─ High  → all phases (~%s): %s%s%n",
        hours(last.cumulativeEffortHours()),
        last.criticalPath(primary.workflow().path()).formatMinutes(),
        change(primary.path().length(), last.criticalPath(primary.workflow().path())));
    out.println("```");
  }

  private void quickReference() {
    section("Quick reference card");
    out.println("```text");
    out.println("OPTIMISATION QUICK REFERENCE — " + rootName());
    out.println();
    List<Finding> ranked =
        findings.stream()
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
              : highImpact(f) ? "HIGH PRIORITY" : "PRIORITY";
      out.printf(
          Locale.ROOT,
          "%d. %s (phase %d) — %s %s%n",
          i++,
          priority,
          PhasePlan.phaseOf(f),
          f.ruleId(),
          f.ruleName());
      out.println("   " + f.message());
      out.println("   Savings: " + savesOrNothing(f));
      out.printf(Locale.ROOT, "   Effort:  %s (~%s)%n", f.effort().word(), hours(f.effortHours()));
      out.println("   File:    " + f.location());
    }
    if (ranked.isEmpty()) {
      out.println("No finding saves time or money.");
    }
    Timeline primary = primary();
    if (primary != null) {
      String w = primary.workflow().path();
      out.println();
      out.println("EXPECTED RESULTS (" + primary.workflow().displayName() + ")");
      out.println("  Current:   " + primary.path().length().formatMinutes());
      for (PhasePlan.Phase p : plan.phases()) {
        out.printf(
            Locale.ROOT,
            "  After P%d:  %s%s%n",
            p.number(),
            p.criticalPath(w).formatMinutes(),
            change(primary.path().length(), p.criticalPath(w)));
      }
      PhasePlan.Phase last = plan.phases().get(plan.phases().size() - 1);
      out.println(
          "  Total saving: "
              + primary.path().length().minusClamped(last.criticalPath(w)).format()
              + " per run");
      out.println("  Implementation: ~" + hours(last.cumulativeEffortHours()));
      out.println("  Break-even: " + last.breakEven().format());
    }
    out.println("```");
  }

  // ---- helpers ----

  private static String atLine(int line) {
    return line > 0 ? " (line " + line + ")" : "";
  }

  private boolean highImpact(Finding f) {
    return Verdict.share(result, f) >= HIGH_IMPACT_SHARE
        || f.saving().criticalPathPerRun().high() >= HIGH_IMPACT_SECONDS;
  }

  private Timeline primary() {
    Timeline best = null;
    for (Timeline t : current) {
      if (best == null || t.path().length().high() > best.path().length().high()) {
        best = t;
      }
    }
    return best;
  }

  private String workflowHeaders() {
    return String.join(
        " | ",
        current.stream().map(t -> cell(t.workflow().displayName()) + " critical path").toList());
  }

  private static List<Timeline.Entry> sortedByStart(Timeline t) {
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

  private List<Finding> bySeverity(Severity s) {
    return findings.stream().filter(f -> f.severity() == s).toList();
  }

  private String severityCounts() {
    List<String> parts = new ArrayList<>();
    for (Severity s : Severity.values()) {
      long n = findings.stream().filter(f -> f.severity() == s).count();
      if (n > 0) {
        parts.add(n + " " + s.word());
      }
    }
    return parts.isEmpty() ? "none" : String.join(", ", parts);
  }

  private static List<String> distinctRules(List<Finding> fs) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    fs.forEach(f -> counts.merge(f.ruleId() + " " + f.ruleName(), 1, Integer::sum));
    List<String> out = new ArrayList<>();
    counts.forEach((k, n) -> out.add(k + (n > 1 ? " ×" + n : "")));
    return out;
  }

  private static String savesOrNothing(Finding f) {
    String s = TextRenderer.describe(f.saving());
    return s.isEmpty() ? "no runtime saving (safety / hygiene)" : "saves " + s;
  }

  private static String mark(Severity s) {
    return switch (s) {
      case BLOCKER -> "🔴";
      case HIGH -> "🟠";
      case MEDIUM -> "⚠️";
      default -> "ℹ️";
    };
  }

  private String rootName() {
    java.nio.file.Path name = result.workspace().root().toAbsolutePath().normalize().getFileName();
    return name == null ? "/" : name.toString();
  }

  private void section(String title) {
    out.println();
    out.println("## " + title);
    out.println();
  }

  private void subsection(String title) {
    out.println();
    out.println("### " + title);
    out.println();
  }

  private void fence(String lang, String text) {
    String f = text.contains("```") ? "~~~~" : "```";
    out.println(f + lang);
    out.println(text.stripTrailing());
    out.println(f);
  }

  static String change(DurationRange before, DurationRange after) {
    if (before.high() <= 0) {
      return "";
    }
    double pct = (before.high() - after.high()) / before.high() * 100;
    if (Math.abs(pct) < 0.5) {
      return "";
    }
    return String.format(Locale.ROOT, " (%s%.0f%%)", pct > 0 ? "−" : "+", Math.abs(pct));
  }

  static String percent(double share) {
    double p = share * 100;
    if (p > 0 && p < 1) {
      return "<1%";
    }
    return String.format(Locale.ROOT, "%.0f%%", p);
  }

  static String num(double v) {
    double r = Math.round(v * 100) / 100.0;
    if (r == Math.rint(r)) {
      return String.valueOf((long) r);
    }
    return String.format(Locale.ROOT, "%.2f", r).replaceAll("0$", "");
  }

  static String hours(double h) {
    return Amount.of(h).format() + " h";
  }

  private static String signed(Amount a) {
    if (a.high() < 0) {
      return "−" + a.times(-1).format() + " (bills more)";
    }
    return a.format();
  }

  private static String signedDollars(Amount a) {
    if (a.high() < 0) {
      return "−" + a.times(-1).formatDollars() + " (costs more)";
    }
    return a.formatDollars();
  }

  static String cell(String s) {
    return Escape.markdown(s);
  }

  /** Text safe inside a mermaid label or gantt task name. */
  static String mermaid(String s) {
    return Escape.mermaidStatement(s);
  }

  private static String clip(String s, int width) {
    return s.length() <= width ? s : s.substring(0, width - 1) + "…";
  }

  private static String plural(int n) {
    return n == 1 ? "" : "s";
  }
}
