package dev.pipeperf.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.pipeperf.dockerfile.Dockerfile;
import dev.pipeperf.dockerfile.DockerfileParser;
import dev.pipeperf.source.ParseResult;
import dev.pipeperf.source.SourceFile;

/**
 * Fuzzes the Dockerfile parser (directives, continuation lines, heredocs, JSON forms, variable
 * expansion, stage assembly): any text ends in a model and/or diagnostics, never an exception.
 *
 * <p>Replays {@code src/test/resources/fuzz/DockerfileParserFuzzTestInputs/} in the normal suite.
 */
class DockerfileParserFuzzTest {

  @FuzzTest(maxDuration = "10m")
  void dockerfile(byte[] data) {
    ParseResult<Dockerfile> r =
        DockerfileParser.parse(SourceFile.of("Dockerfile", FuzzInputs.text(data)));
    assertThat(r.diagnostics()).isNotNull();
  }
}
