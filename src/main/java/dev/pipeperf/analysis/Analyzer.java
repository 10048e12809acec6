package dev.pipeperf.analysis;

import dev.pipeperf.config.ConfigLoader;
import dev.pipeperf.config.DurationOverrides;
import dev.pipeperf.config.PipeperfConfig;
import dev.pipeperf.cost.CostInputs;
import dev.pipeperf.cost.Pricing;
import dev.pipeperf.cost.RunActivity;
import dev.pipeperf.cost.RunRate;
import dev.pipeperf.cost.RunRates;
import dev.pipeperf.cost.WorkflowCost;
import dev.pipeperf.cost.WorkflowRuns;
import dev.pipeperf.estimate.Catalogue;
import dev.pipeperf.estimate.StepEstimator;
import dev.pipeperf.estimate.observed.ObservedRun;
import dev.pipeperf.estimate.observed.RunHistory;
import dev.pipeperf.estimate.observed.TimingsReader;
import dev.pipeperf.graph.CriticalPath;
import dev.pipeperf.graph.GraphBuilder;
import dev.pipeperf.graph.PinCheck;
import dev.pipeperf.graph.PipelineGraph;
import dev.pipeperf.graph.Scenario;
import dev.pipeperf.rules.AnalysisView;
import dev.pipeperf.rules.RuleEngine;
import dev.pipeperf.rules.RuleResults;
import dev.pipeperf.source.Diagnostic;
import dev.pipeperf.source.ParseResult;
import dev.pipeperf.source.SourceFile;
import dev.pipeperf.workflow.Workflow;
import dev.pipeperf.workspace.Workspace;
import dev.pipeperf.workspace.WorkspaceLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the whole flow — files → models → graph → estimates → schedule → cost — and returns an
 * immutable {@link AnalysisResult}. Never throws on user input: problems come back as diagnostics.
 */
public final class Analyzer {

  /**
   * What to analyse.
   *
   * @param root the repository folder
   * @param config an explicit config file, or null for {@code .pipeperf.yml} at the root
   * @param workflow {@code --workflow}: a workflow name or file to report, or null for all
   * @param timings observed-timings files given on the command line (config {@code timings:} adds
   *     more, relative to the root)
   */
  public record Options(
      Path root, Path config, String workflow, List<Path> timings, boolean catalogueOnly) {
    public Options {
      timings = timings == null ? List.of() : List.copyOf(timings);
    }

    public Options(Path root, Path config, String workflow, List<Path> timings) {
      this(root, config, workflow, timings, false);
    }

    /**
     * The same analysis from the catalogue alone: no {@code durations:} pins, no observed runs. The
     * gate compares two such estimates to tell what a change does to jobs whose durations are
     * pinned (pins describe the pipeline as it was, not as the change makes it).
     */
    public Options catalogueEstimate() {
      return new Options(root, config, workflow, List.of(), true);
    }

    public static Options of(Path root) {
      return new Options(root, null, null, List.of());
    }
  }

  private Analyzer() {}

