package dev.pipeperf.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipeperf.config.DurationOverrides;
import dev.pipeperf.estimate.Catalogue;
import dev.pipeperf.estimate.StepEstimator;
import dev.pipeperf.source.Diagnostic;
import dev.pipeperf.workspace.Workspace;
import dev.pipeperf.workspace.WorkspaceLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, item 5 through discovery and the graph: a bake named context satisfies the Dockerfile's
 * {@code COPY --from} / {@code FROM}, a {@code target:} context builds its target first, and a bake
 * without a target where the files define no {@code default} fails as buildx fails.
 */
class BakeNamedContextsGraphTest {

  @TempDir Path root;

  private void write(String path, String text) throws IOException {
    Path p = root.resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  private Workspace workspace() {
    return WorkspaceLoader.load(root, null);
  }

  private GraphBuilder.Result graph(Workspace ws) {
    return GraphBuilder.build(
        ws,
        new StepEstimator(
            Catalogue.builtIn(), new DurationOverrides(Map.of(), Map.of(), Map.of(), Map.of())));
  }

  private void bakeStep(String targets) throws IOException {
    write(
        ".github/workflows/ci.yml",
        """
        on: push
        jobs:
          build:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4
              - uses: docker/bake-action@v6
        """
            + (targets == null ? "" : "        with:\n          targets: " + targets + "\n"));
  }

  private void rootfsProject(String group) throws IOException {
    write("Dockerfile", "FROM alpine\nCOPY --from=rootfs / /rootfs\nCOPY --from=tools /bin /bin\n");
    write("rootfs.Dockerfile", "FROM busybox\nRUN echo rootfs > /f\n");
    write(
        "docker-bake.hcl",
        group
            + """
            target "rootfs" {
              dockerfile = "rootfs.Dockerfile"
            }
            target "image" {
              contexts = {
                rootfs = "target:rootfs"
                tools = "docker-image://busybox:1.36"
              }
            }
            """);
  }

  @Test
  void namedContextsSatisfyCopyFromAndTheLinkedTargetBuildsFirst() throws IOException {
    rootfsProject("group \"default\" { targets = [\"image\"] }\n");
    bakeStep(null);
    Workspace ws = workspace();
    assertThat(ws.diagnostics()).extracting(Diagnostic::toString).isEmpty();
    GraphBuilder.Result r = graph(ws);
    assertThat(r.diagnostics()).isEmpty();
    PipelineGraph g = r.graph();
    Node rootfsOut = only(g, ":rootfs:export");
    Node imageIn = only(g, ":image:prepare");
    assertThat(g.successorsOf(rootfsOut)).contains(imageIn);
    // The linked target's result stays in the build cache: it pushes nothing.
    assertThat(rootfsOut.label()).doesNotContain("push");
  }

  @Test
  void withoutTheNamedContextTheCopyStillPullsAnImage() throws IOException {
    write("Dockerfile", "FROM alpine\nCOPY --from=rootfs / /rootfs\n");
    write("docker-bake.hcl", "target \"default\" {}\n");
    assertThat(workspace().diagnostics())
        .extracting(Diagnostic::code)
        .containsExactly("unknown-stage");
  }

  @Test
  void aBakeWithoutTargetsAndNoDefaultFailsAsBuildxDoes() throws IOException {
    rootfsProject("");
    bakeStep(null);
    Workspace ws = workspace();
    assertThat(ws.diagnostics())
        .extracting(Diagnostic::toString)
        .containsExactly(
            "docker-bake.hcl: no \"default\" group or target: docker buildx bake run in the"
                + " root without a target fails with \"failed to find target default\"; name the"
                + " targets to build, or add group \"default\" [bake-no-default]");
    assertThat(graph(ws).diagnostics())
        .extracting(Diagnostic::toString)
        .containsExactly(
            ".github/workflows/ci.yml:7:9: docker buildx bake fails here: failed to find target"
                + " default (no target is named, and [docker-bake.hcl] define no \"default\" group"
                + " or target) [bake-unknown-target]");
  }

  @Test
  void composeFilesMayHoldTheDefaultSoNothingIsSaid() throws IOException {
    rootfsProject("");
    write("compose.yaml", "services:\n  default:\n    build: .\n");
    bakeStep(null);
    Workspace ws = workspace();
    assertThat(ws.diagnostics()).isEmpty();
    assertThat(graph(ws).diagnostics()).isEmpty();
  }

  @Test
  void namingTheTargetIsEnough() throws IOException {
    rootfsProject("");
    bakeStep("image");
    GraphBuilder.Result r = graph(workspace());
    assertThat(r.diagnostics()).isEmpty();
    assertThat(g(r).successorsOf(only(g(r), ":rootfs:export")))
        .contains(only(g(r), ":image:prepare"));
  }

  private static PipelineGraph g(GraphBuilder.Result r) {
    return r.graph();
  }

  private static Node only(PipelineGraph g, String idSuffix) {
    return g.nodes().stream()
        .filter(n -> n.id().endsWith(idSuffix))
        .reduce(
            (a, b) -> {
              throw new AssertionError("two nodes end with " + idSuffix);
            })
        .orElseThrow(() -> new AssertionError("no node ends with " + idSuffix));
  }
}
