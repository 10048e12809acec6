package dev.pipeperf.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceFileTest {

  @Test
  void offsetsTurnIntoOneBasedLocations() {
    SourceFile f = SourceFile.of("a.yml", "ab\ncd\n\nef");
    assertThat(f.locationOf(0)).isEqualTo(new Location("a.yml", 1, 1));
    assertThat(f.locationOf(4)).isEqualTo(new Location("a.yml", 2, 2));
    assertThat(f.locationOf(6)).isEqualTo(new Location("a.yml", 3, 1));
    assertThat(f.locationOf(8)).isEqualTo(new Location("a.yml", 4, 2));
    assertThat(f.line(2)).isEqualTo("cd");
    assertThat(f.lineCount()).isEqualTo(4);
  }

  @Test
  void binaryFileIsADiagnosticWithItsPosition(@TempDir Path dir) throws Exception {
    Path p = dir.resolve("Dockerfile");
    Files.write(p, new byte[] {'F', 'R', 'O', 'M', '\n', 'x', 0, 1});
    ParseResult<SourceFile> r = SourceFile.read(p, "Dockerfile");
    assertThat(r.hasModel()).isFalse();
    assertThat(r.diagnostics())
        .singleElement()
        .hasToString(
            "Dockerfile:2:2: binary file (a NUL byte at offset 6), not text [binary-file]");
  }
}
