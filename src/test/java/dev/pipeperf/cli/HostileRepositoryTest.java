package dev.pipeperf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipeperf.source.Escape;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Repositories written by an attacker, as a pull request can: each case is a small repository in a
 * temporary folder, run through the CLI in-process. What must hold for every one of them: no line
 * of any output starts a workflow command pipeperf did not write, nothing is read outside the root,
 * nothing is written through a link, no internal error, problems come as {@code path:line:col}
 * diagnostics, and the exit code is the documented one.
 */
class HostileRepositoryTest {

  /** What pipeperf itself writes in {@code --format github}: annotations, with escaped data. */
  static final Pattern OWN_COMMAND =
      Pattern.compile("::(error|warning|notice) (file|title)=[^:]*::[^\\r\\n]*");

  static Path write(Path root, String rel, String text) throws IOException {
    Path p = root.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  /** Every line as the runner splits it (LF, CR, CRLF). */
  static List<String> runnerLines(String output) {
    return List.of(output.split("\r\n|\r|\n", -1));
  }

  static void assertNoForeignCommand(String what, String output, boolean ownCommands) {
    for (String line : runnerLines(output)) {
      if (ownCommands && OWN_COMMAND.matcher(line).matches()) {
        continue;
      }
      assertThat(Escape.isCommand(line))
          .as("%s printed a runner command line: %s", what, line)
          .isFalse();
    }
    assertThat(output).as("%s printed an escape character", what).doesNotContain("\u001b");
  }

  static void assertClean(String what, Cli cli) {
    assertThat(cli.err()).as(what).doesNotContain("internal error").doesNotContain("Exception");
    assertThat(cli.err()).as(what).doesNotContain("\tat ");
  }

  @Nested
  class Injection {

    @TempDir Path root;

    void hostileRepository() throws IOException {
      write(
          root,
          ".github/workflows/ci.yml",
          """
          name: "CI\\n::add-mask::hunter2\\r::stop-commands::tok"
          on: [push, pull_request]
          jobs:
            "build\\n::error file=x::key":
              name: "::error title=job::pwned \\u001b[31mred\\u001b]0;title\\u0007"
              runs-on: ubuntu-latest
              steps:
                - name: "step | with `pipes` <b>\\n::warning::step"
                  run: npm install
                - uses: actions/checkout@v4
            test:
              needs: ["build\\n::error file=x::key"]
              name: "##[set-output name=x;]y"
              runs-on: ubuntu-latest
              steps:
                - run: "echo one\\n::notice::two"
          """);
      write(
          root,
          ".github/workflows/evil\n::error::file.yml",
          """
          name: evil
          on: push
          jobs:
            a:
              runs-on: ubuntu-latest
              steps:
                - run: make
          """);
      write(
          root,
          "Dockerfile",
          """
          FROM node:20 AS "base\\n::error::stage"
          COPY . .
          RUN npm install
          """);
    }

    @Test
    void noOutputFormatLetsDataStartARunnerCommand() throws IOException {
      hostileRepository();
      String dir = root.toString();
      for (String format : List.of("text", "json", "markdown", "sarif", "github", "html")) {
        Cli cli = Cli.run("analyze", dir, "--format", format);
        assertClean("analyze --format " + format, cli);
        assertThat(cli.code()).as("analyze --format " + format).isZero();
        assertNoForeignCommand("analyze --format " + format, cli.out(), format.equals("github"));
        assertNoForeignCommand("analyze --format " + format + " (stderr)", cli.err(), false);
      }
      for (String format : List.of("markdown", "html", "sarif", "json", "text")) {
        Cli cli = Cli.run("report", dir, "--format", format);
        assertClean("report --format " + format, cli);
        assertNoForeignCommand("report --format " + format, cli.out(), false);
      }
      for (String format : List.of("mermaid", "dot", "json")) {
        Cli cli = Cli.run("graph", dir, "--format", format);
        assertClean("graph --format " + format, cli);
        assertNoForeignCommand("graph --format " + format, cli.out(), false);
      }
    }

    @Test
    void checkInGithubFormatWritesOnlyItsOwnCommands() throws IOException {
      hostileRepository();
      Path baseline = root.resolve("baseline.json");
      Cli rec = Cli.run("baseline", root.toString(), "-o", baseline.toString());
      assertThat(rec.code()).as(rec.err()).isZero();
      // a slower pull request: one more job, so the gate fails and annotates
      Files.writeString(
          root.resolve(".github/workflows/ci.yml"),
          Files.readString(root.resolve(".github/workflows/ci.yml"))
              + """
                "slow\\n::add-mask::x":
                  needs: test
                  name: "slow\\n::error::injected"
                  runs-on: ubuntu-latest
                  steps:
                    - run: sleep 600
              """);
      Path summary = root.resolve("summary.md");
      Cli cli =
          Cli.run(
              Map.of("GITHUB_STEP_SUMMARY", summary.toString()),
              "check",
              root.toString(),
              "--baseline",
              baseline.toString(),
              "--format",
              "github");
      assertClean("check --format github", cli);
      assertThat(cli.code()).as(cli.out() + cli.err()).isEqualTo(ExitCodes.GATE_FAILED);
      assertThat(cli.out()).contains("::error ");
      assertNoForeignCommand("check --format github", cli.out(), true);
      assertNoForeignCommand("step summary", Files.readString(summary), false);
      Cli text = Cli.run("check", root.toString(), "--baseline", baseline.toString());
      assertNoForeignCommand("check", text.out(), false);
    }

    @Test
    void markdownCellsKeepTheirTable() {
      assertThat(Escape.markdown("a|b`c<d>\n::e")).isEqualTo("a\\|b\\`c&lt;d&gt; ::e");
      assertThat(Escape.annotationProperty("a:b,c%\r\n")).isEqualTo("a%3Ab%2Cc%25%0D%0A");
      assertThat(Escape.mermaidLabel("x\"]; click y")).isEqualTo("x#quot;]; click y");
      assertThat(Escape.dotString("a\"\\\nb")).isEqualTo("\"a\\\"\\\\\\nb\"");
      assertThat(Escape.line("\u001b[2J\u001b]8;;http://x\u0007link\u001b]8;;\u0007"))
          .isEqualTo("link");
      assertThat(Escape.line("  ::add-mask::x")).isEqualTo("  \\::add-mask::x");
    }
  }

  /** Sanity: the pattern for pipeperf's own commands does not accept other commands. */
  @Test
  void ownCommandPatternIsNarrow() {
    List<String> foreign = new ArrayList<>(List.of("::add-mask::x", "::stop-commands::t"));
    foreign.forEach(l -> assertThat(OWN_COMMAND.matcher(l).matches()).isFalse());
    assertThat(OWN_COMMAND.matcher("::error file=a.yml,line=1::m").matches()).isTrue();
  }
}
