package dev.pipeperf.gate;

import dev.pipeperf.report.GithubRenderer;
import dev.pipeperf.source.Escape;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code pipeperf check} prints: the verdict as text for a terminal or a CI log, GitHub
 * workflow commands ({@code ::error}) that annotate the pull request, and a markdown summary for
 * {@code $GITHUB_STEP_SUMMARY}.
 *
 * @param baselineName the baseline file as the user named it
 * @param recordCommand the command that records a new baseline, for the hint
 */
public record CheckReport(
    Baseline before,
    Baseline now,
    Comparison result,
    Thresholds limits,
    String baselineName,
    String recordCommand) {

  /** The verdict for people: one line per regression (two with its cause), notes, the outcome. */
  public void text(PrintWriter out) {
    out.println(
        "pipeperf check: "
            + plural(now.workflows().size(), "workflow")
            + ", "
            + plural(now.findings().size(), "finding")
            + " against "
            + baselineName
            + " ("
            + limits.describe()
            + ")");
    for (Comparison.Regression r : result.regressions()) {
      out.println("  FAIL  " + r.headline());
      if (!r.detail().isEmpty()) {
        out.println("          " + r.detail());
      }
    }
    for (String n : result.notes()) {
      out.println("  note  " + n);
    }
    for (String i : result.improvements()) {
      out.println("  better  " + i);
    }
    if (result.passed()) {
      out.println("gate passed: no regression against the baseline");
    } else {
      out.println("gate failed: " + plural(result.regressions().size(), "regression"));
    }
    if (result.passed() && !result.improvements().isEmpty()) {
      out.println("hint: things improved: run " + recordCommand + " to record it");
    }
    out.flush();
  }

  /** GitHub workflow commands: an error per regression, a notice for improvements. */
  public void annotations(PrintWriter out) {
    for (Comparison.Regression r : result.regressions()) {
      String message = r.detail().isEmpty() ? r.headline() : r.headline() + "\n" + r.detail();
      out.println(GithubRenderer.annotation("error", r.file(), r.line(), 0, TITLE, message));
    }
    if (result.passed() && !result.improvements().isEmpty()) {
      out.println(
          GithubRenderer.annotation(
              "notice",
              null,
              0,
              0,
              TITLE,
              String.join("\n", result.improvements())
                  + "\nrun "
                  + recordCommand
                  + " to record it"));
    }
    out.flush();
  }

  private static final String TITLE = "pipeperf check";

  /** The markdown summary: the verdict, a table per workflow, regressions and notes. */
  public void markdown(PrintWriter out) {
    out.println("## pipeperf check: " + (result.passed() ? "passed ✅" : "failed ❌"));
    out.println();
    out.println("Against `" + Escape.markdownCode(baselineName) + "` — " + limits.describe() + ".");
    out.println();
    Map<String, Baseline.WorkflowEntry> old = new LinkedHashMap<>();
    before.workflows().forEach(w -> old.put(w.path(), w));
    out.println("| workflow | critical path | billable minutes per run |");
    out.println("|---|---|---|");
    for (Baseline.WorkflowEntry w : now.workflows()) {
      Baseline.WorkflowEntry b = old.get(w.path());
      out.println(
          "| "
              + cell(w.name())
              + " (`"
              + Escape.markdownCode(w.path())
              + "`) | "
              + (b == null ? "new" : Comparison.seconds(b.criticalPath()) + " → ")
              + Comparison.seconds(w.criticalPath())
              + " | "
              + (b == null ? "new" : Comparison.minutes(b.billableMinutes()) + " → ")
              + Comparison.minutes(w.billableMinutes())
              + " |");
    }
    out.println();
    if (!result.regressions().isEmpty()) {
      out.println("### Regressions");
      out.println();
      for (Comparison.Regression r : result.regressions()) {
        out.println(
            "- " + cell(r.headline()) + (r.detail().isEmpty() ? "" : "<br>" + cell(r.detail())));
      }
      out.println();
    }
    if (!result.notes().isEmpty()) {
      out.println("### Notes");
      out.println();
      result.notes().forEach(n -> out.println("- " + cell(n)));
      out.println();
    }
    if (!result.improvements().isEmpty()) {
      out.println("### Improvements");
      out.println();
      result.improvements().forEach(i -> out.println("- " + cell(i)));
      out.println();
      if (result.passed()) {
        out.println("Run `" + recordCommand + "` and commit the baseline to record them.");
        out.println();
      }
    }
    out.flush();
  }

  private static String plural(int n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }

  /** Markdown text on one line, with the characters that would break a table escaped. */
  private static String cell(String s) {
    return Escape.markdown(s);
  }
}
