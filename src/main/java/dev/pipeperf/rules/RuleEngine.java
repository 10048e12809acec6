package dev.pipeperf.rules;

import dev.pipeperf.config.RuleSetting;
import dev.pipeperf.cost.Amount;
import dev.pipeperf.cost.Savings;
import dev.pipeperf.cost.WorkflowCost;
import dev.pipeperf.dockerfile.Dockerfile;
import dev.pipeperf.dockerfile.Instruction;
import dev.pipeperf.dockerfile.Stage;
import dev.pipeperf.estimate.DurationRange;
import dev.pipeperf.graph.CriticalPath;
import dev.pipeperf.graph.GraphEdit;
import dev.pipeperf.graph.PipelineGraph;
import dev.pipeperf.graph.Scenario;
import dev.pipeperf.source.Diagnostic;
import dev.pipeperf.source.Location;
import dev.pipeperf.source.Severity;
import dev.pipeperf.workflow.Job;
import dev.pipeperf.workflow.Step;
import dev.pipeperf.workflow.Workflow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the rules: fresh instances from {@link BuiltinRules}, visits every model, applies config
 * (off / severity) and inline suppressions, then computes each finding's saving by applying its
 * remedy to the graph and re-running the critical path — and all remedies together for the
 * optimised pipeline.
 */
public final class RuleEngine {

  /** Beyond this many findings with remedies, savings are not computed one by one (huge repos). */
  static final int MAX_WHAT_IFS = 2_000;

  /**
   * A finding reported only for its saving must save at least this much of the critical path (high
   * bound) or a billable minute: a 10-second gain is not worth a doubled bill or a lost gate.
   */
  static final double MIN_WORTHWHILE_SECONDS = 30;

  /**
   * Beyond this much what-if work (findings times graph nodes: each saving re-runs the critical
   * path over the whole graph), savings are not computed one by one either, so that analysis time
   * stays linear in the repository (issue 10: 20,000 jobs in seconds, not minutes).
   */
  static final long MAX_WHAT_IF_NODES = 1_000_000;

  private RuleEngine() {}

  public static RuleResults run(
      AnalysisView view, Map<String, RuleSetting> settings, List<Diagnostic> inputDiagnostics) {
    List<Diagnostic> configProblems = new ArrayList<>();
    Map<String, RuleSetting> known = new HashMap<>();
    Set<String> ids = new LinkedHashSet<>();
    List<Rule> rules = BuiltinRules.all();
    rules.forEach(r -> ids.add(r.info().id()));
    settings.forEach(
        (id, s) -> {
          String upper = id.toUpperCase(java.util.Locale.ROOT);
          if (!ids.contains(upper)) {
            configProblems.add(
                Diagnostic.warning(
                    Location.ofFile(".pipeperf.yml"),
                    "config",
                    "rules: " + id + " is no pipeperf rule (see pipeperf rules)"));
          } else if (s.severity() != null && Severity.fromWord(s.severity()) == null) {
            configProblems.add(
                Diagnostic.error(
                    Location.ofFile(".pipeperf.yml"),
                    "config",
                    "rules: " + id + ": severity must be blocker, high, medium, low or info"));
          } else {
            known.put(upper, s);
          }
        });

    List<Finding> raw = new ArrayList<>();
    List<Practice> practices = new ArrayList<>();
    for (Rule rule : rules) {
      RuleInfo info = rule.info();
      RuleSetting s = known.get(info.id());
      if (s != null && !s.enabled()) {
        continue;
      }
      Severity severity =
          s != null && s.severity() != null ? Severity.fromWord(s.severity()) : info.severity();
      RuleContext ctx = new RuleContext(info, severity, view, raw, practices);
      if (rule instanceof DiagnosticsInput d) {
        d.diagnostics(inputDiagnostics);
      }
      int before = raw.size();
      int practicesBefore = practices.size();
      try {
        visit(rule, view, ctx);
      } catch (RuntimeException | StackOverflowError e) { // NOPMD: a rule's bug, contained
        // One broken rule must not cost the user the rest of the analysis: its findings are
        // dropped (they may be half-made) and the failure is reported as a diagnostic.
        raw.subList(before, raw.size()).clear();
        practices.subList(practicesBefore, practices.size()).clear();
        configProblems.add(
            new Diagnostic(
                Location.ofFile("."),
                Severity.HIGH,
                Diagnostic.INTERNAL_ERROR,
                "rule " + info.id() + " (" + info.name() + ") failed and was left out: " + e));
      }
    }

    Suppressions suppressions =
        new Suppressions(view.workspace().sources(), view.workspace().root());
    Map<String, Finding> unique = new LinkedHashMap<>();
    java.util.Set<String> silenced = new java.util.HashSet<>();
    for (Finding f : raw) {
      String key = f.ruleId() + "|" + f.location() + "|" + f.message();
      if (!suppressions.suppressed(f)) {
        unique.putIfAbsent(key, f);
      } else {
        silenced.add(key);
      }
    }
    // A finding reported only for its saving counts when it saves on its own, or when it still
    // saves once every other fix is in (an edge that only matters after the longer path is gone).
    List<Finding> candidates = new ArrayList<>(unique.values());
    List<GraphEdit> everything = new ArrayList<>();
    candidates.forEach(f -> everything.addAll(f.remedy().edits()));
    CriticalPath allApplied =
        CriticalPath.of(view.graph(), Scenario.apply(view.graph(), everything));
    List<Finding> findings = new ArrayList<>();
    int whatIfs = 0;
    long affordable = MAX_WHAT_IF_NODES / Math.max(1, view.graph().nodes().size());
    int maxWhatIfs = (int) Math.max(1, Math.min(MAX_WHAT_IFS, affordable));
    for (Finding f : candidates) {
      if (f.remedy().isEmpty()) {
        findings.add(f);
        continue;
      }
      if (whatIfs++ >= maxWhatIfs) {
        if (!f.remedy().onlyIfSaves()) {
          findings.add(f);
        }
        continue;
      }
      Savings saving;
      try {
        saving = saving(view, f.workflow(), f.remedy());
      } catch (RuntimeException | StackOverflowError e) { // NOPMD: a what-if's bug, contained
        configProblems.add(
            new Diagnostic(
                f.location(),
                Severity.HIGH,
                Diagnostic.INTERNAL_ERROR,
                "the saving of " + f.ruleId() + " could not be computed: " + e));
        findings.add(f);
        continue;
      }
      boolean worthIt =
          saving.criticalPathPerRun().high() >= MIN_WORTHWHILE_SECONDS
              || saving.billableMinutes().high() >= 1;
      if (f.remedy().onlyIfSaves() && !worthIt && !marginal(view, f, everything, allApplied)) {
        continue;
      }
      findings.add(f.withSaving(saving));
    }
    findings.sort(null);
    List<Practice> uniquePractices = new ArrayList<>(new LinkedHashSet<>(practices));
    uniquePractices.sort(null);

    List<GraphEdit> all = new ArrayList<>();
    findings.forEach(f -> all.addAll(f.remedy().edits()));
    Scenario optimised = Scenario.apply(view.graph(), all);
    CriticalPath optimisedPath = CriticalPath.of(view.graph(), optimised);
    Map<String, WorkflowCost> optimisedCosts = new LinkedHashMap<>();
    for (PipelineGraph.WorkflowEntry w : view.graph().workflows()) {
      optimisedCosts.put(
          w.path(),
          WorkflowCost.of(optimisedPath, optimised, w.path(), view.pricing(), view.costInputs()));
    }
    return new RuleResults(
        findings, uniquePractices, optimisedPath, optimisedCosts, configProblems, silenced.size());
  }

