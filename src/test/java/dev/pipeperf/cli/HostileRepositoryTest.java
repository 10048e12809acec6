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

  /**
   * Files a repository names — config {@code timings:}, baselines, Dockerfiles, workflows, {@code
   * .dockerignore} — through absolute paths, {@code ..} and committed links to a secret outside the
   * root, a device and a pipe: none is read, each is a {@code path} diagnostic, and the secret
   * never appears in any output.
   */
  @Nested
  class Reads {

    static final String SECRET = "ghp_S3cr3tT0k3nThatMustNeverBePrinted0123";

    @TempDir Path base;

    Path root;
    Path secret;

    void repository() throws IOException {
      root = Files.createDirectories(base.resolve("repo"));
      secret = write(base, "outside/hosts.json", SECRET + "\n");
      write(
          root,
          ".github/workflows/ci.yml",
          """
          name: CI
          on: [push]
          jobs:
            build:
              runs-on: ubuntu-latest
              steps:
                - uses: actions/checkout@v4
                - uses: ./.github/actions/evil
                - run: docker build -f linked.Dockerfile .
          """);
      Files.createDirectories(root.resolve(".github/actions"));
      Files.createSymbolicLink(root.resolve(".github/actions/evil"), secret.getParent());
      Files.createSymbolicLink(root.resolve("linked.Dockerfile"), secret);
      Files.createSymbolicLink(root.resolve("Dockerfile"), secret);
      Files.createSymbolicLink(root.resolve(".dockerignore"), secret);
      Files.createSymbolicLink(root.resolve("link.json"), secret);
      Files.createSymbolicLink(root.resolve("zero.json"), Path.of("/dev/zero"));
      write(
          root,
          ".pipeperf.yml",
          "timings:\n"
              + "  - "
              + secret
              + "\n"
              + "  - ../outside/hosts.json\n"
              + "  - link.json\n"
              + "  - zero.json\n"
              + "  - /dev/zero\n"
              + "  - .github\n");
    }

    @Test
    void nothingOutsideTheRootIsReadOrEchoed() throws IOException {
      repository();
      for (String format : List.of("text", "json", "markdown", "sarif", "github", "html")) {
        Cli cli = Cli.run("analyze", root.toString(), "--format", format);
        assertClean("analyze --format " + format, cli);
        assertThat(cli.code()).as(cli.err()).isZero();
        assertThat(cli.out() + cli.err()).as(format).doesNotContain("S3cr3t");
      }
      Cli text = Cli.run("analyze", root.toString());
      assertThat(text.out())
          .contains(".pipeperf.yml:4:5: timings: link.json: resolves outside the repository")
          .contains(
              ".pipeperf.yml:3:5: timings: ../outside/hosts.json: resolves outside the repository")
          .contains(".pipeperf.yml:5:5: timings: zero.json: resolves outside the repository")
          .contains(".pipeperf.yml:7:5: timings: .github: is a folder, not a file");
    }

    @Test
    void aFifoInsideTheRootIsNotOpened() throws Exception {
      root = Files.createDirectories(base.resolve("repo"));
      write(root, ".github/workflows/ci.yml", "on: push\njobs:\n  a:\n    runs-on: x\n");
      Process mk = new ProcessBuilder("mkfifo", root.resolve("pipe.json").toString()).start();
      org.junit.jupiter.api.Assumptions.assumeTrue(mk.waitFor() == 0, "mkfifo is not available");
      write(root, ".pipeperf.yml", "timings: [pipe.json]\n");
      Cli cli = Cli.run("analyze", root.toString());
      assertClean("fifo", cli);
      assertThat(cli.code()).isZero();
      assertThat(cli.out())
          .contains(".pipeperf.yml:1:11: timings: pipe.json: is not a regular file");
    }

    @Test
    void aBaselineLinkedOutsideIsRefused() throws IOException {
      repository();
      Files.createDirectories(root.resolve(".pipeperf"));
      Files.createSymbolicLink(root.resolve(".pipeperf/baseline.json"), secret);
      Cli cli =
          Cli.run(
              "check",
              root.toString(),
              "--baseline",
              root.resolve(".pipeperf/baseline.json").toString(),
              "--format",
              "github");
      assertClean("check", cli);
      assertThat(cli.code()).isEqualTo(ExitCodes.USAGE);
      assertThat(cli.err()).contains("resolves outside the repository").doesNotContain("S3cr3t");
      assertThat(cli.out()).doesNotContain("S3cr3t");
    }

    @Test
    void aTimingsFileNamedOnTheCommandLineMayLieAnywhereButIsNotEchoed() throws IOException {
      repository();
      Cli cli = Cli.run("analyze", root.toString(), "--timings", secret.toString());
      assertClean("--timings", cli);
      assertThat(cli.out() + cli.err()).doesNotContain("S3cr3tT0k3n").contains("'ghp_S3cr…'");
    }
  }

  /** Where reports go: never through a committed link, never a silent cut file. */
  @Nested
  class Writes {

    @TempDir Path base;

    @Test
    void aReportReplacesALinkInsteadOfWritingThroughIt() throws IOException {
      Path root = Files.createDirectories(base.resolve("repo"));
      write(root, ".github/workflows/ci.yml", "on: push\njobs:\n  a:\n    runs-on: x\n");
      Path victim = write(base, "elsewhere/file", "precious\n");
      Path verdict = root.resolve("VERDICT.md");
      Files.createSymbolicLink(verdict, victim);
      Cli cli = Cli.run("report", root.toString(), "-o", verdict.toString());
      assertThat(cli.code()).as(cli.err()).isZero();
      assertThat(Files.readString(victim)).isEqualTo("precious\n");
      assertThat(Files.isSymbolicLink(verdict)).isFalse();
      assertThat(Files.readString(verdict)).contains("pipeperf");
      Path link2 = root.resolve("base.json");
      Files.createSymbolicLink(link2, victim);
      assertThat(Cli.run("baseline", root.toString(), "-o", link2.toString()).code()).isZero();
      assertThat(Files.readString(victim)).isEqualTo("precious\n");
    }

    @Test
    void aWriteErrorFailsWithExitTwo() throws IOException {
      Path full = Path.of("/dev/full");
      org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(full), "no /dev/full here");
      Path root = Files.createDirectories(base.resolve("repo"));
      write(root, ".github/workflows/ci.yml", "on: push\njobs:\n  a:\n    runs-on: x\n");
      Cli cli = Cli.run("baseline", root.toString(), "-o", full.toString());
      assertClean("baseline -o /dev/full", cli);
      assertThat(cli.code()).isEqualTo(ExitCodes.USAGE);
      assertThat(cli.out()).doesNotContain("recorded");
      assertThat(cli.err()).contains("cannot write /dev/full");
      Cli folder = Cli.run("report", root.toString(), "-o", root.toString());
      assertThat(folder.code()).isEqualTo(ExitCodes.USAGE);
      assertThat(folder.err()).contains("it is a folder");
    }
  }

  /**
   * Inputs that overflowed the stack or backtracked for minutes: each must give a result (or a
   * diagnostic) quickly, never an internal error. Bounded by a generous timeout, not timed.
   */
  @Nested
  class Crashes {

    @TempDir Path root;

    Cli analyze() {
      Cli cli = Cli.run("analyze", root.toString());
      assertClean("analyze", cli);
      assertThat(cli.code()).as(cli.err()).isZero();
      return cli;
    }

    @Test
    @org.junit.jupiter.api.Timeout(60)
    void aSixtyKilobyteRunLine() throws IOException {
      write(
          root,
          ".github/workflows/ci.yml",
          "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: apt-get"
              + " -y".repeat(20_000)
              + " install foo\n      - run: echo '"
              + "x".repeat(60_000)
              + "'\n      - run: a && b || c; d | e && ".repeat(1)
              + "f && ".repeat(10_000)
              + "g\n");
      analyze();
    }

    @Test
    @org.junit.jupiter.api.Timeout(60)
    void hclRegularExpressionsOnLongInput() throws IOException {
      write(
          root,
          "docker-bake.hcl",
          "variable \"S\" { default = \""
              + "ab".repeat(20_000)
              + "\" }\n"
              + "target \"t\" {\n"
              + "  tags = [regex(\"(a|b)*\", S), regex(\"(a+)+$\", \""
              + "a".repeat(40)
              + "!\"), regex(\""
              + "(".repeat(5000)
              + "a"
              + ")".repeat(5000)
              + "\", \"a\")]\n"
              + "}\n");
      analyze();
    }

    @Test
    @org.junit.jupiter.api.Timeout(60)
    void userPatternsAreLinear() throws IOException {
      write(
          root,
          ".pipeperf.yml",
          """
          durations:
            commands:
              '(.*a){25}$': 1m
              '(x+x+)+y': 2m
              '(a|b)*c': 1m
          """);
      String job = "j${{ matrix.a }}".repeat(25);
      write(
          root,
          ".github/workflows/ci.yml",
          "on: push\njobs:\n  a:\n    name: \""
              + job
              + "\"\n    runs-on: ubuntu-latest\n    steps:\n      - run: "
              + "a".repeat(40)
              + "\n      - run: echo "
              + "ab".repeat(30_000)
              + "\n      - run: "
              + "x".repeat(5_000)
              + "\n");
      write(
          root,
          "timings.json",
          "{\"jobs\": [{\"name\": \""
              + "j".repeat(30)
              + "a".repeat(3000)
              + "\", \"status\": \"completed\", \"conclusion\": \"success\","
              + " \"started_at\": \"2026-01-01T00:00:00Z\","
              + " \"completed_at\": \"2026-01-01T00:01:00Z\", \"steps\": []}]}");
      Cli cli =
          Cli.run("analyze", root.toString(), "--timings", root.resolve("timings.json").toString());
      assertClean("analyze", cli);
      assertThat(cli.code()).as(cli.err()).isZero();
    }

    @Test
    void aPatternOutsideRe2IsADiagnosticAtItsKey() throws IOException {
      write(
          root, ".pipeperf.yml", "durations:\n  commands:\n    '(?<=a)b': 1m\n    '(a)\\1': 1m\n");
      write(root, ".github/workflows/ci.yml", "on: push\njobs:\n  a:\n    runs-on: x\n");
      Cli cli = Cli.run("analyze", root.toString());
      assertClean("analyze", cli);
      assertThat(cli.code()).isEqualTo(ExitCodes.USAGE);
      assertThat(cli.err())
          .contains(".pipeperf.yml:3:5: durations.commands: (?<=a)b is not a regular expression")
          .contains(".pipeperf.yml:4:5:");
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
