package dev.pipeperf.report;

import static dev.pipeperf.report.Figures.change;
import static dev.pipeperf.report.Figures.hours;
import static dev.pipeperf.report.Figures.percent;
import static dev.pipeperf.report.Figures.plural;
import static dev.pipeperf.report.Figures.savedDollars;
import static dev.pipeperf.report.Figures.savedMinutes;
import static dev.pipeperf.report.Figures.savesOrNothing;
import static dev.pipeperf.report.Page.bold;
import static dev.pipeperf.report.Page.code;

import dev.pipeperf.Version;
import dev.pipeperf.analysis.AnalysisResult;
import dev.pipeperf.cost.Amount;
import dev.pipeperf.cost.WorkflowCost;
import dev.pipeperf.graph.CriticalPath;
import dev.pipeperf.review.Evidence;
import dev.pipeperf.review.KeyFiles;
import dev.pipeperf.review.PhasePlan;
import dev.pipeperf.review.Review;
import dev.pipeperf.review.RunsPerEvent;
import dev.pipeperf.review.Timeline;
import dev.pipeperf.review.Verdict;
import dev.pipeperf.rules.Finding;
import dev.pipeperf.rules.Practice;
import dev.pipeperf.source.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The review half of the report: decision and its reasons, how it is computed, what is already
 * done, what blocks, what changes, what it costs, the files reviewed, the conditions, the
 * recommendation and the next steps. Prints the {@link Review}; decides nothing.
 */
final class VerdictSections {

  private final Review review;
  private final AnalysisResult result;
  private final Verdict verdict;
  private final Page page;

  VerdictSections(Review review, Page page) {
    this.review = review;
    this.result = review.result();
    this.verdict = review.verdict();
    this.page = page;
  }

  void write() {
    header();
    body();
  }

  /** Every section after the header. */
  void body() {
    executiveSummary();
    howDecided();
    alreadyOptimised();
    blockingIssues();
    expectedImprovements();
    costs();
    keyFiles();
    approvalConditions();
    alsoConsider();
    finalRecommendation();
    nextSteps();
  }

  void header() {
    page.title("CI/CD pipeline performance review — " + rootName(result));
    page.paragraph(
        bold("Status: " + verdict.headline())
            + " · Performance score "
            + bold(Verdict.formatScore(verdict.score())));
    int jobs = review.current().stream().mapToInt(Timeline::jobCount).sum();
    int files = KeyFiles.of(result).files().size();
    page.paragraph(
        String.format(
            Locale.ROOT,
            "Reviewed by pipeperf %s · %d workflow%s, %d job%s, %d file%s reviewed · runner prices"
                + " as of %s · durations are ranges (optimistic–pessimistic)",
            Version.current(),
            review.current().size(),
            plural(review.current().size()),
            jobs,
            plural(jobs),
            files,
            plural(files),
            result.pricing().effective()));
  }

  private void executiveSummary() {
    page.section("summary", "Executive summary");
    String condition = "";
    if (verdict.decision() == Verdict.Decision.BLOCKED) {
      condition =
          " — "
              + verdict.mustFix().size()
              + " blocking fix"
              + (verdict.mustFix().size() == 1 ? "" : "es")
              + " required first, about "
              + hours(verdict.mustFixHours());
    } else if (verdict.decision() == Verdict.Decision.CHANGES_REQUESTED) {
      condition =
          " — "
              + verdict.mustFix().size()
              + " fix"
              + (verdict.mustFix().size() == 1 ? "" : "es")
              + " required before approval, about "
              + hours(verdict.mustFixHours());
    }
    page.paragraph(bold("Decision:") + " " + verdict.headline() + condition);
    page.paragraph(
        bold("Performance score:")
            + " "
            + Verdict.formatScore(verdict.score())
            + " (how it is computed: below)");
    page.bullets(verdict.reasons());
    if (review.current().isEmpty()) {
      page.paragraph(
          result.workflowFilter() != null
              ? "No workflow matches --workflow " + result.workflowFilter() + "."
              : "No workflows found under .github/workflows.");
    } else {
      List<List<String>> rows = new ArrayList<>();
      for (Timeline t : review.current()) {
        String w = t.workflow().path();
        WorkflowCost c = result.costs().get(w);
        CriticalPath.WorkflowPath after = result.rules().optimised().path(w);
        rows.add(
            List.of(
                t.workflow().displayName() + " (" + code(w) + ")",
                t.path().length().formatMinutes(),
                after == null
                    ? "-"
                    : after.length().formatMinutes() + change(t.path().length(), after.length()),
                c == null ? "-" : c.perRun().minutes().format(),
                c == null ? "-" : c.perRun().dollars().formatDollars()));
      }
      page.table(
          List.of(
              "workflow",
              "critical path now",
              "with every fix",
              "billable min/run",
              "runner $/run"),
          rows);
    }
    List<Finding> counted = new ArrayList<>();
    review.evidence().kinds().forEach(k -> counted.addAll(k.findings()));
    String suppressed =
        result.rules().suppressed() > 0
            ? "; " + result.rules().suppressed() + " suppressed by inline comments (not counted)"
            : "";
    page.paragraph(
        String.format(
            Locale.ROOT,
            "%d finding%s counted (%s) in %d kind%s; %d to also consider (hygiene, not counted)%s.",
            counted.size(),
            plural(counted.size()),
            severityCounts(counted),
            review.evidence().kinds().size(),
            plural(review.evidence().kinds().size()),
            review.evidence().alsoConsider().size(),
            suppressed));
  }