  public static AnalysisResult analyze(Options options) {
    Workspace ws = WorkspaceLoader.load(options.root(), options.config());
    PipeperfConfig config = ws.config();
    StepEstimator estimator =
        new StepEstimator(
            Catalogue.builtIn(),
            options.catalogueOnly() ? DurationOverrides.NONE : config.durations());
    List<Diagnostic> diagnostics = new ArrayList<>(ws.diagnostics());

    List<ObservedRun> runs =
        options.catalogueOnly() ? List.of() : readTimings(options, config, diagnostics);
    GraphBuilder.Result built = GraphBuilder.build(ws, estimator);
    Observations observations = Observations.of(runs, built.graph());
    if (!observations.jobDurations().isEmpty()) {
      // Observed durations beat the catalogue (config overrides still beat them): rebuild with
      // them.
      built =
          GraphBuilder.build(
              ws, estimator, observations.jobDurations(), observations.stepDurations());
    }
    diagnostics.addAll(built.diagnostics());
    PipelineGraph graph = built.graph();
    if (!options.catalogueOnly()) {
      diagnostics.addAll(unmatchedPins(options, config, graph));
    }
    CriticalPath schedule = CriticalPath.of(graph);

    Pricing pricing = pricing(config);
    CostInputs inputs = costInputs(config);
    // Runs a month counted in the run history (timings fetch keeps each run's creation time), by
    // workflow path: RunRates prefers them over config's runsPerMonth and over the triggers.
    Map<String, Double> observedRuns = new LinkedHashMap<>();
    observations
        .workflows()
        .forEach((path, o) -> o.runsPerMonth().ifPresent(n -> observedRuns.put(path, n)));
    RunRates.Result rates =
        RunRates.derive(
            ws.workflows(),
            activity(config),
            config.runs().runsPerMonth(),
            observedRuns,
            inputs.runsPerMonth());
    diagnostics.addAll(rates.diagnostics());
    Map<String, Workflow> byPath = new LinkedHashMap<>();
    ws.workflows().forEach(w -> byPath.put(w.path(), w));
    Map<String, WorkflowCost> costs = new LinkedHashMap<>();
    Scenario baseline = Scenario.baseline(graph);
    for (PipelineGraph.WorkflowEntry w : graph.workflows()) {
      RunRate rate = rates.byWorkflow().get(w.path());
      WorkflowRuns plan =
          rate == null
              ? WorkflowRuns.flat(w.path(), inputs.runsPerMonth())
              : WorkflowRuns.of(graph, w.path(), byPath, rate);
      costs.put(
          w.path(),
          WorkflowCost.of(graph, List.of(), schedule, baseline, w.path(), pricing, inputs, plan));
    }
    AnalysisView view = new AnalysisView(ws, graph, schedule, costs, pricing, inputs, estimator);
    RuleResults rules = RuleEngine.run(view, config.rules(), List.copyOf(diagnostics));
    diagnostics.addAll(placeRuleSettings(options, rules.diagnostics()));
    return new AnalysisResult(
        ws,
        graph,
        schedule,
        diagnostics,
        options.workflow(),
        observations,
        costs,
        pricing,
        inputs,
        rules);
  }

  private static List<ObservedRun> readTimings(
      Options options, PipeperfConfig config, List<Diagnostic> diagnostics) {
    List<TimingsReader.Input> inputs = new ArrayList<>();
    for (Path p : options.timings()) {
      inputs.add(
          new TimingsReader.Input(
              p, p.toString().replace('\\', '/'), SourceFile.rootFor(options.root(), p)));
    }
    for (String t : config.timings()) {
      inputs.add(new TimingsReader.Input(options.root().resolve(t), t, options.root()));
    }
    // The run history `pipeperf timings fetch` keeps is read without being asked for.
    for (Path h : RunHistory.files(options.root())) {
      inputs.add(
          new TimingsReader.Input(h, options.root().relativize(h).toString().replace('\\', '/')));
    }
    if (inputs.isEmpty()) {
      return List.of();
    }
    ParseResult<List<ObservedRun>> r = TimingsReader.readAll(inputs);
    diagnostics.addAll(placeTimingsEntries(options, config, r.diagnostics()));
    return r.hasModel() ? r.model() : List.of();
  }

  /**
   * A {@code timings:} file of the config that cannot be read (missing, outside the root) is a
   * problem of the config line that names it: such a file-level diagnostic gets that line's {@code
   * .pipeperf.yml:line:col}, its message naming the file. Problems inside a readable file keep
   * their own position.
   */
  private static List<Diagnostic> placeTimingsEntries(
      Options options, PipeperfConfig config, List<Diagnostic> in) {
    if (config.timings().isEmpty()) {
      return in;
    }
    SourceFile text = null;
    List<Diagnostic> out = new ArrayList<>();
    for (Diagnostic d : in) {
      String file = d.location().file();
      if (d.location().line() == 0 && config.timings().contains(file)) {
        if (text == null) {
          text = configText(options);
        }
        if (text != null) {
          d =
              new Diagnostic(
                  ConfigLoader.entryLocation(text, "timings", file),
                  d.severity(),
                  d.code(),
                  "timings: " + file + ": " + d.message());
        }
      }
      out.add(d);
    }
    return out;
  }

  /** Pins in {@code durations:} that match no job, step or action (typos, renamed jobs). */
  private static List<Diagnostic> unmatchedPins(
      Options options, PipeperfConfig config, PipelineGraph graph) {
    DurationOverrides pins = config.durations();
    if (pins.jobs().isEmpty() && pins.steps().isEmpty() && pins.actions().isEmpty()) {
      return List.of();
    }
    SourceFile text = configText(options);
    return PinCheck.unmatched(pins, graph, text, configName(options));
  }

