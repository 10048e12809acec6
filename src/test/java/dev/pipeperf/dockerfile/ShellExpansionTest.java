package dev.pipeperf.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipeperf.source.ParseResult;
import dev.pipeperf.source.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Word expansion as BuildKit's shell lexer does it (issue 13, item 7): the expansion table in
 * {@code shell-expansion.txt}, one dynamic test per line, then global ARGs as BuildKit's {@code
 * dockerfile2llb} evaluates them with its automatic platform ARGs.
 */
class ShellExpansionTest {

  private static final Map<String, String> DEFAULT_ENV =
      Map.of("PWD", "/home", "SHELL", "bash", "NULL", "");

  @TestFactory
  Stream<DynamicTest> expandsAsBuildkit() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    Map<String, String> env = DEFAULT_ENV;
    int lineNo = 0;
    for (String line : table()) {
      lineNo++;
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      if (t.startsWith("env:")) {
        env = parseEnv(t.substring(4).strip());
        continue;
      }
      int arrow = t.indexOf("=>");
      String input = t.substring(0, arrow).strip();
      String expected = t.substring(arrow + 2).strip();
      Map<String, String> caseEnv = env;
      tests.add(
          DynamicTest.dynamicTest(
              lineNo + ": " + input,
              () -> {
                ShellLex lex = new ShellLex('\\', false, false, false, false, caseEnv);
                if (expected.equals("ERROR")) {
                  assertThatThrownBy(() -> lex.process(input))
                      .as(input)
                      .isInstanceOf(ShellLex.LexError.class);
                } else {
                  assertThat(lex.process(input).word()).as(input).isEqualTo(expected);
                }
              }));
    }
    assertThat(tests).hasSizeGreaterThan(120);
    return tests.stream();
  }

  @Test
  void theIssueChainBuildsStageSDashOnLinuxAmd64() {
    Dockerfile df =
        parse(
            """
            ARG D=${TARGETPLATFORM#linux/amd64}
            ARG D=${D:+"unsupported"}
            FROM alpine AS s-
            FROM busybox AS s-unsupported
            FROM s-${D}
            """);
    Stage last = df.stages().get(2);
    assertThat(last.baseStageIndex()).isEqualTo(0);
    // Shown platform-neutrally: on linux/arm64 the same line builds s-unsupported.
    assertThat(last.baseName()).isEqualTo("s-${D}");
  }

  @Test
  void platformArgsAreInScopeBeforeAnyArg() {
    Dockerfile df =
        parse(
            """
            ARG VARIANT_SUFFIX=${TARGETVARIANT:+-${TARGETVARIANT}}
            ARG OSV=${TARGETOSVERSION:-none}
            FROM alpine AS base-linux-amd64
            FROM alpine AS base-none
            FROM base-${TARGETOS}-${TARGETARCH}${VARIANT_SUFFIX}
            FROM base-${OSV}
            FROM base-${TARGETSTAGE}
            """);
    assertThat(df.stages().get(2).baseStageIndex()).isEqualTo(0);
    assertThat(df.stages().get(3).baseStageIndex()).isEqualTo(1);
    // No --target: BuildKit's TARGETSTAGE is "default", which names no stage here.
    assertThat(df.stages().get(4).baseStageIndex()).isNull();
  }

  @Test
  void aRedeclaredPlatformArgIsAConstant() {
    Dockerfile df =
        parse(
            """
            ARG TARGETARCH=arm64
            ARG TARGETPLATFORM
            FROM alpine AS arm64
            FROM alpine AS linux-amd64
            FROM ${TARGETARCH}
            FROM linux-${TARGETPLATFORM#linux/}
            """);
    assertThat(df.stages().get(2).baseStageIndex()).isEqualTo(0);
    assertThat(df.stages().get(2).baseName()).isEqualTo("arm64");
    // ARG without a value keeps the automatic value.
    assertThat(df.stages().get(3).baseStageIndex()).isEqualTo(1);
  }

  @Test
  void knownDefaultsAreShownExpandedAndBuildArgsAsWritten() {
    Dockerfile df =
        parse(
            """
            ARG GO=1.22
            ARG IMAGE=golang:${GO}-alpine
            ARG VERSION
            ARG TAGGED=${VERSION:+v${VERSION}}
            ARG REF=app:${VERSION}
            FROM ${IMAGE}
            FROM ${REF}
            FROM other:${TAGGED:-latest}
            FROM more:${REF#app:}
            """);
    assertThat(df.stages().get(0).baseName()).isEqualTo("golang:1.22-alpine");
    assertThat(df.stages().get(1).baseName()).isEqualTo("app:${VERSION}");
    // TAGGED is empty without build args and v<version> with one; REF holds unexpanded text:
    // neither is computed from a placeholder.
    assertThat(df.stages().get(2).baseName()).isEqualTo("other:${TAGGED:-latest}");
    assertThat(df.stages().get(3).baseName()).isEqualTo("more:${REF#app:}");
  }

  private static Dockerfile parse(String text) {
    ParseResult<Dockerfile> r = DockerfileParser.parse(SourceFile.of("Dockerfile", text));
    assertThat(r.hasModel()).isTrue();
    return r.model();
  }

  private static Map<String, String> parseEnv(String spec) {
    if (spec.equals("default")) {
      return DEFAULT_ENV;
    }
    Map<String, String> env = new LinkedHashMap<>();
    for (String kv : spec.split(" +")) {
      int eq = kv.indexOf('=');
      env.put(kv.substring(0, eq), kv.substring(eq + 1));
    }
    return env;
  }

  private static List<String> table() throws IOException {
    try (InputStream in =
        ShellExpansionTest.class.getResourceAsStream("/dockerfile/shell-expansion.txt")) {
      assertThat(in).as("shell-expansion.txt on the test classpath").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }
}
