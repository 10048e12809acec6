package dev.pipeperf.bench;

import dev.pipeperf.analysis.AnalysisResult;
import dev.pipeperf.analysis.Analyzer;
import dev.pipeperf.analysis.Observations;
import dev.pipeperf.estimate.DurationRange;
import dev.pipeperf.estimate.observed.ObservedJob;
import dev.pipeperf.estimate.observed.ObservedRun;
import dev.pipeperf.estimate.observed.ObservedStep;
import dev.pipeperf.estimate.observed.TimingsReader;
import dev.pipeperf.graph.CriticalPath;
import dev.pipeperf.graph.JobInstance;
import dev.pipeperf.graph.Node;
import dev.pipeperf.source.ParseResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * How close pipeperf's estimates, made WITHOUT any observed timing, come to real recorded runs
 * ({@code ../shared/corpus/runs}, issue 16): per executed job, whether the observed run time falls
 * inside the estimated range, the error of the range's midpoint and the width of the range
 * (high/low).
 *
 * <p>The recorded runs are split in two halves, interleaved by run id (GitHub's run ids grow with
 * time, so each half spans the same years): the catalogue was calibrated looking only at the {@code
 * calibration} half; the {@code holdout} half is the honest measure.
 *
 * <p>Only jobs that ran to success are compared: a failed or cancelled job stops early, and a
 * step-less check run (a test reporter's annotation) has no counterpart in the workflow.
 *
 * <p>Usage: {@code EstimateAccuracy RUNS_DIR [calibration|holdout|all] [--detail]}.
 */
public final class EstimateAccuracy {

  /** One executed job run compared with its estimate. */
  public record Sample(
      String caseName,
      String stack,
      String runId,
      String job,
      double observed,
      DurationRange estimate) {

    boolean inside() {
      // GitHub reports whole seconds; a job that took exactly the bound is inside it.
      return observed >= Math.floor(estimate.low()) && observed <= Math.ceil(estimate.high());
    }

    double midpointError() {
      return Math.abs(estimate.mid() - observed) / Math.max(observed, 1);
    }

    double ratio() {
      return estimate.high() / Math.max(estimate.low(), 1);
    }
  }

  /** The three figures of one group of samples. */
  public record Figures(int jobs, double inside, double medianMidpointError, double medianRatio) {
    static Figures of(List<Sample> samples) {
      if (samples.isEmpty()) {
        return new Figures(0, 0, 0, 0);
      }
      double in = samples.stream().filter(Sample::inside).count() / (double) samples.size();
      return new Figures(
          samples.size(),
          in,
          median(samples.stream().map(Sample::midpointError).toList()),
          median(samples.stream().map(Sample::ratio).toList()));
    }
  }

  /** Which stack a case exercises, by the case folder's name (the corpus README's table). */
  static String stack(String caseName) {
    String c = caseName.toLowerCase(Locale.ROOT);
    if (c.contains("codeql")) {
      return "codeql";
    }
    if (c.startsWith("dhis2")) {
      return "java-maven";
    }
    if (c.startsWith("marabesi")) {
      return "java-gradle";
    }
    if (c.startsWith("tenstorrent")) {
      return "cpp-selfhosted";
    }
    if (c.startsWith("curvcpu")) {
      return "python";
    }
    if (c.startsWith("jordanterry") || c.startsWith("va-")) {
      return "ruby";
    }
    return "other";
  }

  private EstimateAccuracy() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: EstimateAccuracy RUNS_DIR [calibration|holdout|all] [--detail]");
      System.exit(2);
    }
    Path dir = Path.of(args[0]);
    String part = args.length > 1 && !args[1].startsWith("--") ? args[1] : "all";
    boolean detail = List.of(args).contains("--detail");
    List<Sample> samples = compare(dir, part, detail ? System.out : null);
    print(samples, part, System.out);
  }

  /** Prints the figures per stack and overall. */
  public static void print(List<Sample> samples, String part, PrintStream out) {
    Map<String, List<Sample>> byStack = new TreeMap<>();
    samples.forEach(s -> byStack.computeIfAbsent(s.stack(), k -> new ArrayList<>()).add(s));
    out.printf(
        Locale.ROOT,
        "%-16s %5s %8s %14s %12s%n",
        part,
        "jobs",
        "inside",
        "midpoint err",
        "high/low");
    byStack.forEach((stack, list) -> line(out, stack, Figures.of(list)));
    line(out, "all", Figures.of(samples));
  }

  private static void line(PrintStream out, String label, Figures f) {
    out.printf(
        Locale.ROOT,
        "%-16s %5d %7.0f%% %13.0f%% %11.2f×%n",
        label,
        f.jobs(),
        100 * f.inside(),
        100 * f.medianMidpointError(),
        f.medianRatio());
  }

  /** The samples of one part of the recorded runs ({@code calibration}, {@code holdout}, all). */
  public static List<Sample> compare(Path runsDir, String part, PrintStream detail)
      throws IOException {
    List<Path> cases;
    try (Stream<Path> s = Files.list(runsDir)) {
      cases = s.filter(p -> Files.isDirectory(p.resolve("repo"))).sorted().toList();
    }
    // Every run of the corpus, in run-id order, alternately to calibration and holdout.
    Map<String, ObservedRun> all = new TreeMap<>(Comparator.comparingLong(Long::parseLong));
    Map<String, Path> caseOf = new LinkedHashMap<>();
    Map<Path, List<ObservedRun>> runsOf = new LinkedHashMap<>();
    for (Path c : cases) {
      List<TimingsReader.Input> inputs = new ArrayList<>();
      try (Stream<Path> s = Files.list(c.resolve("timings"))) {
        s.filter(p -> p.getFileName().toString().endsWith("-jobs.json"))
            .sorted()
            .forEach(p -> inputs.add(new TimingsReader.Input(p, p.toString())));
      }
      ParseResult<List<ObservedRun>> r = TimingsReader.readAll(inputs);
      List<ObservedRun> runs = r.hasModel() ? r.model() : List.of();
      runsOf.put(c, runs);
      for (ObservedRun run : runs) {
        all.put(run.runId(), run);
        caseOf.put(run.runId(), c);
      }
    }
    Map<String, String> partOf = new LinkedHashMap<>();
    int i = 0;
    for (String id : all.keySet()) {
      partOf.put(id, i++ % 2 == 0 ? "calibration" : "holdout");
    }

    List<Sample> samples = new ArrayList<>();
    for (Path c : cases) {
      List<ObservedRun> runs =
          runsOf.get(c).stream()
              .filter(r -> part.equals("all") || part.equals(partOf.get(r.runId())))
              .toList();
      if (runs.isEmpty()) {
        continue;
      }
      String caseName = c.getFileName().toString();
      AnalysisResult result = Analyzer.analyze(Analyzer.Options.of(c.resolve("repo")));
      Observations obs = Observations.of(runs, result.graph());
      for (Observations.WorkflowObservation w : obs.workflows().values()) {
        Map<String, JobInstance> byObservedName = new LinkedHashMap<>();
        for (CriticalPath.JobTiming t : result.schedule().jobTimings(w.workflow())) {
          String name = w.matched().get(t.job().key());
          if (name != null) {
            byObservedName.putIfAbsent(name, t.job());
          }
        }
        for (ObservedRun run : w.runs()) {
          for (ObservedJob job : run.jobs()) {
            JobInstance ji = byObservedName.get(job.name());
            if (ji == null || !"success".equals(job.conclusion()) || job.steps().isEmpty()) {
              continue;
            }
            DurationRange est = result.schedule().jobTiming(ji).duration();
            Sample s =
                new Sample(
                    caseName, stack(caseName), run.runId(), job.name(), job.runSeconds(), est);
            samples.add(s);
            if (detail != null) {
              detail(detail, s, job, result, ji);
            }
          }
        }
      }
    }
    return samples;
  }

  private static void detail(
      PrintStream out, Sample s, ObservedJob job, AnalysisResult result, JobInstance ji) {
    out.printf(
        Locale.ROOT,
        "%s %s %s: observed %s, estimated %s%s%n",
        s.inside() ? "IN " : "OUT",
        s.caseName(),
        s.job(),
        DurationRange.formatSeconds(s.observed()),
        s.estimate().format(),
        ji.job().timeoutMinutes() == null ? "" : " (timeout " + ji.job().timeoutMinutes() + "m)");
    for (ObservedStep st : job.steps()) {
      out.printf(
          Locale.ROOT,
          "      observed %-8s %s%n",
          DurationRange.formatSeconds(st.seconds()),
          st.name());
    }
    for (Node n : result.graph().nodesOf(ji)) {
      if (!n.isJoin()) {
        out.printf(
            Locale.ROOT,
            "      estimate %-8s %s [%s]%n",
            n.estimate().range().format(),
            n.label(),
            n.estimate().source());
      }
    }
  }

  static double median(List<Double> values) {
    List<Double> v = values.stream().sorted().toList();
    int n = v.size();
    return n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
  }
}
