package dev.pipeperf.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.pipeperf.analysis.AnalysisResult;
import dev.pipeperf.testing.Corpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The SARIF report against the official OASIS SARIF 2.1.0 schema (draft-04), from the shared corpus
 * when it is present.
 */
class SarifSchemaTest {

  static final Path SCHEMA = Corpus.root().resolve("schemas/sarif-schema-2.1.0.json");

  static Schema schema() throws IOException {
    Assumptions.assumeTrue(
        Files.isRegularFile(SCHEMA),
        "skipped: the SARIF schema is not at " + SCHEMA.toAbsolutePath().normalize());
    String text = Files.readString(SCHEMA);
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
        .getSchema(text, InputFormat.JSON);
  }

  @Test
  void theSeed000SarifIsValidSarif210() throws IOException {
    Schema schema = schema();
    Assumptions.assumeTrue(Files.isDirectory(Path.of("samples/seed-000-monorepo")));
    AnalysisResult result = ReportGoldenTest.analyse("seed-000-monorepo");
    String sarif = ReportGoldenTest.render(result, SarifRenderer::render);
    assertThat(schema.validate(sarif, InputFormat.JSON)).isEmpty();
    JsonNode results = new ObjectMapper().readTree(sarif).get("runs").get(0).get("results");
    assertThat(results.findValuesAsText("ruleId")).contains("PP010");
  }

  @Test
  void theSeed004SarifIsValidSarif210() throws IOException {
    Schema schema = schema();
    AnalysisResult result = ReportGoldenTest.analyse("seed-004-monorepo");
    String sarif = ReportGoldenTest.render(result, SarifRenderer::render);
    List<Error> errors = schema.validate(sarif, InputFormat.JSON);
    assertThat(errors).isEmpty();
    JsonNode root = new ObjectMapper().readTree(sarif);
    JsonNode run = root.get("runs").get(0);
    assertThat(run.get("results").size()).isEqualTo(result.rankedFindings().size());
    JsonNode first = run.get("results").get(0);
    assertThat(
            first
                .get("locations")
                .get(0)
                .get("physicalLocation")
                .get("region")
                .get("startLine")
                .asInt())
        .isPositive();
    assertThat(first.get("partialFingerprints").fieldNames().hasNext()).isTrue();
    assertThat(run.get("invocations").get(0).get("executionSuccessful").asBoolean()).isTrue();
  }

  @Test
  void fixesWrittenAsTextEditsAreValidSarifFixes() throws IOException {
    Schema schema = schema();
    AnalysisResult result =
        dev.pipeperf.analysis.Analyzer.analyze(
            dev.pipeperf.analysis.Analyzer.Options.of(
                Path.of("src/test/resources/rules/PP014/bad")));
    String sarif = ReportGoldenTest.render(result, SarifRenderer::render);
    assertThat(schema.validate(sarif, InputFormat.JSON)).isEmpty();
    JsonNode fixes = new ObjectMapper().readTree(sarif).findValue("fixes");
    assertThat(fixes).as("PP014's fix is an edit").isNotNull();
    JsonNode replacement = fixes.get(0).get("artifactChanges").get(0).get("replacements").get(0);
    assertThat(replacement.get("insertedContent").get("text").asText()).startsWith("concurrency:");
  }

  @Test
  void anInvalidLogIsRejected() throws IOException {
    Schema schema = schema();
    List<Error> errors =
        schema.validate(
            "{\"version\": \"2.1.0\", \"runs\": [{\"results\": [{\"level\": \"fatal\"}]}]}",
            InputFormat.JSON);
    assertThat(errors).isNotEmpty();
  }

  @Test
  void severitiesMapToSarifLevels() {
    assertThat(SarifRenderer.level(dev.pipeperf.source.Severity.BLOCKER)).isEqualTo("error");
    assertThat(SarifRenderer.level(dev.pipeperf.source.Severity.HIGH)).isEqualTo("error");
    assertThat(SarifRenderer.level(dev.pipeperf.source.Severity.MEDIUM)).isEqualTo("warning");
    assertThat(SarifRenderer.level(dev.pipeperf.source.Severity.LOW)).isEqualTo("note");
    assertThat(SarifRenderer.level(dev.pipeperf.source.Severity.INFO)).isEqualTo("note");
  }
}
