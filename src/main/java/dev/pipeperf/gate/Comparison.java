package dev.pipeperf.gate;

import dev.pipeperf.estimate.DurationRange;
import dev.pipeperf.source.Severity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A fresh analysis held against the baseline: what got worse past the thresholds (the gate fails),
 * what got better (the baseline should be recorded again), and what is merely worth saying.
 *
 * @param regressions each fails the gate
 * @param improvements workflows that got faster or cheaper, and findings that are gone
 * @param notes new findings below {@code failOn}, workflows added or removed, a different pipeperf
 *     version
 */
public record Comparison(
    List<Regression> regressions, List<String> improvements, List<String> notes) {

  /** Bound by bound changes smaller than this (seconds, minutes) are rounding, not change. */
  private static final double EPSILON = 0.05;

  public Comparison {
    regressions = List.copyOf(regressions);
    improvements = List.copyOf(improvements);
    notes = List.copyOf(notes);
  }

  public boolean passed() {
    return regressions.isEmpty();
  }

  /** Something that fails the gate, explained in one or two lines. */
  public sealed interface Regression permits Slower, NewFinding {
    /** The file an annotation points at. */
    String file();

    /** The line an annotation points at (0: the whole file). */
    int line();

    /** One line: what got worse, old → new. */
    String headline();

    /** A second line (the jobs behind it), or empty. */
    String detail();
  }

  /**
   * A workflow whose critical path or billable minutes grew past the limit.
   *
   * @param what {@code critical path} or {@code billable minutes per run}
   */
  public record Slower(
      String file,
      int line,
      String workflow,
      String what,
      String before,
      String after,
      double increase,
      double limit,
      String detail)
      implements Regression {
    @Override
    public String headline() {
      String growth =
          Double.isInfinite(increase) ? "up from zero" : "+" + Thresholds.percentText(increase);
      return workflow
          + " ("
          + file
          + "): "
          + what
          + " "
          + before
          + " → "
          + after
          + " ("
          + growth
          + ", limit +"
          + Thresholds.percentText(limit)
          + ")";
    }
  }

  /** A finding at or above {@code failOn} whose fingerprint the baseline does not have. */
  public record NewFinding(Baseline.FindingEntry finding) implements Regression {
    @Override
    public String file() {
      return finding.file();
    }

    @Override
    public int line() {
      return finding.line();
    }

    @Override
    public String headline() {
      return "new "
          + finding.severity()
          + " finding: "
          + (finding.line() > 0 ? finding.file() + ":" + finding.line() : finding.file())
          + " "
          + finding.message()
          + " ["
          + finding.ruleId()
          + "]";
    }

    @Override
    public String detail() {
      return "";
    }
  }

  /**
   * Compares. Workflows are matched by path; only those in {@code now} are judged (so a {@code
   * --workflow} run checks one workflow against a full baseline). Findings are matched by
   * fingerprint.
   *
   * @param wholeRepository false under {@code --workflow}: workflows missing from {@code now} are
   *     not gone, only not asked about
   */
  public static Comparison of(
      Baseline before, Baseline now, Thresholds limits, boolean wholeRepository) {
    List<Regression> regressions = new ArrayList<>();
    List<String> improvements = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    if (!before.toolVersion().equals(now.toolVersion())) {
      notes.add(
          "the baseline was recorded by pipeperf "
              + before.toolVersion()
              + ", this is "
              + now.toolVersion()
              + ": estimates may differ for that reason alone");
    }
    Map<String, Baseline.WorkflowEntry> old = new LinkedHashMap<>();
    before.workflows().forEach(w -> old.put(w.path(), w));
    for (Baseline.WorkflowEntry w : now.workflows()) {
      Baseline.WorkflowEntry b = old.get(w.path());
      if (b == null) {
        notes.add(
            "new workflow "
                + w.name()
                + " ("
                + w.path()
                + "): critical path "
                + seconds(w.criticalPath())
                + ", "
                + minutes(w.billableMinutes())
                + " billable per run; not in the baseline");
        continue;
      }
      compare(b, w, limits, regressions, improvements);
    }
    if (wholeRepository) {
      Set<String> present = new HashSet<>();
      now.workflows().forEach(w -> present.add(w.path()));
      for (Baseline.WorkflowEntry b : before.workflows()) {
        if (!present.contains(b.path())) {
          improvements.add("workflow " + b.name() + " (" + b.path() + ") is gone");
        }
      }
    }
    Set<String> known = new HashSet<>();
    before.findings().forEach(f -> known.add(f.fingerprint()));
    Set<String> current = new HashSet<>();
    for (Baseline.FindingEntry f : now.findings()) {
      current.add(f.fingerprint());
      if (known.contains(f.fingerprint())) {
        continue;
      }
      Severity s = Severity.fromWord(f.severity());
      if (limits.failOn() != null && s != null && s.atLeast(limits.failOn())) {
        regressions.add(new NewFinding(f));
      } else {
        notes.add(new NewFinding(f).headline() + " (below the fail-on level)");
      }
    }
    long gone = before.findings().stream().filter(f -> !current.contains(f.fingerprint())).count();
    boolean anyNew = now.findings().stream().anyMatch(f -> !known.contains(f.fingerprint()));
    if (gone > 0 && wholeRepository && !anyNew) {
      improvements.add(
          gone
              + (gone == 1 ? " finding of the baseline is" : " findings of the baseline are")
              + " gone");
    }
    return new Comparison(regressions, improvements, notes);
  }

  /** The same comparison with more notes (e.g. how pinned jobs were shifted), first. */
  public Comparison withNotes(List<String> more) {
    if (more.isEmpty()) {
      return this;
    }
    List<String> all = new ArrayList<>(more);
    all.addAll(notes);
    return new Comparison(regressions, improvements, all);
  }

  /**
   * Judges one workflow. The range is compared as a whole, low bound with low bound and high with
   * high: a workflow regresses when the middle of its range grew past the relative limit and past
   * the absolute floor, so neither a widening estimate nor a few seconds on a small workflow fail
   * the gate. Billable minutes are per job rounded up to whole minutes, as GitHub bills them.
   */
  private static void compare(
      Baseline.WorkflowEntry b,
      Baseline.WorkflowEntry w,
      Thresholds limits,
      List<Regression> regressions,
      List<String> improvements) {
    String file = w.path();
    boolean regressed = false;
    double pathGrowth =
        grown(b.criticalPath(), w.criticalPath(), limits.maxIncrease(), limits.minPathSeconds());
    if (pathGrowth > 0) {
      regressed = true;
      Baseline.JobEntry first = firstChanged(b, w, true);
      regressions.add(
          new Slower(
              file,
              first == null ? 0 : first.line(),
              w.name(),
              "critical path",
              seconds(b.criticalPath()),
              seconds(w.criticalPath()),
              pathGrowth,
              limits.maxIncrease(),
              jobChanges(b, w, true)));
    }
    double minutesGrowth =
        grown(
            b.billableMinutes(),
            w.billableMinutes(),
            limits.maxIncrease(),
            limits.minBillableMinutes());
    if (minutesGrowth > 0) {
      regressed = true;
      Baseline.JobEntry first = firstChanged(b, w, false);
      regressions.add(
          new Slower(
              file,
              first == null ? 0 : first.line(),
              w.name(),
              "billable minutes per run (each job rounded up to a whole minute, as GitHub bills)",
              minutes(b.billableMinutes()),
              minutes(w.billableMinutes()),
              minutesGrowth,
              limits.maxIncrease(),
              jobChanges(b, w, false)));
    }
    if (regressed) {
      return; // a workflow that got worse is not also reported as better
    }
    List<String> better = new ArrayList<>();
    double pathDown = b.criticalPath().high() - w.criticalPath().high();
    if (pathDown > EPSILON && b.criticalPath().low() - w.criticalPath().low() >= -EPSILON) {
      better.add(
          "critical path by "
              + DurationRange.formatSeconds(pathDown)
              + " ("
              + seconds(b.criticalPath())
              + " → "
              + seconds(w.criticalPath())
              + ")");
    }
    double minutesDown = b.billableMinutes().high() - w.billableMinutes().high();
    if (minutesDown > EPSILON
        && b.billableMinutes().low() - w.billableMinutes().low() >= -EPSILON) {
      better.add(
          "billable minutes by "
              + number(minutesDown)
              + " min per run ("
              + minutes(b.billableMinutes())
              + " → "
              + minutes(w.billableMinutes())
              + ")");
    }
    if (!better.isEmpty()) {
      improvements.add(w.name() + " improved: " + String.join(", ", better));
    }
  }

  /**
   * The relative growth of the range's middle when it fails the gate, or 0: it must grow by more
   * than {@code limit} (a fraction) and by more than {@code floor} (absolute); infinite when
   * growing from zero.
   */
  private static double grown(
      Baseline.Range before, Baseline.Range after, double limit, double floor) {
    double was = (before.low() + before.high()) / 2;
    double is = (after.low() + after.high()) / 2;
    double g = growth(was, is);
    return g > limit + 1e-9 && is - was > floor + 1e-9 ? g : 0;
  }

  /** The growth of {@code after} over {@code before} as a fraction; infinite from zero. */
  private static double growth(double before, double after) {
    if (after - before <= EPSILON) {
      return 0;
    }
    return before <= 0 ? Double.POSITIVE_INFINITY : (after - before) / before;
  }

  /**
   * What changed among the jobs: for the critical path, the jobs new on it or longer on it; for
   * billable minutes, the jobs that are new or longer anywhere in the workflow.
   */
  private static String jobChanges(
      Baseline.WorkflowEntry b, Baseline.WorkflowEntry w, boolean criticalOnly) {
    Map<String, Baseline.JobEntry> old = byName(b.jobs());
    List<String> added = new ArrayList<>();
    List<String> joined = new ArrayList<>();
    List<String> longer = new ArrayList<>();
    for (Baseline.JobEntry j : criticalOnly ? w.criticalJobs() : w.jobs()) {
      Baseline.JobEntry o = old.get(j.name());
      if (o == null) {
        added.add(j.name() + " (" + seconds(j.duration()) + ")");
      } else if (criticalOnly && !o.critical()) {
        joined.add(j.name() + " (" + seconds(j.duration()) + ")");
      } else if (j.duration().high() - o.duration().high() > EPSILON) {
        longer.add(j.name() + " " + seconds(o.duration()) + " → " + seconds(j.duration()));
      }
    }
    List<String> parts = new ArrayList<>();
    if (!added.isEmpty()) {
      parts.add(
          (added.size() == 1 ? "new job" : "new jobs")
              + (criticalOnly ? " on the critical path: " : ": ")
              + String.join(", ", added));
    }
    if (!joined.isEmpty()) {
      parts.add("now on the critical path: " + String.join(", ", joined));
    }
    if (!longer.isEmpty()) {
      parts.add("longer: " + String.join(", ", longer));
    }
    if (parts.isEmpty()) {
      return criticalOnly
          ? "the same jobs are on the critical path; steps inside them got longer"
          : "the same jobs bill more minutes";
    }
    return String.join("; ", parts);
  }

  private static Baseline.JobEntry firstChanged(
      Baseline.WorkflowEntry b, Baseline.WorkflowEntry w, boolean criticalOnly) {
    Map<String, Baseline.JobEntry> old = byName(b.jobs());
    for (Baseline.JobEntry j : criticalOnly ? w.criticalJobs() : w.jobs()) {
      Baseline.JobEntry o = old.get(j.name());
      if (o == null
          || (criticalOnly && !o.critical())
          || j.duration().high() - o.duration().high() > EPSILON) {
        return j;
      }
    }
    return null;
  }

  private static Map<String, Baseline.JobEntry> byName(List<Baseline.JobEntry> jobs) {
    Map<String, Baseline.JobEntry> out = new LinkedHashMap<>();
    jobs.forEach(j -> out.putIfAbsent(j.name(), j));
    return out;
  }

  static String seconds(Baseline.Range r) {
    return new DurationRange(r.low(), r.high()).format();
  }

  static String minutes(Baseline.Range r) {
    String l = number(r.low());
    String h = number(r.high());
    return (l.equals(h) ? l : l + "–" + h) + " min";
  }

  private static String number(double v) {
    double r = Math.round(v * 10) / 10.0;
    return r == Math.rint(r) ? String.valueOf((long) r) : String.format(Locale.ROOT, "%.1f", r);
  }
}