  private void howDecided() {
    page.subsection("How the decision and score are computed");
    page.paragraph(code(Verdict.FORMULA));
    Evidence e = review.evidence();
    page.table(
        List.of("evidence", "value"),
        List.of(
            List.of("blockers", String.valueOf(e.blockers().size())),
            List.of(
                "critical path (all reported workflows)",
                e.waitNow().formatMinutes() + " → " + e.waitAfter().formatMinutes()),
            List.of("share of the critical path recovered", percent(e.pathShare())),
            List.of(
                "runner $/month",
                e.runnerNow().formatDollars() + " → " + e.runnerAfter().formatDollars()),
            List.of("share of the runner bill recovered", percent(e.billShare())),
            List.of(
                "confidence of the durations",
                e.confidence().level().name() + " (" + e.confidence().describe() + ")"),
            List.of("E (weighted)", percent(e.weightedShare())),
            List.of("score", Verdict.formatScore(verdict.score())),
            List.of("decision", verdict.decision().words())));
    if (e.kinds().isEmpty()) {
      page.paragraph("No counted findings.");
      return;
    }
    List<List<String>> rows = new ArrayList<>();
    for (Evidence.Kind k : e.kinds()) {
      rows.add(
          List.of(
              k.ruleId() + " " + k.ruleName(),
              String.valueOf(k.count()),
              k.severity().word(),
              k.savedPerRun().high() >= 1 ? k.savedPerRun().format() : "0s",
              percent(k.share())));
    }
    page.paragraph(
        "Counted findings by kind (repeated findings of one kind count once, with their total;"
            + " each measured alone, so the totals overlap):");
    page.table(
        List.of("kind", "findings", "severity", "saved per run (total)", "share of critical path"),
        rows);
  }

  private void alreadyOptimised() {
    page.section("optimised", "What is already optimised");
    List<Practice> practices = result.rules().practices();
    if (practices.isEmpty()) {
      page.paragraph("pipeperf recognised no good practice in place yet (see the findings below).");
      return;
    }
    page.bullets(
        practices.stream()
            .map(p -> "✅ " + p.what() + " — " + code(p.location().toString()))
            .toList());
  }

  private void blockingIssues() {
    page.section("blocking", "Blocking issues");
    if (verdict.mustFix().isEmpty()) {
      page.paragraph(
          "None: nothing must change before approval (" + verdict.decision().words() + ").");
      return;
    }
    int i = 1;
    for (Finding f : verdict.mustFix()) {
      page.subsection(
          i++
              + ". "
              + mark(f.severity())
              + " "
              + f.ruleId()
              + " "
              + f.ruleName()
              + " — "
              + f.location());
      String saves = TextRenderer.describe(f.saving());
      page.bullets(
          List.of(
              bold("Problem:") + " " + f.message(),
              bold("Impact:")
                  + " "
                  + (f.severity() == Severity.BLOCKER
                      ? "the pipeline fails until this is fixed"
                      : "slows every run")
                  + (saves.isEmpty() ? "" : "; fixing it " + saves),
              bold("Fix time:")
                  + " "
                  + f.effort().word()
                  + " effort (~"
                  + hours(f.effortHours())
                  + ")",
              bold("Fix:")));
      page.preformatted(f.fix());
    }
  }

