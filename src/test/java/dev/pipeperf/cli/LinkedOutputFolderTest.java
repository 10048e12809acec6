package dev.pipeperf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -o reports/VERDICT.md} where {@code reports} is a committed symbolic link out of the
 * working folder: refused with exit 2, nothing written where the link points.
 */
class LinkedOutputFolderTest {

  @TempDir Path elsewhere;

  @Test
  void aLinkedFolderOnTheWayToTheOutputIsRefused() throws IOException {
    Path link = Path.of("target", "linked-output-" + ProcessHandle.current().pid());
    Files.createDirectories(link.getParent());
    Files.deleteIfExists(link);
    Files.createSymbolicLink(link, elsewhere);
    try {
      Cli r =
          Cli.run(
              "report", "samples/seed-000-monorepo", "-o", link.resolve("VERDICT.md").toString());
      assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
      assertThat(r.err()).contains("is a symbolic link");
      try (var files = Files.list(elsewhere)) {
        assertThat(files).isEmpty();
      }
    } finally {
      Files.deleteIfExists(link);
    }
  }
}
