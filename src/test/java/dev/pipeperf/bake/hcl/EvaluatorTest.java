package dev.pipeperf.bake.hcl;

import static dev.pipeperf.bake.hcl.HclTesting.error;
import static dev.pipeperf.bake.hcl.HclTesting.eval;
import static dev.pipeperf.bake.hcl.HclTesting.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluatorTest {

  @Test
  void templatesInterpolateAndConvertPrimitives() {
    assertThat(json("\"a-${1 + 1}-${true}-${\"x\"}\"")).isEqualTo("\"a-2-true-x\"");
    assertThat(json("\"${[1, 2]}\"")).isEqualTo("[1,2]");
    assertThat(json("\"${1.50}\"")).isEqualTo("1.5");
    assertThat(json("\"v${1.50}\"")).isEqualTo("\"v1.5\"");
    assertThat(json("\"tab\\t\\\"q\\\" \\u00e9\"")).isEqualTo("\"tab\\t\\\"q\\\" é\"");
  }

  @Test
  void ifAndForDirectivesWithStripMarkers() {
    assertThat(json("\"%{if true}yes%{else}no%{endif}\"")).isEqualTo("\"yes\"");
    assertThat(json("\"%{if 1 > 2}yes%{else}no%{endif}\"")).isEqualTo("\"no\"");
    assertThat(json("\"%{for x in [1, 2, 3]}${x},%{endfor}\"")).isEqualTo("\"1,2,3,\"");
    assertThat(json("\"%{for k, v in {a = 1, b = 2}}${k}=${v};%{endfor}\""))
        .isEqualTo("\"a=1;b=2;\"");
    assertThat(json("\"a   ${~ \"b\" ~}   c\"")).isEqualTo("\"abc\"");
    assertThat(json("\"x %{~ if true ~} y %{~ endif ~} z\"")).isEqualTo("\"xyz\"");
  }

  @Test
  void stripMarkersFollowTheHclSpecSuite() {
    assertThat(eval("\"${~true~}\"")).isEqualTo(Value.TRUE);
    assertThat(json("\" ${~true~}\"")).isEqualTo("\"true\"");
    assertThat(json("\"x${~true~}y\"")).isEqualTo("\"xtruey\"");
    assertThat(json("\"%{~ if true }${true}%{ endif ~}\"")).isEqualTo("\"true\"");
    assertThat(json("\"%{ if true }$${true}%{ endif }\"")).isEqualTo("\"${true}\"");
    assertThat(json("\"%{ if true }%%{ if false }%{ endif }\"")).isEqualTo("\"%{ if false }\"");
    assertThat(eval("<<EOT\n${true}\nEOT\n")).isEqualTo(Value.str("true\n"));
    assertThat(eval("<<EOT\n${~true~}\nEOT\n")).isEqualTo(Value.str("true"));
  }

  @Test
  void heredocsKeepOrTrimIndentation() {
    Value plain = HclTesting.eval("<<EOT\n  a\n    b\n  EOT\n");
    assertThat(plain).isEqualTo(Value.str("  a\n    b\n"));
    Value flush = HclTesting.eval("<<-EOT\n    a ${1}\n      b\n    EOT\n");
    assertThat(flush).isEqualTo(Value.str("a 1\n  b\n"));
  }

  @Test
  void flushHeredocsFollowTheHclSpecSuite() {
    Map<String, Value> vars = Map.of("bar", Value.str("Bar"), "space_bar", Value.str("  Bar"));
    assertThat(eval("<<-EOT\n    Foo\n      ${bar}\n    Baz\n  EOT\n", vars))
        .isEqualTo(Value.str("Foo\n  Bar\nBaz\n"));
    assertThat(eval("<<-EOT\n    Foo\n  ${space_bar}\n    Baz\n  EOT\n", vars))
        .isEqualTo(Value.str("  Foo\n  Bar\n  Baz\n"));
    assertThat(eval("<<-EOT\n    Foo\n  Bar\n    Baz\n  EOT\n", vars))
        .isEqualTo(Value.str("  Foo\nBar\n  Baz\n"));
    assertThat(eval("<<-EOT\n\tFoo\n  Bar\n  Baz\n  EOT\n", vars))
        .isEqualTo(Value.str("Foo\n Bar\n Baz\n"));
    assertThat(eval("<<-EOT\n    Foo\n\n    Bar\n  EOT\n", vars))
        .isEqualTo(Value.str("Foo\n\nBar\n"));
    assertThat(eval("<<EOT\n    NOT EOT\n  EOT\n", vars)).isEqualTo(Value.str("    NOT EOT\n"));
  }

  @Test
  void forExpressionsBuildTuplesAndObjects() {
    assertThat(json("[for x in [1, 2, 3] : x * 2 if x != 2]")).isEqualTo("[2,6]");
    assertThat(json("[for i, x in [\"a\", \"b\"] : \"${i}${x}\"]")).isEqualTo("[\"0a\",\"1b\"]");
    assertThat(json("{for x in [\"a\", \"b\"] : x => upper(x)}"))
        .isEqualTo("{\"a\":\"A\",\"b\":\"B\"}");
    assertThat(json("{for x in [\"a\", \"ab\", \"b\"] : substr(x, 0, 1) => x...}"))
        .isEqualTo("{\"a\":[\"a\",\"ab\"],\"b\":[\"b\"]}");
    assertThat(error("{for x in [\"a\", \"a\"] : x => x}").code()).isEqualTo("hcl-duplicate-key");
  }

  @Test
  void splatsApplyToEachElement() {
    Map<String, Value> vars = Map.of("l", eval("[{a = {b = 1}}, {a = {b = 2}}]"));
    assertThat(Json.encode(eval("l.*.a.b", vars))).isEqualTo("[1,2]");
    assertThat(Json.encode(eval("l[*].a[\"b\"]", vars))).isEqualTo("[1,2]");
    assertThat(json("null[*]")).isEqualTo("[]");
    assertThat(json("{a = 1}[*].a")).isEqualTo("[1]");
    assertThat(json("[[1, 2], [3]][1][0]")).isEqualTo("3");
    assertThat(json("[10, 20].1")).isEqualTo("20");
  }

  @Test
  void conditionalsAndEqualityFollowCty() {
    assertThat(json("1 == \"1\"")).isEqualTo("false");
    assertThat(json("[1, 2] == [1, 2]")).isEqualTo("true");
    assertThat(json("\"3\" + 4")).isEqualTo("7");
    assertThat(json("\"true\" && true")).isEqualTo("true");
    assertThat(json("null == null")).isEqualTo("true");
    assertThat(error("\"x\" ? 1 : 2").code()).isEqualTo("hcl-type");
    assertThat(error("1 / 0").code()).isEqualTo("hcl-arithmetic");
  }

  @Test
  void functionsCheckTheirArgumentsAndExpand() {
    assertThat(json("max([3, 9, 7]...)")).isEqualTo("9");
    assertThat(json("join(\"-\", [\"a\", \"b\"])")).isEqualTo("\"a-b\"");
    assertThat(json("try(nope, \"fallback\")")).isEqualTo("\"fallback\"");
    assertThat(json("can(nope)")).isEqualTo("false");
    assertThat(json("convert(\"42\", number)")).isEqualTo("42");
    EvalError count = error("upper(\"a\", \"b\")");
    assertThat(count.code()).isEqualTo("hcl-argument-count");
    assertThat(count.getMessage()).isEqualTo("function \"upper\" takes 1 argument, got 2");
    EvalError unknown = error("\n nope(1)");
    assertThat(unknown.code()).isEqualTo("hcl-unknown-function");
    assertThat(unknown.location().toString()).isEqualTo("test.hcl:2:2");
    assertThat(error("x").code()).isEqualTo("hcl-undefined-variable");
  }

  @Test
  void stdlibSamples() {
    assertThat(json("format(\"%s-%03d-%v\", \"a\", 7, true)")).isEqualTo("\"a-007-true\"");
    assertThat(json("formatdate(\"YYYY-MM-DD'T'hh:mm:ssZ\", \"2015-10-21T13:14:15Z\")"))
        .isEqualTo("\"2015-10-21T13:14:15Z\"");
    assertThat(json("timeadd(\"2025-09-24T12:00:00Z\", \"1h30m\")"))
        .isEqualTo("\"2025-09-24T13:30:00Z\"");
    assertThat(json("regex(\"(?P<maj>\\\\d+)\\\\.(?P<min>\\\\d+)\", \"v1.22\")"))
        .isEqualTo("{\"maj\":\"1\",\"min\":\"22\"}");
    assertThat(json("regex_replace(\"abc123xyz\", \"[0-9]+\", \"NUM\")"))
        .isEqualTo("\"abcNUMxyz\"");
    assertThat(json("split(\",\", \"a,,b\")")).isEqualTo("[\"a\",\"\",\"b\"]");
    assertThat(json("jsondecode(jsonencode({a = [1, \"x\", null]}))"))
        .isEqualTo("{\"a\":[1,\"x\",null]}");
    assertThat(json("uuidv5(\"dns\", \"example.com\")"))
        .isEqualTo("\"cfbff0d1-9375-5685-968c-48ce8b15ae17\"");
    assertThat(json("cidrsubnet(\"10.0.0.0/16\", 4, 2)")).isEqualTo("\"10.0.32.0/20\"");
    assertThat(json("sanitize(\"a/b:c-d_e\")")).isEqualTo("\"a_b_c-d_e\"");
    assertThat(json("semvercmp(\"1.2.3\", \">= 1.2.0, < 2.0.0\")")).isEqualTo("true");
  }

  @Test
  void typeConstraintsConvertAsCtyDoes() {
    TypeConstraint t = TypeConstraint.parse(HclTesting.parse("list(number)"));
    assertThat(Json.encode(t.convert(eval("[\"1\", 2]")))).isEqualTo("[1,2]");
    TypeConstraint o =
        TypeConstraint.parse(HclTesting.parse("object({a = string, b = optional(bool)})"));
    assertThat(Json.encode(o.convert(eval("{a = 1, c = 2}"))))
        .isEqualTo("{\"a\":\"1\",\"b\":null}");
    TypeConstraint s = TypeConstraint.parse(HclTesting.parse("set(string)"));
    assertThat(Json.encode(s.convert(eval("[\"a\", \"a\", \"b\"]")))).isEqualTo("[\"a\",\"b\"]");
    assertThat(Json.encode(TypeConstraint.BOOL.convert(Value.str("true")))).isEqualTo("true");
  }

  @Test
  void budgetAndDepthStopHostileEvaluation() {
    Evaluator small = new Evaluator(10_000);
    Expression e = HclTesting.parse("[for a in range(1000) : [for b in range(1000) : a * b]]");
    try {
      small.evaluate(e, EvalContext.of(Map.of(), Stdlib.functions()));
      throw new AssertionError("expected the budget to run out");
    } catch (EvalError err) {
      assertThat(err.code()).isEqualTo("hcl-budget");
    }
    HclFunction recursive =
        HclFunction.fixed(
            "f",
            1,
            (args, ev) ->
                ev.evaluate(
                    HclTesting.parse("f(1)"), EvalContext.of(Map.of(), Map.of("f", selfRef[0]))));
    selfRef[0] = recursive;
    try {
      new Evaluator()
          .evaluate(HclTesting.parse("f(1)"), EvalContext.of(Map.of(), Map.of("f", recursive)));
      throw new AssertionError("expected the depth limit");
    } catch (EvalError err) {
      assertThat(err.code()).isEqualTo("hcl-too-deep");
    }
    assertThat(List.of()).isEmpty();
  }

  private static final HclFunction[] selfRef = new HclFunction[1];
}