  private void expectedImprovements() {
    page.section("improvements", "Expected improvements (after every fix)");
    List<String> lines = new ArrayList<>();
    for (Timeline t : review.current()) {
      String w = t.workflow().path();
      CriticalPath.WorkflowPath after = result.rules().optimised().path(w);
      WorkflowCost before = result.costs().get(w);
      WorkflowCost cost = result.rules().optimisedCosts().get(w);
      if (after == null || before == null || cost == null) {
        continue;
      }
      lines.add(
          bold(t.workflow().displayName())
              + ": critical path "
              + t.path().length().formatMinutes()
              + " → "
              + after.length().formatMinutes()
              + change(t.path().length(), after.length())
              + "; billable "
              + before.perRun().minutes().format()
              + " → "
              + cost.perRun().minutes().format()
              + " min per run");
    }
    page.bullets(lines);
    List<Finding> top =
        review.evidence().kinds().stream()
            .flatMap(k -> k.findings().stream())
            .filter(f -> f.saving().criticalPathPerRun().high() >= 1)
            .sorted(
                (a, b) ->
                    Double.compare(
                        b.saving().criticalPathPerRun().high(),
                        a.saving().criticalPathPerRun().high()))
            .limit(5)
            .toList();
    if (!top.isEmpty()) {
      page.paragraph("Largest single improvements (each measured alone):");
      page.bullets(
          top.stream()
              .map(
                  f ->
                      "━ "
                          + f.saving().criticalPathPerRun().format()
                          + " per run ("
                          + percent(Verdict.share(result, f))
                          + " of the critical path) — "
                          + f.ruleId()
                          + " "
                          + f.ruleName()
                          + " at "
                          + code(f.location().toString()))
              .toList());
    }
  }

  private void costs() {
    page.section("cost", "Cost (monthly)");
    page.paragraph(
        "Runner cost and waiting time are shown apart: the runner bill is what GitHub charges"
            + " (prices as of "
            + result.pricing().effective()
            + "); waiting is developer time, which rests on the inputs below.");
    page.paragraph(bold("Inputs:") + " " + review.assumptions().sentence());
    List<List<String>> runner = new ArrayList<>();
    Amount saved = Amount.ZERO;
    for (Timeline t : review.current()) {
      String w = t.workflow().path();
      WorkflowCost before = result.costs().get(w);
      WorkflowCost after = result.rules().optimisedCosts().get(w);
      if (before == null || after == null) {
        continue;
      }
      Amount s = before.monthly().runnerDollars().minusSigned(after.monthly().runnerDollars());
      saved = saved.plus(s);
      runner.add(
          List.of(
              t.workflow().displayName(),
              before.plan().rate().basis(),
              before.perRun().dollars().formatDollars(),
              before.monthly().runnerDollars().formatDollars(),
              after.monthly().runnerDollars().formatDollars(),
              savedDollars(s)));
    }
    runner.add(List.of(bold("total"), "", "", "", "", bold(savedDollars(saved))));
    page.subsection("Runner cost");
    page.table(
        List.of(
            "workflow",
            "runs a month (source)",
            "runner $/run",
            "runner $/month now",
            "after every fix",
            "saved a month"),
        runner);
    runsPerEvent();
    page.subsection("Waiting time (assumption stated)");
    page.paragraph(
        "Waiting = critical path × runs a month a developer waits for (pushes, pull requests,"
            + " dispatches; not schedules, tags, releases or bots) × "
            + review.assumptions().developers()
            + "; valued at "
            + review.assumptions().hourlyCost()
            + ". An upper bound: people do other work while CI runs.");
    List<List<String>> waiting = new ArrayList<>();
    Amount hoursSaved = Amount.ZERO;
    for (Timeline t : review.current()) {
      String w = t.workflow().path();
      WorkflowCost before = result.costs().get(w);
      WorkflowCost after = result.rules().optimisedCosts().get(w);
      if (before == null || after == null) {
        continue;
      }
      Amount h = before.monthly().waitingHours().minusClamped(after.monthly().waitingHours());
      hoursSaved = hoursSaved.plus(h);
      waiting.add(
          List.of(
              t.workflow().displayName(),
              before.monthly().waitingHours().format() + " h",
              after.monthly().waitingHours().format() + " h",
              h.format()
                  + " h ("
                  + before
                      .monthly()
                      .developerDollars()
                      .minusClamped(after.monthly().developerDollars())
                      .formatDollars()
                  + ")"));
    }
    waiting.add(List.of(bold("total"), "", "", bold(hoursSaved.format() + " h")));
    page.table(List.of("workflow", "waiting now", "after every fix", "saved a month"), waiting);
    List<Finding> saving =
        review.evidence().kinds().stream()
            .flatMap(k -> k.findings().stream())
            .filter(f -> !TextRenderer.describe(f.saving()).isEmpty())
            .toList();
    if (!saving.isEmpty()) {
      page.paragraph(
          "Per finding, each measured alone (remedies overlap, so these do not add up to the totals"
              + " above; concurrency cancellation is counted here only):");
      List<List<String>> rows = new ArrayList<>();
      for (Finding f : saving) {
        rows.add(
            List.of(
                f.ruleId() + " " + f.ruleName(),
                code(f.location().toString()),
                f.saving().criticalPathPerRun().format(),
                savedMinutes(f.saving().billableMinutes()),
                savedDollars(f.saving().runnerDollars()),
                f.saving().developerHours().format()));
      }
      page.table(
          List.of(
              "finding",
              "where",
              "per run",
              "billable min/month saved",
              "runner $/month saved",
              "waiting h/month saved"
                  + (review.assumptions().waitingAssumed() ? " (assumed inputs)" : "")),
          rows);
    }
  }

