package dev.pipeperf.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.pipeperf.config.PipeperfConfig;
import dev.pipeperf.estimate.Catalogue;
import dev.pipeperf.estimate.StepEstimator;
import dev.pipeperf.graph.CriticalPath;
import dev.pipeperf.graph.GraphBuilder;
import dev.pipeperf.source.ParseResult;
import dev.pipeperf.source.SourceFile;
import dev.pipeperf.workflow.Workflow;
import dev.pipeperf.workflow.WorkflowParser;
import dev.pipeperf.workspace.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Fuzzes the workflow parser, and the graph and schedule built from whatever it accepts. The
 * contract: any text comes back as a model and/or diagnostics, never as an exception or a hang.
 *
 * <p>Without {@code JAZZER_FUZZ=1} this replays {@code src/test/resources/fuzz/
 * WorkflowParserFuzzTestInputs/} (seeds and every past finding); with it, it fuzzes.
 */
class WorkflowParserFuzzTest {

  private static final StepEstimator ESTIMATOR =
      new StepEstimator(Catalogue.builtIn(), PipeperfConfig.DEFAULT.durations());

  @FuzzTest(maxDuration = "10m")
  void workflow(byte[] data) {
    SourceFile file = SourceFile.of(".github/workflows/fuzz.yml", FuzzInputs.text(data));
    ParseResult<Workflow> r = WorkflowParser.parse(file);
    assertThat(r.diagnostics()).isNotNull();
    if (!r.hasModel()) {
      return;
    }
    Workspace ws =
        new Workspace(
            Path.of("."),
            PipeperfConfig.DEFAULT,
            List.of(r.model()),
            Map.of(),
            Map.of(),
            Map.of(),
            Map.of(),
            Map.of(file.path(), file),
            1,
            r.diagnostics());
    GraphBuilder.Result built = GraphBuilder.build(ws, ESTIMATOR);
    CriticalPath.of(built.graph());
  }
}
