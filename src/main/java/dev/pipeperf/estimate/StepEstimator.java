package dev.pipeperf.estimate;

import dev.pipeperf.config.DurationOverrides;
import dev.pipeperf.config.DurationValue;
import dev.pipeperf.workflow.Container;
import dev.pipeperf.workflow.Job;
import dev.pipeperf.workflow.RunsOn;
import dev.pipeperf.workflow.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Estimates steps and job start-up from the catalogue, with the user's {@code durations:} overrides
 * taking precedence (spec §6: config > observed > catalogue > default). Observed timings are
 * applied later, on the graph, where jobs are matched by display name.
 */
public final class StepEstimator {

  private final Catalogue catalogue;
  private final DurationOverrides overrides;

  /** RE2/J: the keys come from the repository's config, so matching must stay linear. */
  private final List<Map.Entry<com.google.re2j.Pattern, DurationValue>> commandOverrides =
      new ArrayList<>();

  /**
   * Scripts already estimated: matrix instances, called workflows and rules ask for the same script
   * again and again, and each ask runs every catalogue pattern over every line.
   */
  private final Map<String, Estimate> scripts = new java.util.HashMap<>();

  public StepEstimator(Catalogue catalogue, DurationOverrides overrides) {
    this.catalogue = catalogue;
    this.overrides = overrides;
    overrides
        .commands()
        .forEach(
            (k, v) ->
                commandOverrides.add(
                    Map.entry(
                        com.google.re2j.Pattern.compile(
                            k, com.google.re2j.Pattern.CASE_INSENSITIVE),
                        v)));
  }

  public Catalogue catalogue() {
    return catalogue;
  }

  /** The configured duration of a whole job, by {@code workflow-file:job-id} or job id. */
  public Estimate jobOverride(String workflowPath, String jobId) {
    String file = workflowPath.substring(workflowPath.lastIndexOf('/') + 1);
    for (String key : List.of(workflowPath + ":" + jobId, file + ":" + jobId, jobId)) {
      DurationValue v = overrides.jobs().get(key);
      if (v != null) {
        return Estimate.of(range(v), Provenance.CONFIG, "durations.jobs." + key);
      }
    }
    return null;
  }

  /** Runner start-up plus job container and the slowest service container. */
  public Estimate startup(Job job, RunsOn runsOn) {
    List<String> labels = runsOn == null ? List.of() : runsOn.labels();
    Catalogue.Runner runner = catalogue.runnerFor(labels);
    DurationRange r = runner.startup();
    String note = "runner start-up (" + runner.kind() + ")";
    if (job.container() != null) {
      r = r.plus(catalogue.containerStartup());
      note += " + job container";
    }
    DurationRange services = DurationRange.ZERO;
    for (Container s : job.services()) {
      services = services.max(catalogue.serviceStartup(s.image()));
    }
    if (!job.services().isEmpty()) {
      r = r.plus(services);
      note += " + " + job.services().size() + " service(s)";
    }
    return Estimate.of(r, Provenance.CATALOGUE, note);
  }

  /** The runner kind the cost model bills for these labels: linux, windows, macos, self-hosted. */
  public String runnerKind(RunsOn runsOn) {
    return catalogue.runnerFor(runsOn == null ? List.of() : runsOn.labels()).kind();
  }

  /** A step's duration. {@code jobId} selects step overrides ({@code job-id/step}). */
  public Estimate step(String jobId, Step step) {
    for (String key : stepKeys(jobId, step)) {
      DurationValue v = overrides.steps().get(key);
      if (v != null) {
        return Estimate.of(range(v), Provenance.CONFIG, "durations.steps." + key);
      }
    }
    if (step.isControl()) {
      return Estimate.of(catalogue.defaultFor("control"), Provenance.DEFAULT, "wait/cancel");
    }
    if (step.uses() != null) {
      return action(step.uses());
    }
    if (step.run() != null) {
      return script(step.run());
    }
    return Estimate.of(DurationRange.ZERO, Provenance.DEFAULT, "parallel group");
  }

  /**
   * A step's duration on one job instance: {@link #step(String, Step)}, then zero when its {@code
   * if:} is known to be false on that runner ({@code runner.os == 'macOS'} on a Linux runner) or
   * only holds when something went wrong ({@code failure()}, {@code cancelled()}: rarely, so not
   * part of a typical run), and at most its {@code timeout-minutes}.
   */
  public Estimate step(String jobId, Step step, RunsOn runsOn) {
    Estimate own = step(jobId, step);
    if (own.provenance() == Provenance.CONFIG) {
      return own;
    }
    String skipped = StepConditions.skippedBecause(step.ifCondition(), runnerOs(runsOn));
    if (skipped != null) {
      return Estimate.of(DurationRange.ZERO, Provenance.HEURISTIC, skipped);
    }
    return capped(own, step.timeoutMinutes(), "step");
  }

  /** An estimate at most {@code timeoutMinutes}, saying so when the cap bites. */
  public static Estimate capped(Estimate e, Integer timeoutMinutes, String what) {
    if (timeoutMinutes == null || timeoutMinutes <= 0) {
      return e;
    }
    double cap = timeoutMinutes * 60.0;
    if (e.range().high() <= cap) {
      return e;
    }
    return Estimate.of(
        new DurationRange(Math.min(e.range().low(), cap), cap),
        e.provenance(),
        e.source() + ", capped by the " + what + "'s timeout-minutes: " + timeoutMinutes);
  }

