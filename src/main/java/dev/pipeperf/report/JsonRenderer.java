package dev.pipeperf.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipeperf.Version;
import dev.pipeperf.analysis.AnalysisResult;
import dev.pipeperf.analysis.Observations;
import dev.pipeperf.cost.Amount;
import dev.pipeperf.cost.WorkflowCost;
import dev.pipeperf.estimate.DurationRange;
import dev.pipeperf.estimate.observed.ObservedCriticalPath;
import dev.pipeperf.graph.CriticalPath;
import dev.pipeperf.graph.Node;
import dev.pipeperf.review.Evidence;
import dev.pipeperf.review.PhasePlan;
import dev.pipeperf.review.Timeline;
import dev.pipeperf.review.Verdict;
import dev.pipeperf.source.Diagnostic;
import dev.pipeperf.source.Location;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * The machine-readable report. Its shape is versioned by {@code schemaVersion} and documented in
 * {@code docs/json-schema.md}; fields are only ever added within a version. Durations are seconds.
 */
public final class JsonRenderer {

  /** Bumped when a field changes meaning or disappears; adding fields keeps the version. */
  public static final int SCHEMA_VERSION = 1;

  private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public void render(AnalysisResult result, PrintWriter out) {
    try {
      out.println(mapper.writeValueAsString(tree(result)));
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public ObjectNode tree(AnalysisResult result) {
    ObjectNode root = mapper.createObjectNode();
    root.put("schemaVersion", SCHEMA_VERSION);
    root.put("tool", "pipeperf");
    root.put("version", Version.current());
    root.put("root", result.workspace().root().toString());
    root.put("filesRead", result.workspace().filesRead());
    ArrayNode workflows = root.putArray("workflows");
    CriticalPath cp = result.schedule();
    for (Timeline t : Timeline.of(result)) {
      ObjectNode w = workflows.addObject();
      w.put("path", t.workflow().path());
      w.put("name", t.workflow().displayName());
      ArrayNode events = w.putArray("events");
      t.workflow().events().forEach(events::add);
      w.put("jobCount", t.jobCount());
      w.set("criticalPath", range(t.path().length()));
      w.set("jobTime", range(t.path().work()));
      w.put("parallelism", Math.round(t.path().parallelism() * 100) / 100.0);
      ArrayNode critical = w.putArray("criticalJobs");
      t.critical().forEach(e -> critical.add(entry(e)));
      ArrayNode off = w.putArray("otherJobs");
      t.offPath().forEach(e -> off.add(entry(e)));
      WorkflowCost cost = result.costs().get(t.workflow().path());
      if (cost != null) {
        w.set("cost", cost(cost, result));
      }
      Observations.WorkflowObservation obs =
          result.observations().workflows().get(t.workflow().path());
      if (obs != null) {
        w.set("observed", observed(obs));
      }
      ArrayNode nodes = w.putArray("criticalNodes");
      for (int i : t.path().nodes()) {
        Node n = cp.graph().node(i);
        if (n.isJoin()) {
          continue;
        }
        ObjectNode o = nodes.addObject();
        o.put("id", n.id());
        o.put("label", n.label());
        if (n.job() != null) {
          o.put("job", n.job().displayName());
        }
        o.set("start", range(cp.earliestStart(i)));
        o.set("duration", range(n.estimate().range()));
        o.put("provenance", n.estimate().provenance().word());
        o.put("source", n.estimate().source());
        location(o, n.location());
      }
    }
    findings(root, result);
    ArrayNode diags = root.putArray("diagnostics");
    for (Diagnostic d : result.diagnostics()) {
      ObjectNode o = diags.addObject();
      location(o, d.location());
      o.put("severity", d.severity().word());
      o.put("code", d.code());
      o.put("message", d.message());
    }
    return root;
  }

  /**
   * The findings, good practices, verdict, optimised critical paths and the phased plan: the
   * numbers the markdown and HTML reports show.
   */
  private void findings(ObjectNode root, AnalysisResult result) {
    Verdict verdict = Verdict.of(result);
    ObjectNode v = root.putObject("verdict");
    v.put("decision", verdict.decision().name());
    v.put("score", verdict.score());
    v.put("formula", Verdict.FORMULA);
    ArrayNode reasons = v.putArray("reasons");
    verdict.reasons().forEach(reasons::add);
    v.put("risk", verdict.risk().name());
    Evidence evidence = verdict.evidence();
    ObjectNode ev = v.putObject("evidence");
    ev.put("criticalPathShareRecovered", round(evidence.pathShare()));
    ev.put("runnerBillShareRecovered", round(evidence.billShare()));
    ev.put("confidence", evidence.confidence().level().name());
    ev.put("observedShare", round(evidence.confidence().observed()));
    ev.put("configuredShare", round(evidence.confidence().configured()));
    ev.put("estimatedShare", round(evidence.confidence().estimated()));
    ev.put("weightedShare", round(evidence.weightedShare()));
    ArrayNode must = v.putArray("mustFix");
    verdict.mustFix().forEach(f -> must.add(f.fingerprint()));
    root.put("suppressedFindings", result.rules().suppressed());
    ArrayNode findings = root.putArray("findings");
    for (var f : result.rankedFindings()) {
      ObjectNode o = findings.addObject();
      o.put("ruleId", f.ruleId());
      o.put("rule", f.ruleName());
      o.put("severity", f.severity().word());
      location(o, f.location());
      o.put("message", f.message());
      o.put("fix", f.fix());
      edits(o, f);
      o.put("effort", f.effort().word());
      o.put("effortHours", f.effortHours());
      o.put("phase", PhasePlan.phaseOf(f));
      if (f.workflow() != null) {
        o.put("workflow", f.workflow());
      }
      ObjectNode saving = o.putObject("saving");
      saving.set("criticalPathPerRun", range(f.saving().criticalPathPerRun()));
      saving.set("billableMinutesPerMonth", amount(f.saving().billableMinutes()));
      saving.set("runnerDollarsPerMonth", amount(f.saving().runnerDollars()));
      saving.set("developerHoursPerMonth", amount(f.saving().developerHours()));
      saving.set("developerDollarsPerMonth", amount(f.saving().developerDollars()));
      if (f.saving().runsBasis() != null) {
        saving.put("runsBasis", f.saving().runsBasis());
      }
      o.put("fingerprint", f.fingerprint());
    }
    // Hygiene with no computed saving: not scored, so no saving, phase or deduction.
    ArrayNode also = root.putArray("alsoConsider");
    for (var f : result.alsoConsider()) {
      ObjectNode o = also.addObject();
      o.put("ruleId", f.ruleId());
      o.put("rule", f.ruleName());
      o.put("severity", f.severity().word());
      location(o, f.location());
      o.put("message", f.message());
      o.put("fix", f.fix());
      edits(o, f);
      if (f.workflow() != null) {
        o.put("workflow", f.workflow());
      }
      o.put("fingerprint", f.fingerprint());
    }
    ArrayNode practices = root.putArray("practices");
    for (var p : result.rules().practices()) {
      ObjectNode o = practices.addObject();
      o.put("id", p.id());
      o.put("what", p.what());
      location(o, p.location());
    }
    ObjectNode optimised = root.putObject("optimised");
    for (Timeline t : Timeline.of(result, result.rules().optimised())) {
      ObjectNode o = optimised.putObject(t.workflow().path());
      o.set("criticalPath", range(t.path().length()));
      WorkflowCost c = result.rules().optimisedCosts().get(t.workflow().path());
      if (c != null) {
        o.set("billableMinutesPerRun", amount(c.perRun().minutes()));
        o.set("runnerDollarsPerMonth", amount(c.monthly().runnerDollars()));
        o.set("waitingHoursPerMonth", amount(c.monthly().waitingHours()));
      }
    }
    ArrayNode phases = root.putArray("phases");
    for (PhasePlan.Phase p : PhasePlan.of(result).phases()) {
      ObjectNode o = phases.addObject();
      o.put("phase", p.number());
      o.put("effort", p.effort().word());
      o.put("findings", p.findings().size());
      o.put("effortHours", p.effortHours());
      o.put("cumulativeEffortHours", p.cumulativeEffortHours());
      ObjectNode paths = o.putObject("criticalPath");
      p.after().forEach((w, c) -> paths.set(w, range(c.criticalPath())));
      o.set("waitingHoursSavedPerMonth", amount(p.hoursSavedPerMonth()));
      o.set("billableMinutesSavedPerMonth", amount(p.billableMinutesSavedPerMonth()));
      o.set("dollarsSavedPerMonth", amount(p.dollarsSavedPerMonth()));
      if (!p.breakEven().never()) {
        // high is null when the pessimistic case never breaks even
        ObjectNode months = o.putObject("breakEvenMonths");
        months.put("low", Math.round(p.breakEven().months().low() * 100) / 100.0);
        double high = p.breakEven().months().high();
        if (Double.isInfinite(high)) {
          months.putNull("high");
        } else {
          months.put("high", Math.round(high * 100) / 100.0);
        }
      }
    }
  }

  private ObjectNode cost(WorkflowCost c, AnalysisResult result) {
    ObjectNode o = mapper.createObjectNode();
    o.set("billableMinutesPerRun", amount(c.perRun().minutes()));
    o.set("dollarsPerRun", amount(c.perRun().dollars()));
    o.set("runsPerMonth", mapper.getNodeFactory().numberNode(c.monthly().runsPerMonth()));
    o.put("runsSource", c.plan().rate().source().word());
    o.put("runsAssumption", c.runsAssumption());
    ArrayNode events = o.putArray("events");
    for (WorkflowCost.EventCost e : c.events()) {
      ObjectNode ev = events.addObject();
      ev.put("event", e.event().label());
      ev.put("runsPerMonth", e.event().runsPerMonth());
      ev.put("assumption", e.event().assumption());
      ev.put("waited", e.event().waited());
      ev.set("criticalPath", range(e.criticalPath()));
      ev.set("billableMinutesPerRun", amount(e.perRun().minutes()));
      ev.set("dollarsPerRun", amount(e.perRun().dollars()));
      e.notRun().forEach(ev.putArray("notRun")::add);
      e.rarely().forEach(ev.putArray("rarely")::add);
      e.assumed().forEach(ev.putArray("assumedToRun")::add);
    }
    o.set("runnerDollarsPerMonth", amount(c.monthly().runnerDollars()));
    o.set("waitingHoursPerMonth", amount(c.monthly().waitingHours()));
    o.set("developerDollarsPerMonth", amount(c.monthly().developerDollars()));
    ObjectNode inputs = o.putObject("inputs");
    inputs.put("runsPerDay", result.costInputs().runsPerDay());
    inputs.put("workingDaysPerMonth", result.costInputs().workingDaysPerMonth());
    inputs.put("developerHourlyCost", result.costInputs().developerHourlyCost());
    inputs.put("waitingDevelopers", result.costInputs().waitingDevelopers());
    inputs.put("pricesEffective", result.pricing().effective().toString());
    inputs.put("pricesSource", result.pricing().source());
    inputs.put("visibility", result.pricing().publicRepository() ? "public" : "private");
    ArrayNode jobs = o.putArray("jobs");
    for (var line : c.perRun().lines()) {
      ObjectNode j = jobs.addObject();
      j.put("job", line.jobLabel());
      j.put("runner", line.kind().sku());
      j.put("payer", line.kind().payer().name().toLowerCase(java.util.Locale.ROOT));
      j.put("pricePerMinute", line.price().perMinute());
      j.set("minutes", amount(line.minutes()));
      j.set("dollars", amount(line.dollars()));
      if (line.assumption() != null) {
        j.put("assumption", line.assumption());
      }
    }
    return o;
  }

  private ObjectNode observed(Observations.WorkflowObservation obs) {
    ObjectNode o = mapper.createObjectNode();
    o.put("runs", obs.runs().size());
    obs.runsPerMonth().ifPresent(r -> o.put("runsPerMonth", Math.round(r * 10) / 10.0));
    if (!obs.runsByEvent().isEmpty()) {
      ObjectNode ev = o.putObject("runsByEvent");
      obs.runsByEvent().forEach(ev::put);
    }
    ArrayNode jobs = o.putArray("jobs");
    obs.matched()
        .forEach(
            (key, name) -> {
              ObjectNode j = jobs.addObject();
              j.put("key", key);
              j.put("observedName", name);
              if (obs.estimated().containsKey(key)) {
                j.set("estimate", range(obs.estimated().get(key)));
              }
              obs.timings()
                  .job(name)
                  .ifPresent(
                      t -> {
                        j.set("run", range(t.run()));
                        j.put("samples", t.samples());
                        j.put("failedRuns", t.failedRuns());
                        if (t.queueSamples() > 0) {
                          j.set("queue", range(t.queue()));
                        }
                      });
            });
    ArrayNode paths = o.putArray("criticalPaths");
    for (ObservedCriticalPath p : obs.criticalPath().perRun()) {
      ObjectNode po = paths.addObject();
      po.put("runId", p.runId());
      po.put("runSeconds", Math.round(p.pathRunSeconds() * 10) / 10.0);
      po.put("waitSeconds", Math.round(p.pathWaitSeconds() * 10) / 10.0);
      po.put("wallSeconds", Math.round(p.wallSeconds() * 10) / 10.0);
      po.put("ratio", Math.round(p.ratio() * 1000) / 1000.0);
      po.put("median", p == obs.criticalPath().median());
      ArrayNode links = po.putArray("jobs");
      for (ObservedCriticalPath.Link l : p.links()) {
        ObjectNode lo = links.addObject();
        lo.put("job", l.job());
        lo.put("startedAt", l.startedAt().toString());
        lo.put("completedAt", l.completedAt().toString());
        lo.put("runSeconds", l.runSeconds());
        lo.put("waitSeconds", l.waitSeconds());
      }
    }
    ArrayNode um = o.putArray("unmatchedObservedJobs");
    obs.unmatchedObserved().forEach(um::add);
    ArrayNode ui = o.putArray("jobsWithoutObservations");
    obs.unmatchedInstances().forEach(ui::add);
    return o;
  }

  private ObjectNode amount(Amount a) {
    ObjectNode o = mapper.createObjectNode();
    o.put("low", Math.round(a.low() * 100) / 100.0);
    o.put("high", Math.round(a.high() * 100) / 100.0);
    return o;
  }

  private ObjectNode entry(Timeline.Entry e) {
    ObjectNode o = mapper.createObjectNode();
    o.put("key", e.job().key());
    o.put("job", e.job().jobPath());
    o.put("name", e.job().displayName());
    o.put("runner", e.job().runnerKind());
    o.set("start", range(e.start()));
    o.set("duration", range(e.duration()));
    o.set("slack", range(e.slack()));
    o.put("provenance", e.provenance());
    if (!e.source().isEmpty()) {
      o.put("source", e.source());
    }
    location(o, e.job().location());
    return o;
  }

  private ObjectNode range(DurationRange r) {
    ObjectNode o = mapper.createObjectNode();
    o.put("low", Math.round(r.low() * 10) / 10.0);
    o.put("high", Math.round(r.high() * 10) / 10.0);
    return o;
  }

  private static void location(ObjectNode o, Location l) {
    o.put("file", l.file());
    o.put("line", l.line());
    o.put("column", l.column());
  }

  private static double round(double share) {
    return Math.round(share * 1000) / 1000.0;
  }

  /** The fix as exact text edits, when the rule could write it so (absent otherwise). */
  private static void edits(ObjectNode o, dev.pipeperf.rules.Finding f) {
    if (f.edits().isEmpty()) {
      return;
    }
    ArrayNode edits = o.putArray("edits");
    for (dev.pipeperf.rules.TextEdit e : f.edits()) {
      ObjectNode x = edits.addObject();
      x.put("file", e.file());
      x.put("line", e.line());
      x.put("column", e.column());
      x.put("endLine", e.endLine());
      x.put("endColumn", e.endColumn());
      x.put("replacement", e.replacement());
    }
  }
}
