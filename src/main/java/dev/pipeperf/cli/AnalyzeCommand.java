package dev.pipeperf.cli;

import dev.pipeperf.AnalysisResult;
import dev.pipeperf.report.JsonRenderer;
import dev.pipeperf.report.TextRenderer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code pipeperf analyze [PATH]}: the terminal summary (or JSON) of a repository's pipeline. */
@Command(
    name = "analyze",
    description = "Critical path, job timeline and diagnostics of a repository's CI pipeline.",
    mixinStandardHelpOptions = true)
final class AnalyzeCommand implements Callable<Integer> {

  enum Format {
    text,
    json
  }

  @ParentCommand Main main;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "PATH",
      description = "Repository folder (default: .).")
  Path path = Path.of(".");

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format = Format.text;

  @Mixin CommonOptions common;

  @Override
  public Integer call() {
    AnalysisResult result = main.analyze(path, common);
    if (common.quiet && common.output == null) {
      return ExitCodes.OK;
    }
    main.write(common.output, out -> render(result, out));
    return ExitCodes.OK;
  }

  private void render(AnalysisResult result, PrintWriter out) {
    switch (format) {
      case json -> new JsonRenderer().render(result, out);
      case text ->
          new TextRenderer(common.output == null && main.terminal().colour()).render(result, out);
    }
  }
}
