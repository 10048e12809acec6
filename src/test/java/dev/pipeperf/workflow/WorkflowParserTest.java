package dev.pipeperf.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipeperf.source.Diagnostic;
import dev.pipeperf.source.ParseResult;
import dev.pipeperf.source.SourceFile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkflowParserTest {

  static ParseResult<Workflow> parse(String yaml) {
    return WorkflowParser.parse(SourceFile.of(".github/workflows/ci.yml", yaml));
  }

  static List<String> diagnostics(String yaml) {
    return parse(yaml).diagnostics().stream().map(Diagnostic::toString).toList();
  }

  @Test
  void readsJobsNeedsAndPositions() {
    Workflow w =
        parse(
                """
                name: CI
                on: [push, pull_request]
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/checkout@v4
                      - run: make
                  test:
                    needs: build
                    runs-on: [self-hosted, linux]
                    timeout-minutes: 30
                    steps:
                      - id: t
                        run: make test
                """)
            .model();
    assertThat(w.name()).isEqualTo("CI");
    assertThat(w.triggers()).extracting(Trigger::event).containsExactly("push", "pull_request");
    assertThat(w.jobs()).extracting(Job::id).containsExactly("build", "test");
    Job test = w.job("test").orElseThrow();
    assertThat(test.needIds()).containsExactly("build");
    assertThat(test.needs().get(0).location()).hasToString(".github/workflows/ci.yml:10:12");
    assertThat(test.location()).hasToString(".github/workflows/ci.yml:9:3");
    assertThat(test.runsOn().labels()).containsExactly("self-hosted", "linux");
    assertThat(test.timeoutMinutes()).isEqualTo(30);
    assertThat(test.steps().get(0).location()).hasToString(".github/workflows/ci.yml:14:9");
    assertThat(w.job("build").orElseThrow().steps().get(0).action()).isEqualTo("actions/checkout");
  }

  @Test
  void expandsTheMatrixAsGitHubDocumentsIt() {
    // The example of GitHub's "Expanding or adding matrix configurations" documentation.
    Workflow w =
        parse(
                """
                on: push
                jobs:
                  example_matrix:
                    runs-on: ubuntu-latest
                    strategy:
                      matrix:
                        fruit: [apple, pear]
                        animal: [cat, dog]
                        include:
                          - color: green
                          - color: pink
                            animal: cat
                          - fruit: apple
                            shape: circle
                          - fruit: banana
                          - fruit: banana
                            animal: cat
                    steps:
                      - run: echo
                """)
            .model();
    List<Map<String, Object>> values =
        w.jobs().get(0).strategy().matrix().instances().stream()
            .map(MatrixInstance::values)
            .toList();
    assertThat(values)
        .containsExactly(
            Map.of("fruit", "apple", "animal", "cat", "color", "pink", "shape", "circle"),
            Map.of("fruit", "apple", "animal", "dog", "color", "green", "shape", "circle"),
            Map.of("fruit", "pear", "animal", "cat", "color", "pink"),
            Map.of("fruit", "pear", "animal", "dog", "color", "green"),
            Map.of("fruit", "banana"),
            Map.of("fruit", "banana", "animal", "cat"));
  }

  @Test
  void excludeRemovesPartialMatches() {
    Workflow w =
        parse(
                """
                on: push
                jobs:
                  t:
                    runs-on: ${{ matrix.os }}
                    strategy:
                      max-parallel: 2
                      fail-fast: false
                      matrix:
                        os: [ubuntu-latest, windows-latest]
                        python: ["3.11", "3.12", "3.13"]
                        exclude:
                          - os: windows-latest
                            python: "3.11"
                    steps:
                      - run: pytest
                """)
            .model();
    Strategy s = w.jobs().get(0).strategy();
    assertThat(s.matrix().instances()).hasSize(5);
    assertThat(s.maxParallel()).isEqualTo(2);
    assertThat(s.failFast()).isFalse();
    assertThat(s.matrix().instances().get(0).displaySuffix()).isEqualTo("(ubuntu-latest, 3.11)");
    assertThat(w.jobs().get(0).runsOn().forInstance(s.matrix().instances().get(4)).labels())
        .containsExactly("windows-latest");
  }

  @Test
  void aDynamicMatrixIsKeptAsOneInstanceOfUnknownSize() {
    Workflow w =
        parse(
                """
                on: push
                jobs:
                  t:
                    runs-on: ubuntu-latest
                    strategy:
                      matrix: ${{ fromJSON(needs.setup.outputs.matrix) }}
                    steps: [{run: x}]
                """)
            .model();
    assertThat(w.jobs().get(0).strategy().matrix().dynamic()).isTrue();
    assertThat(w.jobs().get(0).strategy().matrix().instances()).hasSize(1);
  }

  @Test
  void readsParallelStepKeywords() {
    Workflow w =
        parse(
                """
                on: push
                jobs:
                  t:
                    runs-on: ubuntu-latest
                    steps:
                      - id: db
                        run: docker run postgres
                        background: true
                      - parallel:
                          - run: npm ci
                          - run: pip install -r requirements.txt
                      - wait: db
                      - run: pytest
                      - cancel: db
                      - wait-all:
                """)
            .model();
    List<Step> steps = w.jobs().get(0).steps();
    assertThat(steps.get(0).background()).isTrue();
    assertThat(steps.get(1).parallel()).hasSize(2);
    assertThat(steps.get(2).waitFor()).containsExactly("db");
    assertThat(steps.get(4).cancel()).isEqualTo("db");
    assertThat(steps.get(5).waitAll()).isTrue();
    assertThat(w.jobs().get(0).allSteps()).hasSize(7);
  }

  @Test
  void referencesInExpressionsAreFound() {
    assertThat(
            Expressions.referencesInTemplate(
                    "${{ needs.build.outputs.tag }}-${{ matrix.os }} ${{ format('{0}', steps['x'].outputs.y) }}")
                .stream()
                .map(Expressions.Reference::toString))
        .containsExactly("needs.build.outputs.tag", "matrix.os", "steps.x.outputs.y");
    assertThat(Expressions.referencesInCondition("always() && needs.test.result == 'success'"))
        .extracting(Expressions.Reference::toString)
        .containsExactly("needs.test.result");
    assertThat(Expressions.referencesInTemplate("${{ 'needs.not.a.ref' }}")).isEmpty();
  }

  @Test
  void malformedYamlIsOneDiagnosticWithItsPosition() {
    assertThat(diagnostics("on: push\njobs:\n  a: [\n"))
        .singleElement()
        .asString()
        .startsWith(".github/workflows/ci.yml:4:1: ")
        .endsWith("[yaml-syntax]");
  }

  @Test
  void duplicateKeysAreRejectedAsGitHubDoes() {
    assertThat(
            diagnostics(
                """
                on: push
                jobs:
                  a:
                    runs-on: ubuntu-latest
                    steps: [{run: x}]
                  a:
                    runs-on: ubuntu-latest
                    steps: [{run: y}]
                """))
        .containsExactly(
            ".github/workflows/ci.yml:6:3: key \"a\" is duplicated; it is first defined at line 3 [duplicate-key]");
  }

  @Test
  void anAliasBombIsRefused() {
    StringBuilder y = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
    for (char c = 'b'; c <= 'k'; c++) {
      char p = (char) (c - 1);
      y.append(c)
          .append(": &")
          .append(c)
          .append(" [")
          .append(String.join(", ", java.util.Collections.nCopies(9, "*" + p)))
          .append("]\n");
    }
    y.append(
        "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    strategy:\n      matrix:\n        v: *k\n    steps: [{run: x}]\n");
    List<String> d = diagnostics(y.toString());
    assertThat(d)
        .singleElement()
        .asString()
        .contains("too many YAML aliases")
        .contains("[yaml-syntax]");
  }

  @Test
  void unknownNeedsAndCyclesAreDiagnostics() {
    assertThat(
            diagnostics(
                """
                on: push
                jobs:
                  a:
                    needs: c
                    runs-on: ubuntu-latest
                    steps: [{run: x}]
                  b:
                    needs: [a, biuld]
                    runs-on: ubuntu-latest
                    steps: [{run: x}]
                  c:
                    needs: b
                    runs-on: ubuntu-latest
                    steps: [{run: x}]
                  build:
                    runs-on: ubuntu-latest
                    steps: [{run: x}]
                """))
        .containsExactly(
            ".github/workflows/ci.yml:8:16: job \"b\" needs \"biuld\", which is not a job of this workflow (did you mean \"build\"?) [unknown-needs]",
            ".github/workflows/ci.yml:4:12: needs form a cycle: a -> c -> b -> a [needs-cycle]");
  }

  @Test
  void aJobWithNoStepsAndNonWorkflowYamlAreDiagnostics() {
    assertThat(diagnostics("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n"))
        .containsExactly(".github/workflows/ci.yml:4:5: job \"a\" has no steps [no-steps]");
    assertThat(diagnostics("- just\n- a list\n"))
        .containsExactly(
            ".github/workflows/ci.yml:1:1: a workflow must be a mapping with on: and jobs:, not a list [not-a-workflow]");
    assertThat(diagnostics("name: x\nruns:\n  using: composite\n"))
        .containsExactly(
            ".github/workflows/ci.yml:1:1: not a workflow: no on: and jobs: at the top level [not-a-workflow]");
  }

  @Test
  void deepNestingAndHugeInputDoNotCrash() {
    String deep = "on: push\njobs: " + "[".repeat(5000) + "]".repeat(5000) + "\n";
    assertThat(diagnostics(deep)).singleElement().asString().contains("nested more than");
  }

  @Test
  void findingsOfTheCrossCheckAgainstGitHubsParser() {
    // Job ids ignore case on GitHub: a second "BUILD" is a duplicate, and needs: Build finds build.
    assertThat(
            diagnostics(
                "on: push\njobs:\n  build: {runs-on: x, steps: [{run: a}]}\n  BUILD: {runs-on: x, steps: [{run: a}]}\n"))
        .containsExactly(
            ".github/workflows/ci.yml:4:3: job id \"BUILD\" is already defined as \"build\" (job ids ignore case) [duplicate-key]");
    Workflow w =
        parse(
                "on: push\njobs:\n  build: {runs-on: x, steps: [{run: a}]}\n  t: {needs: Build, runs-on: x, steps: [{run: a}]}\n")
            .model();
    assertThat(w.job("t").orElseThrow().needIds()).containsExactly("build");
    assertThat(diagnostics("on:\njobs:\n  a: {runs-on: x, steps: [{run: a}]}\n"))
        .containsExactly(
            ".github/workflows/ci.yml:1:4: on: is empty: name at least one event [syntax]");
    assertThat(
            diagnostics(
                "on: push\njobs:\n  a: {runs-on: x, timeout-minutes: '30', steps: [{run: a}]}\n"))
        .singleElement()
        .asString()
        .contains("timeout-minutes must be a number, not a quoted string");
    assertThat(
            diagnostics(
                """
                on: push
                jobs:
                  a:
                    runs-on: x
                    steps:
                      - parallel:
                          - run: a
                          - parallel:
                              - run: b
                      - {id: s, run: c}
                      - {id: S, run: d}
                """))
        .containsExactly(
            ".github/workflows/ci.yml:9:15: nested parallel: blocks are not allowed [syntax]",
            ".github/workflows/ci.yml:11:9: step id \"S\" is already used in job \"a\" at line 10 [duplicate-step-id]");
  }
}
