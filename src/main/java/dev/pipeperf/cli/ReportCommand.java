package dev.pipeperf.cli;

import dev.pipeperf.analysis.AnalysisResult;
import dev.pipeperf.report.Format;
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
    boolean colour = common.output == null && main.terminal().colour();
    main.write(
        common.output,
        format == Format.github,
        format.readable(),
        out -> format.render(result, colour, out));
    return ExitCodes.OK;
  }
}
