package dev.pipeperf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * A bug is not the user's fault: any exception or error escaping a command exits with {@link
 * ExitCodes#INTERNAL} and one line saying how to report it (the stack trace only with --verbose),
 * and a renderer that fails half-way still leaves what it rendered where the format allows.
 */
class InternalErrorTest {

  /** A command that fails the way a bug would. */
  @Command(name = "boom")
  static final class Boom implements Callable<Integer> {
    @ParentCommand Main main;

    @Option(names = "--kind")
    String kind = "npe";

    @Option(names = "--readable")
    boolean readable;

    @Override
    public Integer call() {
      switch (kind) {
        case "npe" -> throw new NullPointerException("t is null");
        case "stack" -> throw new StackOverflowError();
        case "oom" -> throw new OutOfMemoryError("Java heap space");
        case "user" -> throw new UserError("no such folder");
        default -> {
          main.write(
              null,
              false,
              readable,
              out -> {
                out.println("first section");
                throw new IllegalStateException("second section broke");
              });
          return ExitCodes.OK;
        }
      }
    }
  }

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(new PrintWriter(out), new PrintWriter(err), false, Map.of(), new Boom(), args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void anExceptionIsAnInternalErrorWithItsOwnExitCodeAndHowToReportIt() {
    Run r = run("boom", "--kind", "npe");
    assertThat(r.code()).isEqualTo(ExitCodes.INTERNAL).isNotEqualTo(ExitCodes.USAGE);
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err())
        .contains("internal error: java.lang.NullPointerException: t is null")
        .contains("--verbose")
        .contains("please report it")
        .doesNotContain("\tat ");
  }

  @Test
  void errorsThatAreNotExceptionsAreCaughtToo() {
    assertThat(run("boom", "--kind", "stack").code()).isEqualTo(ExitCodes.INTERNAL);
    Run oom = run("boom", "--kind", "oom");
    assertThat(oom.code()).isEqualTo(ExitCodes.INTERNAL);
    assertThat(oom.err()).contains("OutOfMemoryError").contains("please report it");
  }

  @Test
  void verboseShowsTheStackTrace() {
    Run r = run("--verbose", "boom", "--kind", "npe");
    assertThat(r.code()).isEqualTo(ExitCodes.INTERNAL);
    assertThat(r.err()).contains("\tat dev.pipeperf.cli.InternalErrorTest$Boom.call");
  }

  @Test
  void aUserErrorStaysUsage() {
    Run r = run("boom", "--kind", "user");
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).isEqualTo("pipeperf: no such folder" + System.lineSeparator());
  }

  @Test
  void aReadableReportThatFailsHalfWayKeepsWhatWasRendered() {
    Run r = run("boom", "--kind", "render", "--readable");
    assertThat(r.code()).isEqualTo(ExitCodes.INTERNAL);
    assertThat(r.out()).startsWith("first section").contains("the report stops here");
    assertThat(r.err()).contains("second section broke").contains("please report it");
  }

  @Test
  void aStructuredReportThatFailsHalfWayWritesNoHalfDocument() {
    Run r = run("boom", "--kind", "render");
    assertThat(r.code()).isEqualTo(ExitCodes.INTERNAL);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("second section broke");
  }
}
