package dev.pipeperf.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which files discovery reads as Dockerfiles (issue 13, item 4). */
class DockerfileDiscoveryTest {

  @TempDir Path root;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Dockerfile",
        "dockerfile",
        "Containerfile",
        "Dockerfile.dev",
        "Dockerfile.aarch64",
        "Dockerfile.2",
        "Dockerfile.lint",
        "Dockerfile-windows",
        "Dockerfile_test_add",
        "Containerfile.multi-stage",
        "app.Dockerfile",
        "service.dockerfile",
        "base.Containerfile"
      })
  void readsDockerfileNames(String name) {
    assertThat(Paths.isDockerfileName(name)).as(name).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Dockerfile.rego",
        "Dockerfile_test.rego",
        "app.Dockerfile.rego",
        "Dockerfile.dockerignore",
        "app.Dockerfile.dockerignore",
        "Containerfile.containerignore",
        "Containerfile.in",
        "Dockerfile.template",
        "Dockerfile.j2",
        "Dockerfile.md",
        "Dockerfile.java",
        "Dockerfile_test.go",
        "dockerfile.go",
        "Dockerfile.",
        "Dockerfiles",
        "MyDockerfile",
        "Dockerfile.yml"
      })
  void leavesOtherFilesAlone(String name) {
    assertThat(Paths.isDockerfileName(name)).as(name).isFalse();
  }

  @Test
  void aPolicyBesideItsDockerfileIsNotParsed() throws IOException {
    write("Dockerfile", "FROM alpine\nRUN true\n");
    write(
        "Dockerfile.rego",
        "package docker\n\ndefault allow = false\n\ndecision := {\"allow\": allow}\n");
    Workspace w = WorkspaceLoader.load(root, null);
    assertThat(w.dockerfiles()).containsOnlyKeys("Dockerfile");
    assertThat(w.diagnostics()).isEmpty();
  }

  @Test
  void readsTheDockerfileABakeTargetNamesWhateverItsName() throws IOException {
    write("build/image.def", "FROM alpine\n");
    write("other/Dockerfile", "FROM busybox\n");
    write(
        "docker-bake.hcl",
        """
        target "default" {
          context = "build"
          dockerfile = "image.def"
        }
        target "other" {
          context = "other"
        }
        target "remote" {
          context = "https://github.com/docker/buildx.git"
          dockerfile = "missing.def"
        }
        """);
    Workspace w = WorkspaceLoader.load(root, null);
    assertThat(w.dockerfiles()).containsOnlyKeys("build/image.def", "other/Dockerfile");
  }

  private void write(String rel, String text) throws IOException {
    Path p = root.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }
}
