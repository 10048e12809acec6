package dev.pipeperf.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.pipeperf.bake.BakeDefinition;
import dev.pipeperf.bake.BakeEvaluator;
import dev.pipeperf.source.ParseResult;
import dev.pipeperf.source.SourceFile;
import java.util.List;
import java.util.Map;

/**
 * Fuzzes the bake evaluator end to end (parse, variables, functions, inheritance, matrices, target
 * conversion): any file ends in a definition and/or diagnostics, never an exception, a hang or an
 * exhausted heap (the evaluator's depth and step budgets must hold).
 *
 * <p>Replays {@code src/test/resources/fuzz/BakeEvaluatorFuzzTestInputs/} in the normal suite.
 */
class BakeEvaluatorFuzzTest {

  private static final Map<String, String> ENV = Map.of("TAG", "1.0");

  @FuzzTest(maxDuration = "10m")
  void bake(byte[] data) {
    ParseResult<BakeDefinition> r =
        BakeEvaluator.evaluate(
            List.of(SourceFile.of("docker-bake.hcl", FuzzInputs.text(data))), ENV);
    assertThat(r.diagnostics()).isNotNull();
  }
}
