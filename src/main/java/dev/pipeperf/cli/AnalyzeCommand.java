package dev.pipeperf.cli;

import dev.pipeperf.AnalysisResult;
import dev.pipeperf.report.GithubRenderer;
import dev.pipeperf.report.HtmlRenderer;
import dev.pipeperf.report.JsonRenderer;
import dev.pipeperf.report.MarkdownRenderer;
import dev.pipeperf.report.SarifRenderer;
import dev.pipeperf.report.TextRenderer;
import dev.pipeperf.source.Severity;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code pipeperf analyze [PATH]}: the terminal summary (or JSON) of a repository's pipeline. */
@Command(
    name = "analyze",
    description =
        "Critical path, job timeline, cost and findings of a repository's CI pipeline (text, json,"
            + " markdown, sarif, github annotations or html).",
    mixinStandardHelpOptions = true)
final class AnalyzeCommand implements Callable<Integer> {

  enum Format {
    text,
    json,
    markdown,
    sarif,
    github,
    html;

    /** A format a reader can still use when it stops half-way (not a JSON or HTML document). */
    boolean readable() {
      return this == text || this == markdown || this == github;
    }
  }

  @ParentCommand Main main;

  @Mixin RepositoryPath repository;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format = Format.text;

  @Option(
      names = "--fail-on",
      paramLabel = "SEVERITY",
      description =
          "Exit 1 when a finding of this severity or worse is reported: blocker, high, medium, low,"
              + " info, none (default: none). For pre-commit hooks and simple CI steps; the gate"
              + " against a baseline is pipeperf check.")
  String failOn = "none";

  @Option(
      names = "--min-severity",
      paramLabel = "SEVERITY",
      description =
          "Show only findings of this severity or worse: blocker, high, medium, low, info"
              + " (default: info, all).")
  String minSeverity = "info";

  @Mixin CommonOptions common;

  @Option(
      names = "--all",
      description =
          "Also list every \"also consider\" item (hygiene with no computed saving): all of them in"
              + " text, and as notes in sarif and github annotations, which leave them out by"
              + " default.")
  boolean all;

  @Override
  public Integer call() {
    Severity failLevel = severity("--fail-on", failOn, true);
    Severity shownLevel = severity("--min-severity", minSeverity, false);
    AnalysisResult result =
        SeverityFilter.atLeast(main.analyze(repository.path, common), shownLevel);
    boolean failed =
        failLevel != null
            && result.rankedFindings().stream().anyMatch(f -> f.severity().atLeast(failLevel));
    if (!(common.quiet && common.output == null)) {
      boolean colour = common.output == null && main.terminal().colour();
      main.write(
          common.output,
          format == Format.github,
          format.readable(),
          out -> render(result, format, colour, all, out));
      if (format == Format.github) {
        main.appendStepSummary(result);
      }
    }
    return failed ? ExitCodes.GATE_FAILED : ExitCodes.OK;
  }

  private static Severity severity(String option, String text, boolean noneAllowed) {
    if (noneAllowed && text.strip().equalsIgnoreCase("none")) {
      return null;
    }
    Severity s = Severity.fromWord(text.strip());
    if (s == null) {
      throw new UserError(
          option
              + " '"
              + text
              + "' is not a severity (blocker, high, medium, low, info"
              + (noneAllowed ? ", none)" : ")"));
    }
    return s;
  }

  /** Renders a result in a format; shared with {@code report}. */
  static void render(AnalysisResult result, Format format, boolean colour, PrintWriter out) {
    render(result, format, colour, false, out);
  }

  /** As above; {@code all} adds every "also consider" item where the format leaves them out. */
  static void render(
      AnalysisResult result, Format format, boolean colour, boolean all, PrintWriter out) {
    switch (format) {
      case json -> new JsonRenderer().render(result, out);
      case text -> new TextRenderer(colour, all).render(result, out);
      case markdown -> MarkdownRenderer.render(result, out);
      case sarif -> SarifRenderer.render(result, out, all);
      case github -> GithubRenderer.render(result, out, all);
      case html -> HtmlRenderer.render(result, out);
    }
  }
}