  /**
   * Each workflow's runs a month with where the figure comes from, and per event that starts it the
   * run's critical path and bill: the number behind every monthly figure of the report.
   */
  private void runsPerEvent() {
    List<RunsPerEvent.Workflow> shown = review.runs().workflows();
    if (shown.isEmpty()) {
      return;
    }
    page.subsection("Runs a month, per event");
    page.paragraph(
        "Every monthly figure rests on how often a workflow runs: counted in the run history"
            + " (observed), set in .pipeperf.yml (configured), derived from its triggers, or"
            + " pipeperf's default. A workflow started by several events is costed event by event:"
            + " jobs whose if: excludes an event are neither billed nor on its critical path.");
    List<List<String>> rows = new ArrayList<>();
    for (RunsPerEvent.Workflow w : shown) {
      if (!w.splitByEvent() && w.events().size() == 1) {
        // one event, every job runs: one row says it all
        WorkflowCost.EventCost e = w.events().get(0);
        rows.add(
            List.of(
                w.name(),
                e.event().label(),
                Figures.codeSpans(w.describe()),
                e.criticalPath().formatMinutes(),
                e.perRun().minutes().format() + " (" + e.perRun().dollars().formatDollars() + ")",
                "every job runs"));
        continue;
      }
      rows.add(List.of(w.name(), "all events", Figures.codeSpans(w.describe()), "", "", ""));
      if (!w.splitByEvent()) {
        continue;
      }
      for (WorkflowCost.EventCost e : w.events()) {
        List<String> jobs = new ArrayList<>();
        if (!e.notRun().isEmpty()) {
          jobs.add("not run: " + String.join(", ", e.notRun()));
        }
        if (!e.rarely().isEmpty()) {
          jobs.add("only after a failure: " + String.join(", ", e.rarely()));
        }
        if (!e.assumed().isEmpty()) {
          jobs.add("if: unknown, assumed to run: " + String.join(", ", e.assumed()));
        }
        rows.add(
            List.of(
                "",
                e.event().label(),
                Amount.of(e.event().runsPerMonth()).format()
                    + ": "
                    + Figures.codeSpans(e.event().assumption()),
                e.criticalPath().formatMinutes(),
                e.perRun().minutes().format() + " (" + e.perRun().dollars().formatDollars() + ")",
                jobs.isEmpty() ? "every job runs" : String.join("; ", jobs)));
      }
    }
    page.table(
        List.of(
            "workflow",
            "event",
            "runs a month (how counted)",
            "critical path",
            "billable min/run ($)",
            "jobs"),
        rows);
  }

