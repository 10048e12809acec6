package dev.pipeperf.cli;

import dev.pipeperf.AnalysisResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code pipeperf report [PATH] -o FILE}: the verdict report a reviewer would otherwise write by
 * hand (markdown by default; also html, sarif, json, text).
 */
@Command(
    name = "report",
    description =
        "The verdict report: verdict, score, findings with fixes, timelines, phased plan, break-even.",
    mixinStandardHelpOptions = true)
final class ReportCommand implements Callable<Integer> {

  enum Format {
    markdown,
    html,
    sarif,
    json,
    text
  }

  @ParentCommand Main main;

  @Mixin RepositoryPath repository;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format = Format.markdown;

  @Mixin CommonOptions common;

  @Override
  public Integer call() {
    AnalysisResult result = main.analyze(repository.path, common);
    if (common.quiet && common.output == null) {
      return ExitCodes.OK;
    }
    AnalyzeCommand.Format as = AnalyzeCommand.Format.valueOf(format.name());
    boolean colour = common.output == null && main.terminal().colour();
    main.write(
        common.output,
        as == AnalyzeCommand.Format.github,
        out -> AnalyzeCommand.render(result, as, colour, out));
    return ExitCodes.OK;
  }
}