  private static void visit(Rule rule, AnalysisView view, RuleContext ctx) {
    for (Workflow w : view.workspace().workflows()) {
      rule.visitWorkflow(w, ctx);
      for (Job j : w.jobs()) {
        rule.visitJob(w, j, ctx);
        for (Step s : j.allSteps()) {
          rule.visitStep(w, j, s, ctx);
        }
      }
    }
    for (Dockerfile d : view.workspace().dockerfiles().values()) {
      rule.visitDockerfile(d, ctx);
      for (Stage st : d.stages()) {
        rule.visitStage(d, st, ctx);
        for (Instruction i : st.instructions()) {
          rule.visitInstruction(d, st, i, ctx);
        }
      }
    }
    rule.finish(view, ctx);
  }

  /** True when leaving this finding's edits out of all the fixes makes its workflow slower. */
  private static boolean marginal(
      AnalysisView view, Finding f, List<GraphEdit> everything, CriticalPath allApplied) {
    List<GraphEdit> others = new ArrayList<>(everything);
    f.remedy().edits().forEach(others::remove);
    CriticalPath without = CriticalPath.of(view.graph(), Scenario.apply(view.graph(), others));
    for (PipelineGraph.WorkflowEntry w : view.graph().workflows()) {
      if (f.workflow() != null && !f.workflow().equals(w.path())) {
        continue;
      }
      double gain =
          without.path(w.path()).length().high() - allApplied.path(w.path()).length().high();
      if (gain >= MIN_WORTHWHILE_SECONDS) {
        return true;
      }
    }
    return false;
  }

  /** The saving of one remedy on one workflow (or on every workflow when none is named). */
  static Savings saving(AnalysisView view, String workflow, Remedy remedy) {
    Savings total = Savings.NONE;
    Scenario scenario = Scenario.apply(view.graph(), remedy.edits());
    CriticalPath after =
        remedy.edits().isEmpty() ? view.schedule() : CriticalPath.of(view.graph(), scenario);
    for (PipelineGraph.WorkflowEntry w : view.graph().workflows()) {
      if (workflow != null && !workflow.equals(w.path())) {
        continue;
      }
      WorkflowCost before = view.costs().get(w.path());
      if (before == null) {
        continue;
      }
      WorkflowCost changed =
          WorkflowCost.of(after, scenario, w.path(), view.pricing(), view.costInputs());
      DurationRange saved = before.criticalPath().minusClamped(changed.criticalPath());
      Savings s = Savings.between(before.perRun(), changed.perRun(), saved, view.costInputs());
      double[] extra = remedy.extraBilledSeconds();
      if (extra[0] > 0 || extra[1] > 0) {
        double runs = view.costInputs().runsPerMonth();
        Amount minutes = Amount.of(Math.ceil(extra[0] / 60), Math.ceil(extra[1] / 60)).times(runs);
        double price =
            view.pricing()
                .price(dev.pipeperf.cost.RunnerKind.fromLabels(List.of("ubuntu-latest")))
                .price()
                .perMinute();
        s =
            new Savings(
                s.criticalPathPerRun(),
                s.billableMinutes().minusSigned(minutes),
                s.runnerDollars().minusSigned(minutes.times(price)),
                s.developerHours(),
                s.developerDollars());
      }
      if (remedy.runsAvoided() > 0) {
        double runs = view.costInputs().runsPerMonth() * remedy.runsAvoided();
        Amount minutes = before.perRun().minutes().times(runs);
        s =
            s.plus(
                new Savings(
                    DurationRange.ZERO,
                    minutes,
                    before.perRun().dollars().times(runs),
                    Amount.ZERO,
                    Amount.ZERO));
      }
      total = total.plus(s);
    }
    return total;
  }
}
