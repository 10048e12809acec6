package dev.pipeperf.bake.hcl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipeperf.source.ParseResult;
import dev.pipeperf.source.SourceFile;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonSyntaxTest {

  @Test
  void blocksByLabelAttributesAndTemplatesInStrings() {
    ParseResult<Body> r =
        JsonSyntax.parse(
            SourceFile.of(
                "docker-bake.json",
                """
                {
                  "TAG": "v1",
                  "variable": { "REPO": { "default": "acme" } },
                  "target": {
                    "app": {
                      "tags": ["${REPO}/app:${TAG}"],
                      "args": { "N": 1, "B": true, "X": null }
                    }
                  }
                }
                """));
    assertThat(r.diagnostics()).isEmpty();
    Body b = r.model();
    assertThat(b.attributes()).extracting(Body.Attribute::name).containsExactly("TAG");
    assertThat(b.blocks()).extracting(Body.Block::type).containsExactly("variable", "target");
    Body.Block app = b.blocks().get(1);
    assertThat(app.labels()).containsExactly("app");
    assertThat(app.location().toString()).isEqualTo("docker-bake.json:5:12");
    Expression tags = app.body().attribute("tags").orElseThrow().expression();
    Value v =
        new Evaluator()
            .evaluate(
                tags,
                EvalContext.of(
                    Map.of("REPO", Value.str("acme"), "TAG", Value.str("v1")), Stdlib.functions()));
    assertThat(Json.encode(v)).isEqualTo("[\"acme/app:v1\"]");
  }

  @Test
  void invalidJsonIsOneDiagnosticWithItsPosition() {
    ParseResult<Body> r =
        JsonSyntax.parse(SourceFile.of("docker-bake.json", "{\n  \"target\": [1,\n}"));
    assertThat(r.diagnostics())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.code()).isEqualTo("hcl-syntax");
              assertThat(d.location().line()).isEqualTo(3);
            });
    assertThat(JsonSyntax.parse(SourceFile.of("x.json", "[1]")).diagnostics()).hasSize(1);
    assertThat(JsonSyntax.parse(SourceFile.of("x.json", "")).diagnostics()).hasSize(1);
    assertThat(JsonSyntax.parse(SourceFile.of("x.json", "[".repeat(10_000))).diagnostics())
        .hasSize(1);
  }

  @Test
  void numbersFormatAsCtyDoes() {
    assertThat(Value.formatNumber(new java.math.BigDecimal("1.50"))).isEqualTo("1.5");
    assertThat(Value.formatNumber(new java.math.BigDecimal("1e3"))).isEqualTo("1000");
    assertThat(Value.formatNumber(new java.math.BigDecimal("0.000"))).isEqualTo("0");
    assertThat(Json.encode(Value.num(new java.math.BigDecimal("2.0")))).isEqualTo("2");
  }
}