  private void keyFiles() {
    page.section("files", "Key files reviewed");
    KeyFiles files = KeyFiles.of(result);
    for (KeyFiles.File file : files.files()) {
      boolean blocker = file.findings().stream().anyMatch(f -> f.severity() == Severity.BLOCKER);
      boolean high = file.findings().stream().anyMatch(f -> f.severity() == Severity.HIGH);
      String status = blocker ? "🔴 REQUIRES UPDATE" : high ? "⚠️ REQUIRES UPDATE" : "✅ APPROVED";
      page.paragraph(bold(status + " — " + code(file.path())));
      List<String> items = new ArrayList<>();
      for (Practice p : file.practices()) {
        items.add("✅ " + p.what() + atLine(p.location().line()));
      }
      for (Finding f : file.findings()) {
        items.add(
            mark(f.severity())
                + " "
                + f.severity().word()
                + " "
                + f.ruleId()
                + (f.alsoConsider() ? " (also consider)" : "")
                + ": "
                + f.message()
                + atLine(f.location().line()));
      }
      if (items.isEmpty()) {
        items.add("read; no findings");
      }
      page.bullets(items);
    }
  }

  private void approvalConditions() {
    page.section("conditions", "Approval conditions");
    page.paragraph(bold("Must fix before approval:"));
    page.bullets(
        verdict.mustFix().isEmpty()
            ? List.of("nothing (" + verdict.decision().words() + ")")
            : verdict.mustFix().stream()
                .map(
                    f ->
                        mark(f.severity())
                            + " "
                            + f.ruleId()
                            + " "
                            + f.ruleName()
                            + " at "
                            + code(f.location().toString())
                            + " ("
                            + f.effort().word()
                            + " effort, ~"
                            + hours(f.effortHours())
                            + ")")
                .toList());
    page.paragraph(bold("Recommended (not blocking):"));
    Map<String, List<Finding>> byKind = new LinkedHashMap<>();
    for (Finding f : verdict.recommended()) {
      byKind.computeIfAbsent(f.ruleId() + " " + f.ruleName(), k -> new ArrayList<>()).add(f);
    }
    List<String> items = new ArrayList<>();
    byKind.forEach(
        (kind, fs) -> {
          Finding first = fs.get(0);
          if (fs.size() == 1) {
            items.add(
                mark(first.severity())
                    + " "
                    + kind
                    + " at "
                    + code(first.location().toString())
                    + " — "
                    + savesOrNothing(first)
                    + " (phase "
                    + PhasePlan.phaseOf(first)
                    + ")");
          } else {
            items.add(
                mark(first.severity())
                    + " "
                    + kind
                    + " ×"
                    + fs.size()
                    + " in "
                    + String.join(
                        ", ", fs.stream().map(f -> code(f.location().file())).distinct().toList())
                    + " (phase "
                    + PhasePlan.phaseOf(first)
                    + ")");
          }
        });
    page.bullets(items.isEmpty() ? List.of("nothing") : items);
  }

  private void alsoConsider() {
    List<Finding> hygiene = review.evidence().alsoConsider();
    if (hygiene.isEmpty()) {
      return;
    }
    page.section("also-consider", "Also consider (hygiene, not counted)");
    Map<String, List<Finding>> byKind = new LinkedHashMap<>();
    hygiene.forEach(
        f ->
            byKind.computeIfAbsent(f.ruleId() + " " + f.ruleName(), k -> new ArrayList<>()).add(f));
    List<String> items = new ArrayList<>();
    byKind.forEach(
        (kind, fs) ->
            items.add(
                kind
                    + (fs.size() > 1 ? " ×" + fs.size() : "")
                    + " — "
                    + String.join(
                        ", ",
                        fs.stream()
                            .map(f -> code(f.location().file()))
                            .distinct()
                            .limit(5)
                            .toList())
                    + (fs.stream().map(f -> f.location().file()).distinct().count() > 5
                        ? ", …"
                        : "")));
    page.bullets(items);
  }

