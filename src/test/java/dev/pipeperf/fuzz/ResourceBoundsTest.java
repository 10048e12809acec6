package dev.pipeperf.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.pipeperf.analysis.AnalysisResult;
import dev.pipeperf.analysis.Analyzer;
import dev.pipeperf.bake.BakeEvaluator;
import dev.pipeperf.source.Diagnostic;
import dev.pipeperf.source.SourceFile;
import dev.pipeperf.workflow.Matrix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every resource bound of issue 10, end to end: hostile input ends quickly in a diagnostic that
 * names the limit, never in an exception, a hang or an exhausted heap. (The time limit here is a
 * hang guard, far above what any of these takes, not a performance assertion.)
 */
class ResourceBoundsTest {

  private static final Duration HANG_GUARD = Duration.ofSeconds(30);

  @TempDir Path repo;

  @Test
  void anOversizedWorkflowIsNotRead() throws IOException {
    String big = "on: push\n# " + "x".repeat((int) SourceFile.MAX_BYTES) + "\n";
    write(".github/workflows/big.yml", big);
    assertThat(analyze())
        .anySatisfy(
            d -> {
              assertThat(d.code()).isEqualTo("file-too-large");
              assertThat(d.location().file()).isEqualTo(".github/workflows/big.yml");
              assertThat(d.message()).contains("more than the " + SourceFile.MAX_BYTES + " bytes");
            });
  }

  @Test
  void aYamlAliasBombIsRefused() throws IOException {
    StringBuilder y = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
    for (char c = 'b'; c <= 'z'; c++) {
      String prev = "*" + (char) (c - 1);
      y.append(c).append(": &").append(c).append(" [");
      y.append(String.join(", ", Collections.nCopies(9, prev))).append("]\n");
    }
    y.append("on: push\njobs:\n  t:\n    runs-on: x\n    steps: [{run: *z}]\n");
    write(".github/workflows/bomb.yml", y.toString());
    assertThat(analyze())
        .anySatisfy(d -> assertThat(d.message()).contains("too many YAML aliases"));
  }

  @Test
  void deeplyNestedYamlIsRefused() throws IOException {
    write(
        ".github/workflows/deep.yml",
        "on: push\njobs:\n  t:\n    runs-on: x\n    steps: " + "[".repeat(100_000) + "\n");
    assertThat(analyze())
        .anySatisfy(d -> assertThat(d.message()).contains("nested more than 64 levels"));
  }

  @Test
  void anOversizedMatrixIsCappedWithADiagnostic() throws IOException {
    String values = String.join(", ", Collections.nCopies(100, "v"));
    write(
        ".github/workflows/matrix.yml",
        "on: push\njobs:\n  t:\n    runs-on: x\n    strategy:\n      matrix:\n"
            + "        a: ["
            + values
            + "]\n        b: ["
            + values
            + "]\n        c: ["
            + values
            + "]\n    steps: [{run: x}]\n");
    List<Diagnostic> d = analyze();
    assertThat(d)
        .anySatisfy(
            x -> {
              assertThat(x.code()).isEqualTo("matrix-too-large");
              assertThat(x.message()).contains("GitHub allows " + Matrix.MAX_INSTANCES);
            });
  }

  @Test
  void deeplyNestedHclIsRefused() {
    assertThat(bake("target \"t\" { args = { a = " + "(".repeat(100_000) + " } }"))
        .anySatisfy(d -> assertThat(d.message()).contains("nested more than 200 levels"));
    assertThat(bake("a {\n".repeat(100_000)))
        .anySatisfy(d -> assertThat(d.code()).isEqualTo("hcl-syntax"));
  }

  @Test
  void unboundedRecursionInABakeFunctionEndsInADiagnostic() {
    List<Diagnostic> d =
        bake(
            """
            function "f" {
              params = [n]
              result = f(n + 1)
            }
            target "t" { args = { a = f(0) } }
            """);
    assertThat(d).anySatisfy(x -> assertThat(x.message()).containsIgnoringCase("deep"));
  }

  @Test
  void explosiveBakeEvaluationRunsOutOfItsStepBudget() {
    List<Diagnostic> d =
        bake(
            """
            function "fib" {
              params = [n]
              result = n < 2 ? n : fib(n - 1) + fib(n - 2)
            }
            variable "A" { default = [for i in range(500) : [for j in range(500) : [for k in range(500) : k]]] }
            target "t" { args = { a = fib(60), b = length(A) } }
            """);
    assertThat(d).anySatisfy(x -> assertThat(x.code()).isEqualTo("hcl-budget"));
  }

  @Test
  void hugeNumbersInABakeFileEndInADiagnostic() {
    List<Diagnostic> d =
        bake(
            """
            variable "N" { default = 1e999999999 }
            target "t" { args = { a = N % 7 } }
            target "u" { args = { b = format("%999999999d", 1) } }
            """);
    assertThat(d)
        .anySatisfy(x -> assertThat(x.message()).contains("number out of range"))
        .anySatisfy(x -> assertThat(x.message()).contains("larger than 1000"));
    assertThat(bake("a = 1e99999999999"))
        .anySatisfy(x -> assertThat(x.message()).contains("invalid number literal"));
  }

  @Test
  void workflowsDockerfilesAndBakeFilesLinkedFromOutsideTheRootAreNotFollowed(@TempDir Path outside)
      throws IOException {
    Path secret = Files.writeString(outside.resolve("secret.yml"), "on: push\njobs: {}\n");
    Path foreignDockerfile = Files.writeString(outside.resolve("Dockerfile"), "FROM scratch\n");
    Path foreignBake = Files.writeString(outside.resolve("docker-bake.hcl"), "target \"t\" {}\n");
    write(
        ".github/workflows/ci.yml",
        """
        on: push
        jobs:
          b:
            runs-on: ubuntu-latest
            steps:
              - uses: docker/build-push-action@v6
                with: {context: ., file: linked/Dockerfile}
        """);
    Files.createSymbolicLink(repo.resolve(".github/workflows/evil.yml"), secret);
    Files.createSymbolicLink(repo.resolve("Dockerfile"), foreignDockerfile);
    Files.createSymbolicLink(repo.resolve("docker-bake.hcl"), foreignBake);
    Files.createSymbolicLink(repo.resolve("linked"), outside);
    AnalysisResult r = Analyzer.analyze(Analyzer.Options.of(repo));
    assertThat(r.workspace().sources().keySet()).containsExactly(".github/workflows/ci.yml");
    assertThat(r.workspace().dockerfiles()).isEmpty();
    assertThat(r.workspace().bakeFiles()).isEmpty();
    assertThat(r.diagnostics())
        .filteredOn(d -> d.code().equals("outside-root"))
        .extracting(d -> d.location().file())
        .containsExactlyInAnyOrder(
            ".github/workflows/evil.yml", "Dockerfile", "docker-bake.hcl", "linked/Dockerfile");
  }

  private List<Diagnostic> analyze() {
    return guarded(() -> Analyzer.analyze(Analyzer.Options.of(repo)).diagnostics());
  }

  private static List<Diagnostic> bake(String text) {
    return guarded(
        () ->
            BakeEvaluator.evaluate(SourceFile.of("docker-bake.hcl", text), Map.of()).diagnostics());
  }

  private static List<Diagnostic> guarded(Supplier<List<Diagnostic>> run) {
    return assertTimeoutPreemptively(HANG_GUARD, run::get);
  }

  private void write(String path, String text) throws IOException {
    Path p = repo.resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }
}
