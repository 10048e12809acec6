package dev.pipeperf.bake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.pipeperf.source.ParseResult;
import dev.pipeperf.source.SourceFile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Hostile and mangled input must end in diagnostics: no exception, no hang, no stack overflow.
 * Seeded, so a failure reproduces.
 */
class BakeRobustnessTest {

  private static final String SEED_FILE =
      """
      variable "TAG" { default = "latest" }
      variable "LIST" {
        type = list(string)
        default = ["a", "b"]
      }
      function "tag" {
        params = [n]
        result = "repo:${n}"
      }
      group "default" { targets = ["app", "m"] }
      target "base" {
        args = { A = 1, B = "${TAG}" }
        cache-from = ["type=gha"]
      }
      target "app" {
        inherits = ["base"]
        tags = [tag(TAG), for x in LIST : "${x}-%{if x == "a"}y%{else}n%{endif}"]
        dockerfile-inline = <<-EOT
          FROM alpine
          RUN echo ${TAG}
          EOT
        contexts = { b = "target:base" }
      }
      target "m" {
        name = "m-${v}"
        matrix = { v = ["1", "2"] }
        args = { V = v, S = LIST[*] }
      }
      """;

  private static final String ALPHABET = "{}[]()\"'$%~=<>!&|?:.,*+-/#\n \\EOTabc0123";

  @Test
  void mutatedFilesNeverThrowOrHang() {
    assertTimeoutPreemptively(
        Duration.ofSeconds(10),
        () -> {
          Random random = new Random(20261123L);
          for (int i = 0; i < 400; i++) {
            String text = mutate(SEED_FILE, random, 1 + random.nextInt(8));
            ParseResult<BakeDefinition> r =
                BakeEvaluator.evaluate(SourceFile.of("docker-bake.hcl", text), Map.of());
            assertThat(r.hasModel()).isTrue();
            BakePrint.toJson(r.model(), List.of());
          }
        });
  }

  @Test
  void deepNestingGivesADiagnostic() {
    for (String open : List.of("(", "[", "{a=", "\"${", "!", "-", "f(")) {
      String text = "x = " + open.repeat(100_000);
      ParseResult<BakeDefinition> r =
          BakeEvaluator.evaluate(SourceFile.of("docker-bake.hcl", text), Map.of());
      assertThat(r.diagnostics()).as(open).isNotEmpty();
    }
    String blocks = "a {\n".repeat(100_000);
    assertThat(
            BakeEvaluator.evaluate(SourceFile.of("docker-bake.hcl", blocks), Map.of())
                .diagnostics())
        .isNotEmpty();
  }

  @Test
  void explosiveEvaluationRunsOutOfBudget() {
    String text =
        """
        variable "A" { default = [for i in range(1000) : i] }
        variable "B" { default = [for i in A : [for j in A : [for k in A : i + j + k]]] }
        target "t" { args = { n = length(B) } }
        """;
    assertTimeoutPreemptively(
        Duration.ofSeconds(10),
        () -> {
          ParseResult<BakeDefinition> r =
              BakeEvaluator.evaluate(SourceFile.of("docker-bake.hcl", text), Map.of());
          assertThat(r.diagnostics()).anySatisfy(d -> assertThat(d.code()).isEqualTo("hcl-budget"));
        });
  }

  @Test
  void exponentialStringsAndBacktrackingRegexesStop() {
    StringBuilder doubling = new StringBuilder("variable \"v0\" { default = \"aaaaaaaa\" }\n");
    for (int i = 1; i <= 40; i++) {
      doubling
          .append("variable \"v")
          .append(i)
          .append("\" { default = \"${v")
          .append(i - 1)
          .append("}${v")
          .append(i - 1)
          .append("}\" }\n");
    }
    doubling.append("target \"t\" { args = { x = v40 } }\n");
    String regex =
        "target \"t\" { args = { x = regex(\"((x+)+)+y\", \"" + "x".repeat(40) + "\") } }\n";
    assertTimeoutPreemptively(
        Duration.ofSeconds(10),
        () -> {
          ParseResult<BakeDefinition> r =
              BakeEvaluator.evaluate(
                  SourceFile.of("docker-bake.hcl", doubling.toString()), Map.of());
          assertThat(r.diagnostics()).anySatisfy(d -> assertThat(d.code()).isEqualTo("hcl-budget"));
          ParseResult<BakeDefinition> re =
              BakeEvaluator.evaluate(SourceFile.of("docker-bake.hcl", regex), Map.of());
          // RE2/J, like Go's regexp, answers in linear time: no match, as docker buildx says
          assertThat(re.diagnostics())
              .singleElement()
              .satisfies(d -> assertThat(d.message()).contains("did not match"));
        });
  }

  @Test
  void recursiveUserFunctionsStop() {
    String text =
        """
        function "f" {
          params = [x]
          result = f(x)
        }
        target "t" { tags = [f(1)] }
        """;
    ParseResult<BakeDefinition> r =
        BakeEvaluator.evaluate(SourceFile.of("docker-bake.hcl", text), Map.of());
    assertThat(r.diagnostics())
        .singleElement()
        .satisfies(d -> assertThat(d.code()).isEqualTo("hcl-too-deep"));
  }

  private static String mutate(String s, Random random, int edits) {
    StringBuilder sb = new StringBuilder(s);
    for (int e = 0; e < edits; e++) {
      int at = random.nextInt(sb.length() + 1);
      switch (random.nextInt(4)) {
        case 0 -> sb.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        case 1 -> {
          if (at < sb.length()) {
            sb.deleteCharAt(at);
          }
        }
        case 2 -> {
          int len = Math.min(sb.length() - at, random.nextInt(20));
          sb.insert(at, sb.substring(at, at + len));
        }
        default -> {
          if (at < sb.length()) {
            sb.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
          }
        }
      }
    }
    return sb.toString();
  }
}