  /**
   * The rule engine knows rule ids, not where the config writes them: a {@code rules:} problem (an
   * id that is no rule, a bad severity) gets the line of its key in the config file.
   */
  private static List<Diagnostic> placeRuleSettings(Options options, List<Diagnostic> in) {
    SourceFile text = null;
    List<Diagnostic> out = new ArrayList<>();
    for (Diagnostic d : in) {
      String m = d.message();
      if (d.location().line() == 0
          && d.location().file().equals(ConfigLoader.FILE_NAME)
          && m.startsWith("rules: ")) {
        if (text == null) {
          text = configText(options);
        }
        String id = m.substring("rules: ".length()).split("[ :]", 2)[0];
        if (text != null) {
          d = new Diagnostic(ConfigLoader.keyLocation(text, id), d.severity(), d.code(), m);
        }
      }
      out.add(d);
    }
    return out;
  }

  private static String configName(Options options) {
    return options.config() != null
        ? options.config().toString().replace('\\', '/')
        : ConfigLoader.FILE_NAME;
  }

  /** The config file as text, for positions of its keys; null when there is none. */
  private static SourceFile configText(Options options) {
    Path file =
        options.config() != null
            ? options.config()
            : options.root().resolve(ConfigLoader.FILE_NAME);
    if (!java.nio.file.Files.isRegularFile(file)) {
      return null;
    }
    ParseResult<SourceFile> text = SourceFile.read(file, configName(options));
    return text.hasModel() ? text.model() : null;
  }

  /**
   * The built-in price list with the config's {@code pricing:} overrides, for the repository's
   * {@code visibility:}.
   */
  public static Pricing pricing(PipeperfConfig config) {
    Pricing builtin = Pricing.builtin().forVisibility(config.runs().publicRepository());
    if (config.pricing().isEmpty()) {
      return builtin;
    }
    return builtin.withOverrides(config.pricing(), builtin.effective(), ".pipeperf.yml pricing");
  }

  /** The config's activity figures, each falling back on its documented default. */
  public static RunActivity activity(PipeperfConfig config) {
    RunActivity d = RunActivity.DEFAULTS;
    Map<String, Double> a = config.runs().activity();
    List<String> set = new ArrayList<>(a.keySet());
    if (config.runsPerDay() != null) {
      set.add("runsPerDay");
    }
    List<String> branches = d.defaultBranches();
    if (config.runs().defaultBranch() != null) {
      branches = List.of(config.runs().defaultBranch());
      set.add("defaultBranch");
    }
    CostInputs inputs = costInputs(config);
    return new RunActivity(
        inputs.runsPerDay(),
        inputs.workingDaysPerMonth(),
        a.getOrDefault("mergesPerDay", d.mergesPerDay()),
        a.getOrDefault("tagsPerMonth", d.tagsPerMonth()),
        a.getOrDefault("releasesPerMonth", d.releasesPerMonth()),
        a.getOrDefault("dispatchesPerMonth", d.dispatchesPerMonth()),
        a.getOrDefault("issueEventsPerMonth", d.issueEventsPerMonth()),
        a.getOrDefault("otherBranchPushesPerMonth", d.otherBranchPushesPerMonth()),
        a.getOrDefault("otherEventsPerMonth", d.otherEventsPerMonth()),
        Math.min(1, a.getOrDefault("pathsShare", d.pathsShare())),
        branches,
        set);
  }

  /** The config's cost settings, each falling back on its documented default. */
  public static CostInputs costInputs(PipeperfConfig config) {
    CostInputs d = CostInputs.DEFAULTS;
    return new CostInputs(
        config.runsPerDay() != null ? config.runsPerDay() : d.runsPerDay(),
        config.workingDaysPerMonth() != null
            ? config.workingDaysPerMonth()
            : d.workingDaysPerMonth(),
        config.developerHourlyCost() != null
            ? config.developerHourlyCost()
            : d.developerHourlyCost(),
        config.waitingDevelopers() != null ? config.waitingDevelopers() : d.waitingDevelopers());
  }
}
