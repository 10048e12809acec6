package dev.pipeperf.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.pipeperf.bake.hcl.JsonSyntax;
import dev.pipeperf.bake.hcl.Parser;
import dev.pipeperf.source.SourceFile;

/**
 * Fuzzes the HCL2 native-syntax parser (lexer, templates, heredocs, expressions) and the JSON
 * syntax reader: any text ends in a body and/or diagnostics, never an exception.
 *
 * <p>Replays {@code src/test/resources/fuzz/HclParserFuzzTestInputs/} in the normal suite.
 */
class HclParserFuzzTest {

  @FuzzTest(maxDuration = "10m")
  void hcl(byte[] data) {
    String text = FuzzInputs.text(data);
    assertThat(Parser.parse(SourceFile.of("docker-bake.hcl", text)).diagnostics()).isNotNull();
    assertThat(Parser.parseExpression(SourceFile.of("expr.hcl", text)).diagnostics()).isNotNull();
    assertThat(JsonSyntax.parse(SourceFile.of("docker-bake.json", text)).diagnostics()).isNotNull();
  }
}
