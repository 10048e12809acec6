package dev.pipeperf.cli;

import dev.pipeperf.analysis.AnalysisResult;
import dev.pipeperf.config.BaselineSettings;
import dev.pipeperf.gate.Baseline;
import dev.pipeperf.gate.BaselineFile;
import dev.pipeperf.gate.CheckReport;
import dev.pipeperf.gate.Comparison;
import dev.pipeperf.gate.PinnedShift;
import dev.pipeperf.gate.Thresholds;
import dev.pipeperf.source.ParseResult;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code pipeperf check [PATH] --baseline FILE}: the CI gate. Exit 1 when a workflow's critical
 * path or billable minutes grew past {@code --max-increase}, or a new finding at or above {@code
 * --fail-on} appeared; 2 when the baseline is missing or corrupt.
 */
@Command(
    name = "check",
    description =
        "Fail (exit 1) when the pipeline got slower or costlier than the baseline allows, or a new"
            + " finding appeared.",
    mixinStandardHelpOptions = true)
final class CheckCommand implements Callable<Integer> {

  enum Format {
    text,
    github
  }

  @ParentCommand Main main;

  @Spec CommandSpec spec;

  @Mixin RepositoryPath repository;

  @Option(
      names = "--baseline",
      required = true,
      paramLabel = "FILE",
      description = "The baseline recorded by pipeperf baseline.")
  Path baseline;

  @Option(
      names = "--max-increase",
      paramLabel = "PERCENT",
      description =
          "How much a workflow's critical path or billable minutes may grow (default: baseline."
              + "maxIncrease in .pipeperf.yml, else 10%%).")
  String maxIncrease;

  @Option(
      names = "--fail-on",
      paramLabel = "SEVERITY",
      description =
          "Fail on a new finding of this severity or worse: blocker, high, medium, low, info, none"
              + " (default: baseline.failOn in .pipeperf.yml, else high).")
  String failOn;

  @Option(
      names = "--min-path-increase",
      paramLabel = "DURATION",
      description =
          "The least critical-path growth that can fail the gate (default: baseline."
              + "minCriticalPathIncrease in .pipeperf.yml, else 1m).")
  String minPathIncrease;

  @Option(
      names = "--min-billable-increase",
      paramLabel = "MINUTES",
      description =
          "The least growth of billable minutes per run that can fail the gate (default: baseline."
              + "minBillableIncrease in .pipeperf.yml, else 5).")
  String minBillableIncrease;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      description =
          "text, or github: ::error annotations and a summary in $GITHUB_STEP_SUMMARY (default:"
              + " ${DEFAULT-VALUE}).")
  Format format = Format.text;

  @Mixin CommonOptions common;

  @Override
  public Integer call() {
    String shown = baseline.toString().replace('\\', '/');
    ParseResult<Baseline> read = BaselineFile.read(repository.path, baseline, shown);
    if (!read.hasModel()) {
      var d = read.diagnostics().get(0);
      throw new UserError(d.location() + ": " + d.message());
    }
    thresholds(BaselineSettings.DEFAULT); // bad options fail before the analysis, not after it
    AnalysisResult result = main.analyze(repository.path, common);
    Thresholds limits = thresholds(result.workspace().config().baseline());
    PinnedShift shift =
        PinnedShift.of(
            result, main.catalogueEstimate(repository.path, common, result), read.model());
    Baseline now = Baseline.of(result, shift);
    Comparison comparison =
        Comparison.of(read.model(), now, limits, common.workflow == null).withNotes(shift.shifts());
    CheckReport report =
        new CheckReport(read.model(), now, comparison, limits, shown, recordCommand(shown));
    if (format == Format.github) {
      report.annotations(spec.commandLine().getOut());
      summary(report);
    }
    if (!common.quiet || common.output != null) {
      main.write(common.output, true, true, report::text);
    }
    return comparison.passed() ? ExitCodes.OK : ExitCodes.GATE_FAILED;
  }

  /** The command that records a new baseline the way this check read the repository. */
  private String recordCommand(String shown) {
    StringBuilder cmd =
        new StringBuilder("pipeperf baseline ")
            .append(repository.path.toString().replace('\\', '/'));
    if (common.config != null) {
      cmd.append(" --config ").append(common.config.toString().replace('\\', '/'));
    }
    return cmd.append(" -o ").append(shown).toString();
  }

  /** Options beat {@code .pipeperf.yml}'s {@code baseline:}, which beats the defaults. */
  private Thresholds thresholds(BaselineSettings config) {
    String m = maxIncrease != null ? maxIncrease : config.maxIncrease();
    String f = failOn != null ? failOn : config.failOn();
    String p = minPathIncrease != null ? minPathIncrease : config.minCriticalPathIncrease();
    String b = minBillableIncrease != null ? minBillableIncrease : config.minBillableIncrease();
    try {
      return Thresholds.parse(m, f, p, b);
    } catch (IllegalArgumentException e) {
      boolean fromConfig =
          (maxIncrease == null && e.getMessage().startsWith("max increase"))
              || (failOn == null && e.getMessage().startsWith("fail-on"))
              || (minPathIncrease == null && e.getMessage().startsWith("min critical"))
              || (minBillableIncrease == null && e.getMessage().startsWith("min billable"));
      String file = common.config == null ? ".pipeperf.yml" : common.config.toString();
      throw new UserError((fromConfig ? file + " baseline: " : "") + e.getMessage());
    }
  }

  /** Appends the markdown summary to {@code $GITHUB_STEP_SUMMARY} when GitHub set it. */
  private void summary(CheckReport report) {
    String file = main.terminal().env().get("GITHUB_STEP_SUMMARY");
    if (file == null || file.isBlank()) {
      return;
    }
    OutputFile.append(Path.of(file), "$GITHUB_STEP_SUMMARY (" + file + ")", report::markdown);
  }
}
