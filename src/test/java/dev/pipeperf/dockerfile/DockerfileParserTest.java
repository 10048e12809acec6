package dev.pipeperf.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipeperf.source.Diagnostic;
import dev.pipeperf.source.ParseResult;
import dev.pipeperf.source.Severity;
import dev.pipeperf.source.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DockerfileParserTest {

  static ParseResult<Dockerfile> parse(String text) {
    return DockerfileParser.parse(SourceFile.of("Dockerfile", text));
  }

  static Dockerfile model(String text) {
    return parse(text).model();
  }

  static String dump(String text) {
    return Dump.of(model(text));
  }

  static List<String> codes(String text) {
    return parse(text).diagnostics().stream().map(Diagnostic::code).toList();
  }

  @Nested
  class Directives {
    @Test
    void readsSyntaxEscapeAndCheckBeforeAnythingElse() {
      Dockerfile d =
          model(
              """
              # syntax=docker/dockerfile:1.7
              # escape=`
              # check=skip=JSONArgsRecommended
              FROM alpine
              RUN echo a `
                  b
              """);
      assertThat(d.directives())
          .containsEntry("syntax", "docker/dockerfile:1.7")
          .containsEntry("escape", "`")
          .containsEntry("check", "skip=JSONArgsRecommended");
      assertThat(d.escape()).isEqualTo('`');
      assertThat(d.stages().get(0).instructions().get(1).args()).containsExactly("echo a     b");
    }

    @Test
    void aDirectiveAfterAnyOtherLineIsAComment() {
      Dockerfile d =
          model(
              """
              # a comment
              # escape=`
              FROM alpine
              """);
      assertThat(d.directives()).isEmpty();
      assertThat(d.escape()).isEqualTo('\\');
    }

    @Test
    void aRepeatedDirectiveIsAnError() {
      ParseResult<Dockerfile> r =
          parse(
              """
              # syntax=a
              # SYNTAX=b
              FROM alpine
              """);
      assertThat(r.diagnostics())
          .singleElement()
          .satisfies(
              d -> {
                assertThat(d.code()).isEqualTo("parser-directive");
                assertThat(d.severity()).isEqualTo(Severity.HIGH);
                assertThat(d.location().line()).isEqualTo(2);
                assertThat(d.message()).isEqualTo("only one syntax parser directive can be used");
              });
      assertThat(r.model().directives()).containsEntry("syntax", "a");
    }

    @Test
    void anInvalidEscapeIsAnErrorAndTheDefaultStays() {
      ParseResult<Dockerfile> r = parse("# escape=x\nFROM alpine\n");
      assertThat(r.diagnostics()).extracting(Diagnostic::code).containsExactly("parser-directive");
      assertThat(r.model().escape()).isEqualTo('\\');
    }

    @Test
    void backtickEscapeLeavesBackslashesAlone() {
      String text =
          """
          # escape=`

          FROM mcr.microsoft.com/windows/servercore
          COPY testfile.txt c:\\
          RUN dir c:\\ `
              && echo done
          """;
      assertThat(dump(text))
          .isEqualTo(
              """
              (from "mcr.microsoft.com/windows/servercore")
              (copy "testfile.txt" "c:\\\\")
              (run "dir c:\\\\     && echo done")""");
    }
  }

  @Test
  void aByteOrderMarkIsIgnored() {
    assertThat(dump("\uFEFFFROM alpine\n")).isEqualTo("(from \"alpine\")");
  }

  @Test
  void continuationsDropCommentsAndWarnOnEmptyLines() {
    ParseResult<Dockerfile> r =
        parse(
            """
            FROM alpine
            RUN apk add \\
            # a comment inside
                curl \\

                git
            """);
    Instruction run = r.model().stages().get(0).instructions().get(1);
    assertThat(run.args()).containsExactly("apk add     curl     git");
    assertThat(run.location().line()).isEqualTo(2);
    assertThat(run.endLine()).isEqualTo(6);
    assertThat(r.diagnostics())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.code()).isEqualTo("empty-continuation");
              assertThat(d.severity()).isEqualTo(Severity.MEDIUM);
              assertThat(d.location().line()).isEqualTo(5);
            });
  }

  @Test
  void keywordsAreCaseInsensitive() {
    Dockerfile d =
        model("from alpine As Build\nrun echo hi\nFrom build\ncopy --FROM=BUILD /a /b\n");
    assertThat(d.stages()).hasSize(2);
    assertThat(d.stages().get(0).name()).isEqualTo("build");
    assertThat(d.stages().get(1).baseStageIndex()).isZero();
    assertThat(d.stages().get(1).instructions().get(1).keyword()).isEqualTo("COPY");
    assertThat(d.stages().get(1).instructions().get(1).from()).isEqualTo("BUILD");
    assertThat(d.stage("BUILD")).isPresent();
    assertThat(d.stagesNeededFor(null)).extracting(Stage::index).containsExactly(0, 1);
  }

  @Test
  void execAndShellForm() {
    Dockerfile d = model("FROM a\nCMD [\"run\", \"it\"]\nCMD run it\nCMD [\"broken\"\n");
    List<Instruction> cmds = d.stages().get(0).body();
    assertThat(cmds.get(0).jsonForm()).isTrue();
    assertThat(cmds.get(0).args()).containsExactly("run", "it");
    assertThat(cmds.get(1).jsonForm()).isFalse();
    assertThat(cmds.get(1).args()).containsExactly("run it");
    assertThat(cmds.get(2).jsonForm()).isFalse();
    assertThat(cmds.get(2).args()).containsExactly("[\"broken\"");
  }

  @Test
  void aJsonArrayWithANonStringIsAnError() {
    ParseResult<Dockerfile> r = parse("FROM a\nCMD [\"echo\", 1]\nRUN ok\n");
    assertThat(r.diagnostics())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.code()).isEqualTo("dockerfile-syntax");
              assertThat(d.location().line()).isEqualTo(2);
              assertThat(d.message()).contains("arrays must be comprised of strings only");
            });
    assertThat(Dump.of(r.model())).isEqualTo("(from \"a\")\n(run \"ok\")");
  }

  @Test
  void jsonThatGoCannotUnmarshalFallsBackToShellForm() {
    // Go's Unmarshal fails on a float64 overflow, and BuildKit then keeps the text as written.
    assertThat(dump("FROM a\nCMD [1e400]\nCMD [\"a\",]\nCMD [\"\\ud83d\\ude00\", \"\\ud800\"]\n"))
        .isEqualTo(
            "(from \"a\")\n(cmd \"[1e400]\")\n(cmd \"[\\\"a\\\",]\")\n(cmd \"\uD83D\uDE00\" \"\uFFFD\")");
    assertThat(codes("FROM a\nCMD [1e400]\n")).isEmpty();
  }

  @Test
  void envWithoutValueIsAnError() {
    ParseResult<Dockerfile> r = parse("FROM a\nENV PATH\n");
    assertThat(r.diagnostics())
        .extracting(Diagnostic::message)
        .containsExactly("ENV must have two arguments");
  }

  @Test
  void envAndLabelForms() {
    Dockerfile d = model("FROM a\nENV A 1 2\nENV B=\"x y\" C=z\nLABEL k=v\nARG X=1 Y\n");
    List<Instruction> body = d.stages().get(0).body();
    assertThat(body.get(0).keyValues()).containsEntry("A", "1 2");
    assertThat(body.get(1).keyValues()).containsEntry("B", "\"x y\"").containsEntry("C", "z");
    assertThat(body.get(2).keyValues()).containsEntry("k", "v");
    assertThat(body.get(3).keyValues()).containsEntry("X", "1").containsEntry("Y", null);
  }

  @Test
  void flagsCarryTheirPositions() {
    Dockerfile d =
        model(
            """
            FROM alpine AS build
            FROM alpine
            COPY --link \\
                 --from=build --chmod=755 /out /app
            """);
    Instruction copy = d.stages().get(1).instructions().get(1);
    assertThat(copy.flags()).extracting(Flag::name).containsExactly("link", "from", "chmod");
    assertThat(copy.flags().get(0).value()).isNull();
    assertThat(copy.flags().get(1).value()).isEqualTo("build");
    assertThat(copy.flags().get(1).location().line()).isEqualTo(4);
    assertThat(copy.flags().get(1).location().column()).isEqualTo(6);
    assertThat(copy.copySources()).containsExactly("/out");
    assertThat(copy.copyDestination()).isEqualTo("/app");
  }

  @Test
  void mountsAreParsed() {
    Instruction run =
        model(
                "FROM a\n"
                    + "RUN --mount=type=cache,target=/root/.cache/pip,id=pip"
                    + " --mount=from=tools,source=/bin/x,target=/x pip install x\n")
            .stages()
            .get(0)
            .instructions()
            .get(1);
    assertThat(run.mounts()).hasSize(2);
    assertThat(run.mounts().get(0).isCache()).isTrue();
    assertThat(run.mounts().get(0).target()).isEqualTo("/root/.cache/pip");
    assertThat(run.mounts().get(0).id()).isEqualTo("pip");
    assertThat(run.mounts().get(1).type()).isEqualTo("bind");
    assertThat(run.mounts().get(1).from()).isEqualTo("tools");
    assertThat(run.runCommand()).isEqualTo("pip install x");
  }

  @Test
  void onbuildWrapsAnInstruction() {
    Dockerfile d = model("FROM a\nONBUILD RUN [\"echo\", \"x\"]\nONBUILD COPY . /\n");
    Instruction ob = d.stages().get(0).instructions().get(1);
    assertThat(ob.keyword()).isEqualTo("ONBUILD");
    assertThat(ob.trigger().keyword()).isEqualTo("RUN");
    assertThat(ob.trigger().jsonForm()).isTrue();
    assertThat(Dump.node(ob.node())).isEqualTo("onbuild (run \"echo\" \"x\")");
    Instruction withHeredoc =
        model("FROM a\nONBUILD RUN <<EOF\necho hi\nEOF\n").stages().get(0).instructions().get(1);
    assertThat(withHeredoc.heredocs()).extracting(Heredoc::name).containsExactly("EOF");
    assertThat(withHeredoc.trigger().runCommand()).isEqualTo("echo hi\n");
  }

  @Test
  void onbuildChainingIsReported() {
    assertThat(codes("FROM a\nONBUILD ONBUILD RUN x\n")).containsExactly("invalid-onbuild");
  }

  @Test
  void healthcheckAndUnknownKeywords() {
    assertThat(dump("FROM a\nHEALTHCHECK --interval=5s CMD curl -f x\nHEALTHCHECK NONE\nFOO bar\n"))
        .isEqualTo(
            """
            (from "a")
            (healthcheck ["--interval=5s"] "CMD" "curl -f x")
            (healthcheck "NONE")
            (foo "")""");
    assertThat(codes("FROM a\nFOO bar\n")).containsExactly("unknown-instruction");
  }

  @Nested
  class Heredocs {
    @Test
    void severalHeredocsOnOneLineAreReadInOrder() {
      Dockerfile d =
          model(
              """
              FROM a
              COPY <<one <<'two' /dest/
              first
              one
              second $X
              two
              RUN echo done
              """);
      Instruction copy = d.stages().get(0).instructions().get(1);
      assertThat(copy.heredocs()).extracting(Heredoc::name).containsExactly("one", "two");
      assertThat(copy.heredocs()).extracting(Heredoc::expand).containsExactly(true, false);
      assertThat(copy.heredocs().get(1).content()).isEqualTo("second $X\n");
      assertThat(copy.endLine()).isEqualTo(6);
      assertThat(d.stages().get(0).instructions().get(2).args()).containsExactly("echo done");
    }

    @Test
    void aRunThatIsOnlyAHeredocRunsItsBody() {
      Instruction run =
          model("FROM a\nRUN <<-EOF\n\tapt-get update\n\tapt-get install -y curl\n\tEOF\n")
              .stages()
              .get(0)
              .instructions()
              .get(1);
      assertThat(run.heredocs().get(0).chomp()).isTrue();
      assertThat(run.heredocs().get(0).content()).startsWith("\tapt-get update");
      assertThat(run.runCommand()).isEqualTo("apt-get update\napt-get install -y curl\n");
    }

    @Test
    void aRunFeedingAHeredocToACommandKeepsTheCommand() {
      Instruction run =
          model("FROM a\nRUN python3 <<EOF > /out\nprint(1)\nEOF\n")
              .stages()
              .get(0)
              .instructions()
              .get(1);
      assertThat(run.runCommand()).isEqualTo("python3 <<EOF > /out\nprint(1)\nEOF");
    }

    @Test
    void onlyRunCopyAndAddTakeHeredocs() {
      Dockerfile d = model("FROM a\nUSER <<X\nX\n");
      assertThat(d.instructions()).hasSize(3);
      assertThat(d.instructions()).allMatch(i -> i.heredocs().isEmpty());
    }

    @Test
    void anUnterminatedHeredocIsAnErrorAtTheInstruction() {
      ParseResult<Dockerfile> r = parse("FROM a\n\nRUN <<EOF\necho hi\n");
      assertThat(r.diagnostics())
          .singleElement()
          .satisfies(
              d -> {
                assertThat(d.code()).isEqualTo("unterminated-heredoc");
                assertThat(d.severity()).isEqualTo(Severity.HIGH);
                assertThat(d.location().line()).isEqualTo(3);
                assertThat(d.location().column()).isEqualTo(1);
              });
      assertThat(r.model().instructions().get(1).heredocs().get(0).content())
          .isEqualTo("echo hi\n");
    }
  }

  @Nested
  class Stages {
    static final String MULTI =
        """
        ARG GO=1.22
        ARG BASE
        FROM golang:${GO} AS build
        RUN go build -o /out/app
        FROM alpine AS tools
        RUN apk add curl
        FROM node:20 AS web
        RUN npm ci
        FROM ${BASE:-debian:12} AS final
        COPY --from=build /out/app /app
        COPY --from=1 /usr/bin/curl /usr/bin/curl
        RUN --mount=type=bind,from=web,source=/dist,target=/dist cp -r /dist /srv
        FROM final AS debug
        RUN apk add gdb
        """;

    @Test
    void globalArgsAreSubstitutedIntoFrom() {
      Dockerfile d = model(MULTI);
      assertThat(d.globalArgs()).hasSize(2);
      assertThat(d.stages())
          .extracting(Stage::baseName)
          .containsExactly("golang:1.22", "alpine", "node:20", "debian:12", "final");
      assertThat(d.stages().get(4).baseStageIndex()).isEqualTo(3);
      assertThat(model("ARG V\nFROM img:${V}\n").stages().get(0).baseName()).isEqualTo("img:${V}");
    }

    @Test
    void platformArgsPickTheLinuxStage() {
      Dockerfile d =
          model(
              """
              FROM scratch AS binaries-linux
              FROM scratch AS binaries-windows
              FROM binaries-$TARGETOS AS binaries
              FROM alpine
              COPY --from=binaries-${TARGETOS} / /
              """);
      assertThat(d.stages().get(2).baseName()).isEqualTo("binaries-$TARGETOS");
      assertThat(d.stages().get(2).baseStageIndex()).isZero();
      assertThat(d.stages().get(3).dependencies().get(1).stageIndex()).isZero();
      assertThat(d.stagesNeededFor("binaries")).extracting(Stage::index).containsExactly(0, 2);
    }

    @Test
    void dependenciesComeFromFromCopyFromAndMounts() {
      Stage fin = model(MULTI).stage("final").orElseThrow();
      assertThat(fin.dependencies())
          .extracting(StageDependency::kind, StageDependency::stageIndex, StageDependency::image)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(StageDependency.Kind.FROM, null, "debian:12"),
              org.assertj.core.groups.Tuple.tuple(StageDependency.Kind.COPY_FROM, 0, null),
              org.assertj.core.groups.Tuple.tuple(StageDependency.Kind.COPY_FROM, 1, null),
              org.assertj.core.groups.Tuple.tuple(StageDependency.Kind.RUN_MOUNT_FROM, 2, null));
    }

    @Test
    void stagesNeededForFollowsEveryKindOfDependency() {
      Dockerfile d = model(MULTI);
      assertThat(d.stagesNeededFor(null))
          .extracting(Stage::displayName)
          .containsExactly("build", "tools", "web", "final", "debug");
      assertThat(d.stagesNeededFor("FINAL")).extracting(Stage::index).containsExactly(0, 1, 2, 3);
      assertThat(d.stagesNeededFor("tools")).extracting(Stage::index).containsExactly(1);
      assertThat(d.stagesNeededFor("2")).extracting(Stage::index).containsExactly(2);
      assertThat(d.stagesNeededFor("nope")).isEmpty();
      assertThat(codes(MULTI)).isEmpty();
    }

    @Test
    void anUnknownFromNameIsAWarningUnlessItLooksLikeAnImage() {
      ParseResult<Dockerfile> r =
          parse(
              """
              FROM alpine AS build
              COPY --from=biuld /a /b
              COPY --from=nginx:1.27 /etc/nginx /etc/nginx
              COPY --from=ghcr.io/x/y /y /y
              """);
      assertThat(r.diagnostics())
          .singleElement()
          .satisfies(
              d -> {
                assertThat(d.code()).isEqualTo("unknown-stage");
                assertThat(d.severity()).isEqualTo(Severity.MEDIUM);
                assertThat(d.location().line()).isEqualTo(2);
                assertThat(d.location().column()).isEqualTo(6);
              });
      assertThat(r.model().stages().get(0).dependencies())
          .extracting(StageDependency::image)
          .containsExactly("alpine", "biuld", "nginx:1.27", "ghcr.io/x/y");
    }

    @Test
    void copyFromALaterStageOrItselfIsAnError() {
      ParseResult<Dockerfile> r =
          parse(
              """
              FROM alpine AS a
              COPY --from=b /x /x
              COPY --from=a /y /y
              FROM alpine AS b
              RUN --mount=from=1,target=/t true
              COPY --from=7 /z /z
              """);
      assertThat(r.diagnostics())
          .extracting(d -> d.code() + "@" + d.location().line())
          .containsExactly(
              "forward-stage-reference@2",
              "forward-stage-reference@3",
              "forward-stage-reference@5",
              "unknown-stage@6");
      assertThat(r.diagnostics().get(0).message())
          .isEqualTo(
              "cannot copy from stage \"b\", it needs to be defined before current stage \"a\"");
    }

    @Test
    void addCannotCopyFromAStage() {
      assertThat(codes("FROM a AS b\nFROM c\nADD --from=b /x /y\n"))
          .containsExactly("unknown-flag");
    }

    @Test
    void instructionsBeforeFromAreReported() {
      assertThat(codes("ARG A=1\nRUN x\nFROM a\n")).containsExactly("instruction-before-from");
    }

    @Test
    void invalidAndDuplicateStageNames() {
      assertThat(codes("FROM a AS 1x\nFROM b AS y\nFROM c AS Y\nFROM d e\n"))
          .containsExactly("invalid-stage", "duplicate-stage-name", "invalid-stage");
      Dockerfile d = model("FROM a AS x\nFROM x AS y\nFROM b AS x\nFROM x\n");
      assertThat(d.stages()).extracting(Stage::baseStageIndex).containsExactly(null, 0, null, 2);
    }
  }

  @Test
  void aFileWithoutInstructionsIsAnError() {
    assertThat(codes("")).containsExactly("no-instructions");
    assertThat(codes("# only\n# comments\n\n")).containsExactly("no-instructions");
    assertThat(model("").stages()).isEmpty();
  }

  @Test
  void binaryLookingJunkDoesNotBreakTheParser() {
    String junk = "\u0000\u0001FROM\u0007 \uFFFD\uD800 --x='\n\\\n<<\u0085\u00A0RUN <<E\u2028\n";
    ParseResult<Dockerfile> r = parse(junk);
    assertThat(r.model()).isNotNull();
    assertThat(Dump.of(r.model())).isNotNull();
  }

  @Test
  void aLineLongerThanBuildkitReadsIsAnError() {
    assertThat(codes("FROM a\nRUN " + "x".repeat(65_535) + "\n")).containsExactly("line-too-long");
    assertThat(codes("FROM a\nRUN " + "x".repeat(65_000) + "\n")).isEmpty();
  }

  @Test
  void goQuotingOfNonPrintables() {
    // U+2028 at the end is a Unicode space, trimmed as Go's TrimSpace does.
    assertThat(dump("FROM a\nUSER \u0001\u00a0é\u2028x\u2028\n"))
        .isEqualTo("(from \"a\")\n(user \"\\x01\\u00a0é\\u2028x\")");
  }

  @Test
  void flagBytesAreReadOneByOneAsBuildkitDoes() {
    // BuildKit's flag scanner turns each UTF-8 byte into a rune: é becomes "Ã©".
    assertThat(dump("FROM a\nCOPY --chown=é x y\n"))
        .isEqualTo("(from \"a\")\n(copy [\"--chown=Ã©\"] \"x\" \"y\")");
  }
}
