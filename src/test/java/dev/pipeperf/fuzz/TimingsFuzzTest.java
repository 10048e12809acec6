package dev.pipeperf.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.pipeperf.estimate.observed.TimingsReader;
import dev.pipeperf.source.SourceFile;

/**
 * Fuzzes the timings reader (REST and {@code gh} exports): any text is runs and/or diagnostics,
 * never an exception, and no diagnostic quotes more than a short excerpt of the file.
 *
 * <p>Without {@code JAZZER_FUZZ=1} this replays {@code src/test/resources/fuzz/
 * TimingsFuzzTestInputs/} (seeds and every past finding); with it, it fuzzes.
 */
class TimingsFuzzTest {

  @FuzzTest(maxDuration = "10m")
  void timings(byte[] data) {
    var r = TimingsReader.parse(SourceFile.of("timings.json", FuzzInputs.text(data)));
    assertThat(r.diagnostics()).isNotNull();
    r.diagnostics()
        .forEach(d -> assertThat(d.message()).doesNotContain("\n").hasSizeLessThan(2_000));
  }
}
