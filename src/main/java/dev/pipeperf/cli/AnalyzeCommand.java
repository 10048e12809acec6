package dev.pipeperf.cli;

import dev.pipeperf.analysis.AnalysisResult;
import dev.pipeperf.report.Format;
import dev.pipeperf.source.Severity;
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
          out -> format.render(result, colour, all, out));
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
}
