package dev.pipeperf.bake.hcl;

import static dev.pipeperf.bake.hcl.HclTesting.json;
import static dev.pipeperf.bake.hcl.HclTesting.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pipeperf.source.ParseResult;
import dev.pipeperf.source.SourceFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParserTest {

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '@',
      value = {
        "1 + 2 * 3 @ 7",
        "(1 + 2) * 3 @ 9",
        "10 - 4 - 3 @ 3",
        "12 / 4 / 3 @ 1",
        "7 % 4 * 2 @ 6",
        "-2 * 3 @ -6",
        "--2 @ 2",
        "1 + 2 > 2 @ true",
        "1 < 2 == 2 > 1 @ true",
        "true || false && false @ true",
        "!true || true @ true",
        "!(true || true) @ false",
        "1 == 1 && 2 != 3 @ true",
        "false ? 1 : true ? 2 : 3 @ 2",
        "1 + 1 == 2 ? \"y\" : \"n\" @ \"y\"",
        "2 * 3 >= 6 && 1 <= 0 || 5 > 4 @ true",
      })
  void operatorsFollowHclPrecedence(String expr, String expected) {
    assertThat(json(expr)).isEqualTo(expected);
  }

  @Test
  void buildsTheExpectedTree() {
    Expression e = parse("a.b[0].*.c");
    assertThat(e).isInstanceOf(Expression.Splat.class);
    Expression.Splat s = (Expression.Splat) e;
    assertThat(s.source()).isInstanceOf(Expression.Index.class);
    assertThat(s.each()).isInstanceOf(Expression.GetAttr.class);
    assertThat(parse("f(x...)"))
        .isInstanceOfSatisfying(Expression.Call.class, c -> assertThat(c.expandFinal()).isTrue());
    assertThat(parse("\"${x}\"")).isInstanceOf(Expression.TemplateWrap.class);
    assertThat(parse("\"a${x}\"")).isInstanceOf(Expression.Template.class);
    assertThat(parse("[for x in y : x if x]")).isInstanceOf(Expression.For.class);
  }

  @Test
  void nodesCarryTheirLocation() {
    Expression e = parse("\n  foo(1,\n    bar)");
    assertThat(e.location().toString()).isEqualTo("test.hcl:2:3");
    Expression.Call c = (Expression.Call) e;
    assertThat(c.args().get(1).location().toString()).isEqualTo("test.hcl:3:5");
  }

  @Test
  void parsesBodiesWithBlocksLabelsAndAttributes() {
    ParseResult<Body> r =
        Parser.parse(
            SourceFile.of(
                "f.hcl",
                """
                # comment
                x = 1 // trailing
                target "app" {
                  args = {
                    A = "1"
                    "B.c" = 2, D = 3
                  }
                  tags = [
                    "a",
                    "b",
                  ]
                }
                block a "b" {}
                """));
    assertThat(r.diagnostics()).isEmpty();
    Body b = r.model();
    assertThat(b.attributes()).extracting(Body.Attribute::name).containsExactly("x");
    assertThat(b.blocks()).hasSize(2);
    assertThat(b.blocks().get(0).labels()).containsExactly("app");
    assertThat(b.blocks().get(0).location().toString()).isEqualTo("f.hcl:3:1");
    assertThat(b.blocks().get(1).labels()).containsExactly("a", "b");
    assertThat(b.blocks().get(0).body().attribute("args").orElseThrow().location().toString())
        .isEqualTo("f.hcl:4:3");
  }

  @Test
  void syntaxErrorIsOneDiagnosticWithItsPosition() {
    ParseResult<Body> r =
        Parser.parse(SourceFile.of("f.hcl", "target \"a\" {\n  tags = [\"x\" \"y\"]\n}\n"));
    assertThat(r.diagnostics()).hasSize(1);
    assertThat(r.diagnostics().get(0).toString())
        .isEqualTo("f.hcl:2:15: expected ',' or ']' in the list, found a string [hcl-syntax]");
  }

  @Test
  void singleLineBlocksHoldOneAttribute() {
    assertThat(Parser.parse(SourceFile.of("f.hcl", "a { b = \"foo\" }\na {}\n")).diagnostics())
        .isEmpty();
    for (String bad :
        new String[] {
          "a { b = \"foo\", c = \"bar\" }\n",
          "a { b = \"foo\"\n}\n",
          "a { b = \"foo\"\n  c = \"bar\" }\n",
          "a { d {} }\n",
          "a {} b {}\n",
          "a = \"a value\", b = \"b value\"\n"
        }) {
      assertThat(Parser.parse(SourceFile.of("f.hcl", bad)).diagnostics()).as(bad).hasSize(1);
    }
  }

  @Test
  void deepNestingIsRefusedNotOverflowed() {
    String deep = "x = " + "(".repeat(100_000) + "1" + ")".repeat(100_000);
    ParseResult<Body> r = Parser.parse(SourceFile.of("f.hcl", deep));
    assertThat(r.diagnostics())
        .singleElement()
        .satisfies(d -> assertThat(d.message()).contains("nested more than"));
    String deepList = "x = " + "[".repeat(50_000);
    assertThat(Parser.parse(SourceFile.of("f.hcl", deepList)).diagnostics()).hasSize(1);
    String deepTemplate = "x = " + "\"${".repeat(10_000);
    assertThat(Parser.parse(SourceFile.of("f.hcl", deepTemplate)).diagnostics()).hasSize(1);
  }
}
