package dev.pipeperf.cli;

import dev.pipeperf.analysis.AnalysisResult;
import dev.pipeperf.gate.Baseline;
import dev.pipeperf.gate.BaselineFile;
import dev.pipeperf.gate.PinnedShift;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code pipeperf baseline [PATH] -o FILE}: records what {@code pipeperf check} compares with. */
@Command(
    name = "baseline",
    description =
        "Record each workflow's critical path, billable minutes and jobs, and the findings'"
            + " fingerprints, for pipeperf check.",
    mixinStandardHelpOptions = true)
final class BaselineCommand implements Callable<Integer> {

  @ParentCommand Main main;

  @Spec CommandSpec spec;

  @Mixin RepositoryPath repository;

  @Mixin CommonOptions common;

  @Override
  public Integer call() {
    AnalysisResult result = main.analyze(repository.path, common);
    Baseline baseline =
        Baseline.of(
            result,
            PinnedShift.of(result, main.catalogueEstimate(repository.path, common, result), null));
    main.write(common.output, out -> BaselineFile.write(baseline, out));
    if (common.output != null && !common.quiet) {
      spec.commandLine()
          .getOut()
          .println(
              "recorded "
                  + baseline.workflows().size()
                  + (baseline.workflows().size() == 1 ? " workflow" : " workflows")
                  + " and "
                  + baseline.findings().size()
                  + (baseline.findings().size() == 1 ? " finding" : " findings")
                  + " in "
                  + common.output);
    }
    return ExitCodes.OK;
  }
}
