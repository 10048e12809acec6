package dev.pipeperf.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipeperf.cli.Main;
import dev.pipeperf.testing.Corpus;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate's ordinary cases on a real repository (paperless-ngx's workflows, copied to a temp
 * folder): an unchanged repository passes, a small independent job does not fail it, a filter that
 * matches nothing is a usage error, a slower critical path fails it.
 */
class CorpusGateTest {

  @TempDir Path repo;

  Path baseline;

  record Run(int code, String out) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(out), args);
    return new Run(code, out.toString());
  }

  @BeforeEach
  void copyAndRecord() throws IOException {
    Path from = Corpus.require("real/paperless-ngx__paperless-ngx");
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path to = repo.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(to);
        } else {
          Files.copy(f, to);
        }
      }
    }
    baseline = repo.resolve(".pipeperf/baseline.json");
    Run r = run("baseline", repo.toString(), "-o", baseline.toString());
    assertThat(r.code()).as(r.out()).isZero();
  }

  Run check(String... more) {
    String[] args = new String[3 + more.length];
    args[0] = "check";
    args[1] = repo.toString();
    args[2] = "--baseline=" + baseline;
    System.arraycopy(more, 0, args, 3, more.length);
    return run(args);
  }

  @Test
  void theGateIsRightOnOrdinaryChangesOfARealRepository() throws IOException {
    assertThat(check().code()).as("unchanged").isZero();

    // A filter that matches nothing compares nothing: a usage error, not a pass.
    Run nosuch = check("--workflow", "nosuch");
    assertThat(nosuch.code()).isEqualTo(2);
    assertThat(nosuch.out()).contains("matches no workflow");

    // An independent 10-30 s job: one more billed minute per run is under the floor.
    Path lint = repo.resolve(".github/workflows/ci-lint.yml");
    Files.writeString(
        lint,
        Files.readString(lint)
            + "\n  hello:\n    runs-on: ubuntu-24.04\n    timeout-minutes: 5\n    steps:\n"
            + "      - run: echo hello\n");
    Run small = check();
    assertThat(small.code()).as(small.out()).isZero();
    assertThat(small.out()).doesNotContain("FAIL");

    // A long serial job at the end of the backend workflow: the critical path fails the gate.
    Path backend = repo.resolve(".github/workflows/ci-backend.yml");
    Files.writeString(
        backend,
        Files.readString(backend)
            + "\n  slow-after-tests:\n    needs: test\n    runs-on: ubuntu-24.04\n"
            + "    timeout-minutes: 60\n    steps:\n      - run: sleep 1200 && make slow\n"
            + "      - run: cargo build --release\n      - run: cargo test\n");
    Run slow = check("--fail-on", "none");
    assertThat(slow.code()).as(slow.out()).isEqualTo(1);
    assertThat(slow.out()).contains("FAIL").contains("slow-after-tests");
  }
}
