package dev.pipeperf.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipeperf.analysis.Analyzer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Already right" must be right (issue 15): a BuildKit cache mount is a practice only where its
 * content survives between CI builds, and the .dockerignore practice says what the file really
 * excludes.
 */
class PracticesTest {

  @TempDir Path tmp;

  private static final String DOCKERFILE =
      """
      FROM python:3.12-slim
      COPY requirements.txt .
      RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt
      COPY . .
      """;

  private Path repo(String runsOn, String extraStep, String dockerignore) throws IOException {
    Path root =
        Files.createDirectories(
            tmp.resolve("r" + Math.abs((runsOn + extraStep + dockerignore).hashCode())));
    Files.writeString(root.resolve("Dockerfile"), DOCKERFILE);
    Files.writeString(root.resolve("requirements.txt"), "flask\n");
    if (dockerignore != null) {
      Files.writeString(root.resolve(".dockerignore"), dockerignore);
    }
    Path wf = Files.createDirectories(root.resolve(".github/workflows"));
    Files.writeString(
        wf.resolve("ci.yml"),
        """
        name: ci
        on: [push]
        jobs:
          image:
            runs-on: %s
            steps:
              - uses: actions/checkout@v4
              - uses: docker/setup-buildx-action@v3
        %s
              - uses: docker/build-push-action@v6
                with:
                  context: .
                  push: true
                  tags: ghcr.io/acme/app:latest
                  cache-from: type=gha
                  cache-to: type=gha,mode=max
        """
            .formatted(runsOn, extraStep));
    return root;
  }

  private static List<Practice> practices(Path root, String id) {
    return Analyzer.analyze(Analyzer.Options.of(root)).rules().practices().stream()
        .filter(p -> p.id().equals(id))
        .toList();
  }

  @Test
  void aCacheMountOnAHostedRunnerStartsEmptyAndIsNoPractice() throws IOException {
    assertThat(practices(repo("ubuntu-latest", "", null), "cache-mount")).isEmpty();
  }

  @Test
  void aCacheMountPersistedByBuildkitCacheDanceIsAPracticeThatSaysSo() throws IOException {
    String dance =
        """
              - uses: reproducible-containers/buildkit-cache-dance@v3
                with:
                  cache-map: '{"root-pip-cache": "/root/.cache/pip"}'
        """;
    assertThat(practices(repo("ubuntu-latest", dance, null), "cache-mount"))
        .singleElement()
        .extracting(Practice::what)
        .asString()
        .contains("Dockerfile uses a BuildKit cache mount")
        .contains("buildkit-cache-dance")
        .contains("job image");
  }

  @Test
  void aCacheMountOnASelfHostedRunnerIsKeptByItsBuilder() throws IOException {
    assertThat(practices(repo("[self-hosted, linux]", "", null), "cache-mount"))
        .singleElement()
        .extracting(Practice::what)
        .asString()
        .contains("self-hosted");
  }

  @Test
  void theDockerignorePracticeNamesOnlyWhatTheFileExcludes() throws IOException {
    assertThat(practices(repo("ubuntu-latest", "", ".git\n**/node_modules\n"), "dockerignore"))
        .singleElement()
        .extracting(Practice::what)
        .isEqualTo(".dockerignore keeps .git, node_modules out of the build context");
    assertThat(practices(repo("ubuntu-latest", "", "*.log\n# tests are needed\n"), "dockerignore"))
        .singleElement()
        .extracting(Practice::what)
        .isEqualTo(".dockerignore excludes *.log from the build context");
    assertThat(practices(repo("ubuntu-latest", "", "# nothing\n!keep\n"), "dockerignore"))
        .as("a file that excludes nothing is no practice")
        .isEmpty();
  }
}
