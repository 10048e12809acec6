package dev.pipeperf.bake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipeperf.source.Diagnostic;
import dev.pipeperf.source.ParseResult;
import dev.pipeperf.source.SourceFile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each kind of mistake gives one clear diagnostic at the right file:line:col. */
class BakeErrorsTest {

  private static String only(String hcl) {
    ParseResult<BakeDefinition> r =
        BakeEvaluator.evaluate(SourceFile.of("docker-bake.hcl", hcl), Map.of());
    assertThat(r.hasModel()).isTrue();
    assertThat(r.diagnostics()).hasSize(1);
    Diagnostic d = r.diagnostics().get(0);
    return d.toString();
  }

  @Test
  void syntaxError() {
    assertThat(only("target \"app\" {\n  tags = [\"a\",\n}\n"))
        .isEqualTo("docker-bake.hcl:3:1: expected an expression, found '}' [hcl-syntax]");
  }

  @Test
  void unterminatedString() {
    assertThat(only("target \"app\" {\n  dockerfile = \"abc\n}\n"))
        .isEqualTo("docker-bake.hcl:2:20: unterminated string [hcl-syntax]");
  }

  @Test
  void undefinedVariable() {
    assertThat(only("target \"default\" {\n  dockerfile-inline = \"FROM ${BASE_IMAGE}\"\n}\n"))
        .isEqualTo(
            "docker-bake.hcl:2:31: there is no variable named \"BASE_IMAGE\" [hcl-undefined-variable]");
  }

  @Test
  void unknownFunction() {
    assertThat(only("target \"app\" {\n  tags = [nope(\"x\")]\n}\n"))
        .isEqualTo(
            "docker-bake.hcl:2:11: there is no function named \"nope\" [hcl-unknown-function]");
  }

  @Test
  void wrongArgumentCount() {
    assertThat(only("target \"app\" {\n  tags = [upper()]\n}\n"))
        .isEqualTo(
            "docker-bake.hcl:2:11: function \"upper\" takes 1 argument, got 0 [hcl-argument-count]");
  }

  @Test
  void inheritanceCycle() {
    assertThat(only("target \"a\" {\n  inherits = [\"a\"]\n}\n"))
        .isEqualTo("docker-bake.hcl:2:3: inheritance cycle: a -> a [bake-inherits-cycle]");
  }

  @Test
  void unknownInheritedTarget() {
    assertThat(only("target \"a\" {\n  inherits = [\"nope\"]\n}\n"))
        .isEqualTo(
            "docker-bake.hcl:2:3: target \"a\" inherits from \"nope\", which is not a target [bake-unknown-target]");
  }

  @Test
  void typeError() {
    assertThat(only("target \"a\" {\n  tags = \"x\" + 1\n}\n"))
        .isEqualTo("docker-bake.hcl:2:10: a number is required, and \"x\" is not one [hcl-type]");
    assertThat(only("target \"a\" {\n  tags = {a = 1}\n}\n"))
        .isEqualTo("docker-bake.hcl:2:3: target \"a\": tags must be a list of strings [hcl-type]");
  }

  @Test
  void variableCycle() {
    assertThat(only("variable \"A\" { default = B }\nvariable \"B\" { default = A }\n"))
        .startsWith("docker-bake.hcl:2:26: variable \"A\" depends on itself: A -> B -> A");
  }

  @Test
  void badJson() {
    ParseResult<BakeDefinition> r =
        BakeEvaluator.evaluate(
            SourceFile.of("docker-bake.json", "{\n  \"target\": {\n    \"a\": [}\n}"), Map.of());
    assertThat(r.diagnostics())
        .singleElement()
        .satisfies(d -> assertThat(d.location().toString()).isEqualTo("docker-bake.json:3:11"));
  }

  @Test
  void contextLinks() {
    assertThat(only("target \"a\" {\n  contexts = { x = \"target:a\" }\n}\n"))
        .isEqualTo("docker-bake.hcl:2:3: target a cannot link to itself [bake-context-link]");
    assertThat(only("target \"a\" {\n  contexts = { x = \"target:nope\" }\n}\n"))
        .isEqualTo(
            "docker-bake.hcl:2:3: target \"a\" uses target:nope, which is not a target [bake-unknown-target]");
    assertThat(
            only(
                "target \"mid\" {\n  platforms = [\"linux/amd64\", \"linux/riscv64\"]\n}\n"
                    + "target \"app\" {\n  contexts = { bar = \"target:mid\" }\n  platforms = [\"linux/amd64\", \"linux/arm64\"]\n}\n"))
        .contains("are not a subset of");
  }
}
