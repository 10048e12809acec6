package dev.pipeperf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphCommandTest {

  static final String SAMPLE = "samples/seed-004-monorepo";

  @Test
  void mermaidHasEveryJobAsAClusterAndMarksTheCriticalPath() {
    Cli r = Cli.run("graph", SAMPLE, "--workflow", "Test");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .startsWith("---\ntitle: Test (.github/workflows/test.yml)\n---\nflowchart LR");
    for (String job :
        List.of(
            "build-docker-image",
            "test-suite",
            "coverage-upload",
            "build-production-images",
            "all-checks",
            "tag-production-images",
            "cleanup-test-images")) {
      assertThat(r.out()).contains("[\"" + job + "\"]");
    }
    assertThat(r.out())
        .contains("classDef critical")
        .containsPattern("class n\\d+(,n\\d+)+ critical;")
        .contains("linkStyle");
  }

  @Test
  void withoutAWorkflowEachWorkflowIsItsOwnTitledDiagram() {
    Cli r = Cli.run("graph", SAMPLE);
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .startsWith("## Lint (.github/workflows/lint.yml)\n\n```mermaid\n---\ntitle: Lint")
        .contains("## Test (.github/workflows/test.yml)\n\n```mermaid\n---\ntitle: Test");
    assertThat(r.out().split("```mermaid", -1)).hasSize(3);
  }

  @Test
  void theJobLevelViewHasOneBoxPerJob() {
    Cli r = Cli.run("graph", SAMPLE, "--workflow", "Test", "--level", "jobs");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("flowchart TD")
        .contains("test-suite<br/>")
        .doesNotContain("subgraph");
    // Seven jobs, not the 63 step nodes of the step view.
    assertThat(r.out().lines().filter(l -> l.matches("  j\\d+\\[.*"))).hasSize(7);
  }

  @Test
  void dotIsAGraphvizDigraph() {
    Cli r = Cli.run("graph", SAMPLE, "--format", "dot");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .startsWith("digraph pipeline {")
        .contains("subgraph cluster_0")
        .contains("->")
        .endsWith("}\n");
  }

  @Test
  void jsonListsNodesEdgesAndTheCriticalPath() throws IOException {
    Cli r = Cli.run("graph", SAMPLE, "--format", "json", "--workflow", "test");
    JsonNode root = new ObjectMapper().readTree(r.out());
    List<String> critical = new ArrayList<>();
    root.get("nodes")
        .forEach(
            n -> {
              if (n.get("critical").asBoolean() && n.get("kind").asText().equals("job-setup")) {
                critical.add(n.get("job").asText());
              }
            });
    assertThat(critical)
        .containsExactly("build-docker-image", "test-suite", "all-checks", "tag-production-images");
    assertThat(root.get("edges").findValuesAsText("kind")).contains("needs", "step-order");
    assertThat(root.get("criticalPaths").get(0).get("length").get("high").asDouble())
        .isEqualTo(1260.0);
  }

  @Test
  void jsonCarriesTheBakeFileAsBakePrintPrintsIt() throws IOException {
    Cli r = Cli.run("graph", SAMPLE, "--format", "json");
    JsonNode bake = new ObjectMapper().readTree(r.out()).get("bake").get(".");
    assertThat(bake.get("group").get("default").get("targets").get(0).asText()).isEqualTo("test");
    JsonNode test = bake.get("target").get("test");
    assertThat(test.get("dockerfile").asText()).isEqualTo("Dockerfile");
    assertThat(test.get("tags").get(0).asText()).isEqualTo("ghcr.io/acme/webapp/web:dev");
    assertThat(test.get("cache-from").get(0).get("type").asText()).isEqualTo("gha");
  }

  @Test
  void bakeProblemsAreOneDiagnosticEachWithTheirPosition(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws IOException {
    java.nio.file.Files.writeString(
        tmp.resolve("docker-bake.hcl"),
        """
        target "a" {
          inherits = ["b"]
          tags = ["x:${UNDEFINED_VAR}"]
        }
        target "b" {
          inherits = ["a"]
          args = { V = nosuchfn(1) }
        }
        """);
    Cli r = Cli.run("analyze", tmp.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .containsPattern("docker-bake.hcl:\\d+:\\d+: .*(cycle|inherit)")
        .containsPattern("docker-bake.hcl:\\d+:\\d+: .*UNDEFINED_VAR")
        .containsPattern("docker-bake.hcl:\\d+:\\d+: .*nosuchfn");
    java.nio.file.Files.writeString(
        tmp.resolve("docker-bake.hcl"), "target \"a\" {\n  tags = [\n}\n");
    assertThat(Cli.run("analyze", tmp.toString()).out())
        .containsPattern("docker-bake.hcl:\\d+:\\d+: ");
  }
}