  /** {@code runner.os} of a runner kind: Linux, macOS, Windows; null when unknown (self-hosted). */
  private String runnerOs(RunsOn runsOn) {
    List<String> labels = runsOn == null ? List.of() : runsOn.labels();
    for (String l : labels) {
      String x = l.toLowerCase(Locale.ROOT);
      if (x.equals("linux") || x.equals("macos") || x.equals("windows")) {
        return x;
      }
    }
    String kind = catalogue.runnerFor(labels).kind();
    return kind.equals("self-hosted") || labels.stream().anyMatch(l -> l.contains("${{"))
        ? null
        : kind;
  }

  private static List<String> stepKeys(String jobId, Step step) {
    List<String> keys = new ArrayList<>();
    if (step.id() != null) {
      keys.add(jobId + "/" + step.id());
    }
    if (step.name() != null) {
      keys.add(jobId + "/" + step.name());
    }
    return keys;
  }

  /** An action's duration by its name (version ignored). */
  public Estimate action(String uses) {
    String name = uses.toLowerCase(Locale.ROOT);
    int at = name.indexOf('@');
    if (at >= 0) {
      name = name.substring(0, at);
    }
    for (Map.Entry<String, DurationValue> e : overrides.actions().entrySet()) {
      if (e.getKey().toLowerCase(Locale.ROOT).equals(name)) {
        return Estimate.of(
            range(e.getValue()), Provenance.CONFIG, "durations.actions." + e.getKey());
      }
    }
    if (name.startsWith("docker://")) {
      return Estimate.of(
          catalogue.defaultFor("dockerAction"), Provenance.DEFAULT, "docker action (image pull)");
    }
    Catalogue.Action a = catalogue.actions().get(name);
    if (a == null) {
      // actions/cache/restore@v4 is listed; github/codeql-action/init too: try the shortest prefix
      // that is listed so sub-actions of a listed action still match.
      String n = name;
      while (a == null && n.lastIndexOf('/') > n.indexOf('/')) {
        n = n.substring(0, n.lastIndexOf('/'));
        a = catalogue.actions().get(n);
      }
    }
    if (a != null) {
      return Estimate.of(a.range(), Provenance.CATALOGUE, "action " + a.uses());
    }
    return Estimate.of(catalogue.defaultFor("action"), Provenance.DEFAULT, "unknown action");
  }

  /** True when the action builds container images (build-push, bake, depot). */
  public boolean isBuildAction(String uses) {
    String name = uses.toLowerCase(Locale.ROOT);
    int at = name.indexOf('@');
    Catalogue.Action a = catalogue.actions().get(at >= 0 ? name.substring(0, at) : name);
    return a != null && a.build();
  }

  /** A script's duration: the sum over its lines of the commands they run. */
  public Estimate script(String run) {
    Estimate known = scripts.get(run);
    if (known == null) {
      known = estimateScript(run);
      scripts.put(run, known);
    }
    return known;
  }

  private Estimate estimateScript(String run) {
    DurationRange total = DurationRange.ZERO;
    List<String> matched = new ArrayList<>();
    boolean config = false;
    for (String raw : joinContinuations(run)) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      DurationRange lineRange = null;
      for (Map.Entry<com.google.re2j.Pattern, DurationValue> o : commandOverrides) {
        if (o.getKey().matcher(line).find()) {
          lineRange = range(o.getValue());
          matched.add("durations.commands." + o.getKey().pattern());
          config = true;
          break;
        }
      }
      if (lineRange == null) {
        for (Catalogue.Command c : catalogue.commands()) {
          Matcher m = c.matcher(line);
          if (m.find()) {
            DurationRange r =
                c.sleep() ? DurationRange.ofSeconds(Double.parseDouble(m.group(1))) : c.range();
            lineRange = lineRange == null ? r : lineRange.plus(r);
            matched.add(c.name());
            if (c.exclusive()) {
              break;
            }
          }
        }
      }
      total = total.plus(lineRange != null ? lineRange : catalogue.defaultFor("line"));
    }
    total = total.max(catalogue.defaultFor("run"));
    String source =
        matched.isEmpty() ? "script" : String.join(" + ", matched.stream().distinct().toList());
    Provenance p =
        config ? Provenance.CONFIG : matched.isEmpty() ? Provenance.DEFAULT : Provenance.CATALOGUE;
    return Estimate.of(total, p, source);
  }

  /** True when a script runs an image build ({@code docker build}, {@code buildx bake}). */
  public boolean isBuildScript(String run) {
    for (String line : joinContinuations(run)) {
      for (Catalogue.Command c : catalogue.commands()) {
        if (c.build() && c.matcher(line).find()) {
          return true;
        }
      }
    }
    return false;
  }

  private static List<String> joinContinuations(String run) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (String l : run.split("\n", -1)) {
      String t = l.stripTrailing();
      if (t.endsWith("\\")) {
        cur.append(t, 0, t.length() - 1).append(' ');
      } else {
        cur.append(t);
        out.add(cur.toString());
        cur.setLength(0);
      }
    }
    if (cur.length() > 0) {
      out.add(cur.toString());
    }
    return out;
  }

  private static DurationRange range(DurationValue v) {
    return new DurationRange(v.lowSeconds(), v.highSeconds());
  }
}
