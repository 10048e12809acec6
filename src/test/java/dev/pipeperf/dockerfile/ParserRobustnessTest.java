package dev.pipeperf.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.pipeperf.source.ParseResult;
import dev.pipeperf.source.SourceFile;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random and hostile inputs: the parser must neither throw nor take more than linear time. */
class ParserRobustnessTest {

  private static final List<String> SEEDS =
      List.of(
          """
          # syntax=docker/dockerfile:1
          ARG BASE=alpine:3.20
          FROM ${BASE} AS build
          RUN --mount=type=cache,target=/root/.cache \\
              apk add curl && \\
              echo "done"
          COPY --from=build --chmod=755 /a /b
          """,
          """
          # escape=`
          FROM mcr.microsoft.com/windows
          RUN dir c:\\ `
              && echo x
          HEALTHCHECK --interval=5s CMD ["curl", "-f", "http://x"]
          """,
          """
          FROM a
          COPY <<one <<'two' /dest
          1
          one
          2
          two
          RUN <<-EOF bash
          \techo hi
          \tEOF
          ONBUILD RUN ["x", "y"]
          ENV A=1 B="2 3" C=4\\ 5
          LABEL x y z
          EXPOSE 80 443/tcp
          """);

  private static final String[] PIECES = {
    "\\",
    "`",
    "\n",
    "\r\n",
    "<<",
    "<<-",
    "[",
    "]",
    "\"",
    "'",
    "$",
    "${",
    "}",
    "#",
    " ",
    "\t",
    "--",
    "=",
    "\u0000",
    "\u00a0",
    "é",
    "\uD83D\uDE00",
    "\uD800",
    "FROM ",
    "RUN ",
    "COPY ",
    "ONBUILD ",
    "ENV ",
    "EOF",
    "\u0085",
    "{",
    ",",
    "1",
    "-"
  };

  private static void parseQuietly(String text) {
    ParseResult<Dockerfile> r = DockerfileParser.parse(SourceFile.of("Dockerfile", text));
    assertThat(r.model()).isNotNull();
    Dump.of(r.model());
    for (Stage s : r.model().stages()) {
      for (Instruction i : s.instructions()) {
        i.runCommand();
        i.mounts();
        i.keyValues();
      }
    }
    r.model().stagesNeededFor(null);
  }

  @Test
  void mutatedInputsNeverThrow() {
    Random random = new Random(20261123);
    long start = System.nanoTime();
    for (int n = 0; n < 4000; n++) {
      StringBuilder s = new StringBuilder(SEEDS.get(random.nextInt(SEEDS.size())));
      int edits = 1 + random.nextInt(8);
      for (int e = 0; e < edits; e++) {
        int at = random.nextInt(s.length() + 1);
        switch (random.nextInt(3)) {
          case 0 -> s.insert(at, PIECES[random.nextInt(PIECES.length)]);
          case 1 -> s.delete(at, Math.min(s.length(), at + 1 + random.nextInt(6)));
          default -> {
            char c = (char) random.nextInt(0x3000);
            s.insert(at, c);
          }
        }
      }
      String text = s.toString();
      assertThatCode(() -> parseQuietly(text)).as(text).doesNotThrowAnyException();
    }
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void hostileInputsStayFast() {
    List<String> hostile =
        List.of(
            "FROM a\nCMD " + "[".repeat(200_000),
            "FROM a\nCMD [" + "[".repeat(20_000) + "]".repeat(20_000) + "]",
            "FROM a\nRUN x" + " \\\n".repeat(50_000) + "y",
            "FROM a\n" + "ONBUILD ".repeat(20_000) + "RUN x",
            "FROM a\nRUN " + "<<E ".repeat(10_000) + "\nE\n",
            "# escape=" + " ".repeat(100_000) + "x\nFROM a",
            "FROM a\nENV " + "a=\"b ".repeat(50_000),
            "FROM a\nCOPY " + "--x ".repeat(50_000) + "a b",
            "ARG A=" + "x".repeat(100_000) + "\nFROM ${A%%*x*x*x*y}",
            "FROM a\nEXPOSE " + "1 ".repeat(100_000),
            "FROM a AS s\nCOPY --from=s x y\n".repeat(10_000),
            "FROM a\nCMD [" + "9".repeat(100_000) + "]",
            "FROM a\nRUN <<E " + "${x:-\"".repeat(30_000) + "\nE\n",
            "ARG X=1\nFROM ${X:-" + "${X:-".repeat(30_000) + "a");
    long start = System.nanoTime();
    for (String text : hostile) {
      assertThatCode(() -> parseQuietly(text)).doesNotThrowAnyException();
    }
    // About a second here; anything quadratic in these sizes would take minutes. The slack is for
    // a busy shared machine.
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
  }
}
