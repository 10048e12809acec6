package dev.pipeperf;

import dev.pipeperf.estimate.Catalogue;
import dev.pipeperf.estimate.StepEstimator;
import dev.pipeperf.graph.CriticalPath;
import dev.pipeperf.graph.GraphBuilder;
import dev.pipeperf.source.Diagnostic;
import dev.pipeperf.workspace.Workspace;
import dev.pipeperf.workspace.WorkspaceLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the whole flow — files → models → graph → estimates → schedule — and returns an immutable
 * {@link AnalysisResult}. Never throws on user input: problems come back as diagnostics.
 */
public final class Analyzer {

  /**
   * What to analyse.
   *
   * @param root the repository folder
   * @param config an explicit config file, or null for {@code .pipeperf.yml} at the root
   * @param workflow {@code --workflow}: a workflow name or file to report, or null for all
   */
  public record Options(Path root, Path config, String workflow) {
    public static Options of(Path root) {
      return new Options(root, null, null);
    }
  }

  private Analyzer() {}

  public static AnalysisResult analyze(Options options) {
    Workspace ws = WorkspaceLoader.load(options.root(), options.config());
    StepEstimator estimator = new StepEstimator(Catalogue.builtIn(), ws.config().durations());
    GraphBuilder.Result built = GraphBuilder.build(ws, estimator);
    List<Diagnostic> diagnostics = new ArrayList<>(ws.diagnostics());
    diagnostics.addAll(built.diagnostics());
    CriticalPath schedule = CriticalPath.of(built.graph());
    return new AnalysisResult(ws, built.graph(), schedule, diagnostics, options.workflow());
  }
}
