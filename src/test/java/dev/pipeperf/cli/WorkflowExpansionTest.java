package dev.pipeperf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How workflows are expanded into the graph, seen from the CLI as a user sees it: local and {@code
 * $/} reusable-workflow calls, matrix callers, dynamic and literal {@code fromJSON} matrices, YAML
 * 1.2 booleans, local actions under a checkout path, and display names with nested matrix values.
 */
class WorkflowExpansionTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path repo;

  private void write(String path, String text) throws IOException {
    Path p = repo.resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  private static final String INNER =
      """
      on: workflow_call
      jobs:
        inner:
          runs-on: ubuntu-latest
          steps:
            - run: make test
      """;

  private JsonNode graph() throws IOException {
    Cli r = Cli.run("graph", repo.toString(), "--format", "json");
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
    return JSON.readTree(r.out());
  }

  private JsonNode analysis() throws IOException {
    Cli r = Cli.run("analyze", repo.toString(), "--format", "json");
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
    return JSON.readTree(r.out());
  }

  /** Edges between different jobs, as "fromJob>toJob" of their node ids' job part. */
  private static List<String> jobEdges(JsonNode graph) {
    List<String> out = new ArrayList<>();
    for (JsonNode e : graph.get("edges")) {
      String from = job(e.get("from").asText());
      String to = job(e.get("to").asText());
      if (!from.equals(to)) {
        out.add(from + ">" + to);
      }
    }
    return out;
  }

  private static String job(String nodeId) {
    String afterFile = nodeId.substring(nodeId.indexOf(':') + 1);
    int hash = afterFile.indexOf('#');
    return hash < 0 ? afterFile : afterFile.substring(0, hash);
  }

  private static List<String> nodeIds(JsonNode graph) {
    List<String> ids = new ArrayList<>();
    graph.get("nodes").forEach(n -> ids.add(n.get("id").asText()));
    return ids;
  }

  private static List<String> diagnostics(JsonNode analysis, String code) {
    List<String> out = new ArrayList<>();
    for (JsonNode d : analysis.get("diagnostics")) {
      if (d.get("code").asText().equals(code)) {
        out.add(d.get("severity").asText() + " " + d.get("message").asText());
      }
    }
    return out;
  }

  @Test
  void aLocalCallBetweenTwoJobsIsReportedInEveryFormatWithoutInventedEdges() throws IOException {
    write(
        ".github/workflows/ci.yml",
        """
        on: push
        jobs:
          a:
            runs-on: ubuntu-latest
            steps:
              - run: echo a
          c:
            needs: a
            uses: ./.github/workflows/x.yml
          b:
            needs: c
            runs-on: ubuntu-latest
            steps:
              - run: echo b
        """);
    write(".github/workflows/x.yml", INNER);
    for (String f : List.of("text", "json", "markdown", "sarif", "github", "html")) {
      Cli r = Cli.run("analyze", repo.toString(), "--format", f);
      assertThat(r.code()).as(f + ": " + r.err()).isEqualTo(ExitCodes.OK);
    }
    for (String f : List.of("markdown", "html", "sarif", "json", "text")) {
      assertThat(Cli.run("report", repo.toString(), "--format", f).code()).isZero();
    }
    assertThat(jobEdges(graph())).containsExactlyInAnyOrder("a>c/inner", "c/inner>b");
    JsonNode critical = analysis().get("workflows").get(0).get("criticalJobs");
    List<String> names = new ArrayList<>();
    critical.forEach(j -> names.add(j.get("name").asText()));
    assertThat(names).containsExactly("a", "c / inner", "b");
  }

  @Test
  void matrixCallersOfALocalWorkflowGetOneIdPerInstance() throws IOException {
    write(
        ".github/workflows/ci.yml",
        """
        on: push
        jobs:
          caller:
            strategy:
              matrix:
                platform: [linux, windows]
            uses: ./.github/workflows/x.yml
        """);
    write(".github/workflows/x.yml", INNER);
    List<String> ids = nodeIds(graph());
    assertThat(ids)
        .contains(
            ".github/workflows/ci.yml:caller[0]/inner", ".github/workflows/ci.yml:caller[1]/inner")
        .noneMatch(id -> id.contains("~"));
    JsonNode jobs = analysis().get("workflows").get(0);
    List<String> names = new ArrayList<>();
    jobs.get("criticalJobs").forEach(j -> names.add(j.get("name").asText()));
    jobs.get("otherJobs").forEach(j -> names.add(j.get("name").asText()));
    assertThat(names)
        .containsExactlyInAnyOrder("caller (linux) / inner", "caller (windows) / inner");
  }

  @Test
  void aSelfRepositoryReferenceIsExpandedLikeDotSlash() throws IOException {
    write(
        ".github/workflows/ci.yml",
        """
        on: push
        jobs:
          call:
            uses: $/.github/workflows/x.yml
        """);
    write(".github/workflows/x.yml", INNER);
    assertThat(nodeIds(graph())).contains(".github/workflows/ci.yml:call/inner");
    assertThat(diagnostics(analysis(), "opaque-workflow")).isEmpty();
  }

  @Test
  void aCallThatCannotBeExpandedSaysSo() throws IOException {
    write(
        ".github/workflows/ci.yml",
        """
        on: push
        jobs:
          missing:
            uses: ./.github/workflows/nowhere.yml
          remote:
            uses: octo/shared/.github/workflows/build.yml@v1
        """);
    JsonNode a = analysis();
    assertThat(diagnostics(a, "reusable-workflow"))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .contains("nowhere.yml")
        .contains("left out");
    assertThat(diagnostics(a, "opaque-workflow"))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .startsWith("info ")
        .contains("octo/shared/.github/workflows/build.yml@v1")
        .contains("(default)");
  }

  private static final String DYNAMIC =
      """
      on: push
      jobs:
        prepare:
          runs-on: ubuntu-latest
          outputs:
            matrix: ${{ steps.m.outputs.matrix }}
          steps:
            - id: m
              run: echo "matrix=[]" >> "$GITHUB_OUTPUT"
        validate:
          needs: prepare
          runs-on: ubuntu-latest
          strategy:
            matrix:
              include: ${{ fromJson(needs.prepare.outputs.matrix) }}
          steps:
            - run: make validate
        release:
          needs: validate
          runs-on: ubuntu-latest
          steps:
            - run: make release
      """;

  @Test
  void aDynamicMatrixKeepsOneJobAndItsNeedsAndSaysWhatWasAssumed() throws IOException {
    write(".github/workflows/ci.yml", DYNAMIC);
    assertThat(jobEdges(graph())).contains("prepare>validate", "validate>release");
    assertThat(diagnostics(analysis(), "dynamic-matrix"))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .startsWith("info ")
        .contains("size is unknown")
        .contains("assumed 1 job")
        .contains(".pipeperf.yml matrices:");
  }

  @Test
  void theConfigGivesADynamicMatrixItsSize() throws IOException {
    write(".github/workflows/ci.yml", DYNAMIC);
    write(".pipeperf.yml", "matrices:\n  validate: 3\n");
    List<String> ids = nodeIds(graph());
    assertThat(ids)
        .contains(
            ".github/workflows/ci.yml:validate[0]",
            ".github/workflows/ci.yml:validate[1]",
            ".github/workflows/ci.yml:validate[2]")
        .doesNotContain(".github/workflows/ci.yml:validate[3]");
    assertThat(diagnostics(analysis(), "dynamic-matrix")).isEmpty();
    write(".pipeperf.yml", "matrices:\n  validate: 0\n");
    Cli bad = Cli.run("analyze", repo.toString());
    assertThat(bad.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(bad.err()).contains("matrices.validate must be a whole number from 1 to 256");
  }

  @Test
  void aLiteralFromJsonMatrixIsFoldedToItsRealSize() throws IOException {
    // act's pkg/runner/testdata/evalmatrix: a multi-line literal; and an include list literal.
    write(
        ".github/workflows/ci.yml",
        """
        on: push
        jobs:
          evalm:
            strategy:
              matrix: |-
                ${{fromJson('
                  {
                    "A": [ "A", "B" ]
                  }
                ')}}
            runs-on: ubuntu-latest
            steps:
              - run: echo ${{ matrix.A }}
          inc:
            strategy:
              matrix:
                include: ${{ fromJSON('[{"os":"a"},{"os":"b"},{"os":"c"}]') }}
            runs-on: ubuntu-latest
            steps:
              - run: echo ${{ matrix.os }}
        """);
    List<String> ids = nodeIds(graph());
    assertThat(ids)
        .contains(".github/workflows/ci.yml:evalm[1]", ".github/workflows/ci.yml:inc[2]")
        .doesNotContain(".github/workflows/ci.yml:evalm[2]", ".github/workflows/ci.yml:inc[3]");
    assertThat(diagnostics(analysis(), "dynamic-matrix")).isEmpty();
  }

  @Test
  void yamlBooleansInAnyCaseGitHubAcceptsAreAccepted() throws IOException {
    write(
        ".github/workflows/ci.yml",
        """
        on: push
        jobs:
          t:
            runs-on: ubuntu-latest
            strategy:
              fail-fast: False
              matrix:
                v: [1, 2]
            steps:
              - run: make
                continue-on-error: True
        """);
    JsonNode a = analysis();
    assertThat(a.get("diagnostics")).isEmpty();
  }

  @Test
  void aLocalActionUnderACheckoutPathIsFound() throws IOException {
    write(
        ".github/workflows/ci.yml",
        """
        on: push
        jobs:
          t:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4
                with:
                  path: src
              - uses: ./src/.github/actions/setup
        """);
    write(
        ".github/actions/setup/action.yml",
        """
        name: setup
        runs:
          using: composite
          steps:
            - run: make setup
              shell: bash
        """);
    JsonNode a = analysis();
    assertThat(diagnostics(a, "missing-local-action")).isEmpty();
    List<String> labels = new ArrayList<>();
    graph().get("nodes").forEach(n -> labels.add(n.get("label").asText()));
    assertThat(labels).contains("Run make setup");
  }

  @Test
  void nestedMatrixPropertiesArePutIntoDisplayNames() throws IOException {
    write(
        ".github/workflows/ci.yml",
        """
        on: push
        jobs:
          build:
            name: build ${{ matrix.platform.arch }}
            runs-on: ubuntu-latest
            strategy:
              matrix:
                platform:
                  - {os: linux, arch: amd64}
                  - {os: linux, arch: arm64}
            steps:
              - run: make
        """);
    JsonNode w = analysis().get("workflows").get(0);
    List<String> names = new ArrayList<>();
    w.get("criticalJobs").forEach(j -> names.add(j.get("name").asText()));
    w.get("otherJobs").forEach(j -> names.add(j.get("name").asText()));
    assertThat(names).containsExactlyInAnyOrder("build amd64", "build arm64");
  }
}
