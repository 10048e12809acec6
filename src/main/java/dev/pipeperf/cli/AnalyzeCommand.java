package dev.pipeperf.cli;

import dev.pipeperf.AnalysisResult;
import dev.pipeperf.report.Format;
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

  @Mixin CommonOptions common;

  @Override
  public Integer call() {
    AnalysisResult result = main.analyze(repository.path, common);
    if (common.quiet && common.output == null) {
      return ExitCodes.OK;
    }
    boolean colour = common.output == null && main.terminal().colour();
    main.write(common.output, format == Format.github, out -> format.render(result, colour, out));
    if (format == Format.github) {
      main.appendStepSummary(result);
    }
    return ExitCodes.OK;
  }
}
