package dev.pipeperf.cli;

import dev.pipeperf.analysis.AnalysisResult;
import dev.pipeperf.report.GraphRenderer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code pipeperf graph [PATH] --format mermaid|dot|json}: the pipeline graph itself. */
@Command(
    name = "graph",
    description =
        "The pipeline graph (jobs, steps, build stages, dependencies) with the critical path marked.",
    mixinStandardHelpOptions = true)
final class GraphCommand implements Callable<Integer> {

  @ParentCommand Main main;

  @Mixin RepositoryPath repository;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  GraphRenderer.Format format = GraphRenderer.Format.mermaid;

  @Option(
      names = {"--level"},
      paramLabel = "LEVEL",
      description =
          "mermaid: ${COMPLETION-CANDIDATES}: every step and build stage, or one box per job"
              + " (default: ${DEFAULT-VALUE}).")
  GraphRenderer.Level level = GraphRenderer.Level.steps;

  @Mixin CommonOptions common;

  @Override
  public Integer call() {
    AnalysisResult result = main.analyze(repository.path, common);
    if (common.quiet && common.output == null) {
      return ExitCodes.OK;
    }
    main.write(common.output, out -> new GraphRenderer().render(result, format, level, out));
    return ExitCodes.OK;
  }
}
