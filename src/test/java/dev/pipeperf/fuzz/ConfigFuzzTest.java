package dev.pipeperf.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.pipeperf.config.ConfigLoader;
import dev.pipeperf.config.PipeperfConfig;
import dev.pipeperf.estimate.Catalogue;
import dev.pipeperf.estimate.StepEstimator;
import dev.pipeperf.source.ParseResult;
import dev.pipeperf.source.SourceFile;

/**
 * Fuzzes {@code .pipeperf.yml}: any text is a config and/or diagnostics, never an exception; the
 * {@code durations.commands} patterns it accepts compile and run (RE2/J) on a long line.
 *
 * <p>Without {@code JAZZER_FUZZ=1} this replays {@code src/test/resources/fuzz/
 * ConfigFuzzTestInputs/} (seeds and every past finding); with it, it fuzzes.
 */
class ConfigFuzzTest {

  private static final String LONG_LINE = "apt-get" + " -y".repeat(3_000) + " install foo";

  @FuzzTest(maxDuration = "10m")
  void config(byte[] data) {
    SourceFile file = SourceFile.of(".pipeperf.yml", FuzzInputs.text(data));
    ParseResult<PipeperfConfig> r = ConfigLoader.parse(file);
    assertThat(r.diagnostics()).isNotNull();
    if (!r.hasModel()) {
      return;
    }
    StepEstimator estimator = new StepEstimator(Catalogue.builtIn(), r.model().durations());
    estimator.isBuildScript(LONG_LINE);
  }
}