  private void finalRecommendation() {
    page.section("recommendation", "Final recommendation");
    int n = verdict.mustFix().size();
    int r = verdict.recommended().size();
    String head =
        switch (verdict.decision()) {
          case BLOCKED ->
              bold(
                      "🛑 BLOCKED: do not merge until the blocking fix"
                          + (n == 1 ? " is" : "es are")
                          + " in")
                  + " (about "
                  + hours(verdict.mustFixHours())
                  + "); then run the review again.";
          case CHANGES_REQUESTED ->
              bold("🔴 CHANGES REQUESTED:")
                  + " make the "
                  + n
                  + " required fix"
                  + (n == 1 ? "" : "es")
                  + " (about "
                  + hours(verdict.mustFixHours())
                  + ") before approval; they recover most of the time listed below.";
          case APPROVED_WITH_RECOMMENDATIONS ->
              bold("✅ APPROVED WITH RECOMMENDATIONS:")
                  + " nothing blocks; schedule the "
                  + r
                  + " recommended fix"
                  + (r == 1 ? "" : "es")
                  + " listed under Approval conditions.";
          case APPROVED -> bold("✅ APPROVED:") + " nothing blocks and nothing needs scheduling.";
        };
    page.paragraph(head);
    if (!review.current().isEmpty()) {
      page.paragraph("With every fix applied:");
      List<String> lines = new ArrayList<>();
      for (Timeline t : review.current()) {
        String w = t.workflow().path();
        CriticalPath.WorkflowPath after = result.rules().optimised().path(w);
        WorkflowCost before = result.costs().get(w);
        WorkflowCost cost = result.rules().optimisedCosts().get(w);
        if (after == null || before == null || cost == null) {
          continue;
        }
        lines.add(
            t.workflow().displayName()
                + ": critical path "
                + t.path().length().formatMinutes()
                + " → "
                + after.length().formatMinutes()
                + change(t.path().length(), after.length())
                + "; runner "
                + savedDollars(
                    before.monthly().runnerDollars().minusSigned(cost.monthly().runnerDollars()))
                + " a month saved ("
                + before.plan().rate().basis()
                + ")");
      }
      page.bullets(lines);
    }
    Evidence.Confidence c = review.evidence().confidence();
    page.paragraph(
        "Risk level: "
            + verdict.risk().name()
            + " ("
            + (verdict.mustFix().isEmpty()
                ? "nothing must change"
                : "required fixes: "
                    + String.join(
                        ", ",
                        verdict.mustFix().stream().map(f -> f.effort().word()).distinct().toList())
                    + " effort")
            + ") · Confidence: "
            + c.level().name()
            + " (critical-path seconds: "
            + c.describe()
            + (c.observed() < 0.5 ? "; pass --timings for observed ones" : "")
            + ")");
  }

  private void nextSteps() {
    page.section("next", "Next steps");
    List<String> steps = new ArrayList<>();
    for (Finding f : verdict.mustFix()) {
      steps.add(
          "Fix " + f.ruleId() + " at " + code(f.location().toString()) + " (see the fix above).");
    }
    for (PhasePlan.Phase p : review.plan().phases()) {
      List<Finding> rest =
          p.findings().stream().filter(f -> !verdict.mustFix().contains(f)).toList();
      if (rest.isEmpty()) {
        continue;
      }
      steps.add(
          "Phase "
              + p.number()
              + " ("
              + p.effort().word()
              + " effort, ~"
              + hours(p.effortHours())
              + "): "
              + String.join(", ", distinctRules(rest))
              + (verdict.decision().approves() ? " (recommended)." : "."));
    }
    steps.add(
        "Re-run "
            + code("pipeperf report")
            + " after each phase, and gate regressions in CI with "
            + code("pipeperf check --baseline")
            + ".");
    steps.add(
        "Export a few runs' timings ("
            + code("gh run view --json jobs")
            + ") and pass them with "
            + code("--timings")
            + " so the estimates become observations.");
    page.numbered(steps);
  }

  // ---- helpers ----

  static String rootName(AnalysisResult result) {
    java.nio.file.Path name = result.workspace().root().toAbsolutePath().normalize().getFileName();
    return name == null ? "/" : name.toString();
  }

  private static String atLine(int line) {
    return line > 0 ? " (line " + line + ")" : "";
  }

  static String mark(Severity s) {
    return switch (s) {
      case BLOCKER -> "🔴";
      case HIGH -> "🟠";
      case MEDIUM -> "⚠️";
      default -> "ℹ️";
    };
  }

  private static String severityCounts(List<Finding> findings) {
    List<String> parts = new ArrayList<>();
    for (Severity s : Severity.values()) {
      long n = findings.stream().filter(f -> f.severity() == s).count();
      if (n > 0) {
        parts.add(n + " " + s.word());
      }
    }
    return parts.isEmpty() ? "none" : String.join(", ", parts);
  }

  static List<String> distinctRules(List<Finding> fs) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    fs.forEach(f -> counts.merge(f.ruleId() + " " + f.ruleName(), 1, Integer::sum));
    List<String> out = new ArrayList<>();
    counts.forEach((k, n) -> out.add(k + (n > 1 ? " ×" + n : "")));
    return out;
  }
}
