package dev.pipeperf.estimate.observed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipeperf.source.ParseResult;
import dev.pipeperf.source.Severity;
import dev.pipeperf.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Every cut and corruption of real exports gives diagnostics, never an exception. */
class TimingsReaderRobustnessTest {

  static final List<Path> FILES =
      List.of(
          TimingsReaderTest.FIXTURES.resolve("rest-page.json"),
          TimingsReaderTest.FIXTURES.resolve("gh-run.json"),
          TimingsReaderTest.SAMPLE.resolve("run-9876698765-page-2.json"));

  @Test
  void everyTruncationIsAnError() throws IOException {
    for (Path file : FILES) {
      String text = Files.readString(file);
      for (int end = 0; end < text.length() - 2; end += 17) {
        ParseResult<List<ObservedRun>> result =
            TimingsReader.parse(SourceFile.of("cut.json", text.substring(0, end)));
        assertThat(result.diagnostics())
            .as("%s cut at %d", file, end)
            .anySatisfy(d -> assertThat(d.severity()).isEqualTo(Severity.HIGH));
        assertThat(result.diagnostics())
            .allSatisfy(d -> assertThat(d.location().line()).isPositive());
      }
    }
  }

  @Test
  void randomCorruptionsNeverThrow() throws IOException {
    Random random = new Random(42);
    String alphabet = "{}[]\":,0123456789-TZnul tre\\\n";
    for (Path file : FILES) {
      char[] original = Files.readString(file).toCharArray();
      for (int round = 0; round < 150; round++) {
        char[] text = original.clone();
        for (int k = 0; k < 1 + random.nextInt(4); k++) {
          text[random.nextInt(text.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
        }
        ParseResult<List<ObservedRun>> result =
            TimingsReader.parse(SourceFile.of("bad.json", new String(text)));
        assertThat(result.model()).isNotNull();
      }
    }
  }
}
