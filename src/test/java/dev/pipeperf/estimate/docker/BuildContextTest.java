package dev.pipeperf.estimate.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildContextTest {

  @TempDir Path ctx;

  private void tree() {
    Fixtures.writeBytes(ctx, "src/app/main.py", 1000);
    Fixtures.writeBytes(ctx, "src/app/util.py", 500);
    Fixtures.writeBytes(ctx, "src/app/test_util.py", 300);
    Fixtures.writeBytes(ctx, "requirements.txt", 40);
    Fixtures.writeBytes(ctx, "requirements-dev.txt", 60);
    Fixtures.writeBytes(ctx, "docs/index.md", 7000);
    Fixtures.writeBytes(ctx, "docs/keep.md", 11);
    Fixtures.writeBytes(ctx, ".git/HEAD", 2000);
    Fixtures.writeBytes(ctx, "node_modules/a/index.js", 4000);
    Fixtures.writeBytes(ctx, "web/node_modules/b/index.js", 3000);
    Fixtures.writeBytes(ctx, "a/b/c/cache.pyc", 900);
  }

  @Test
  void withoutDockerignoreEverythingIsSentAndBigFoldersAreReported() {
    tree();
    BuildContext bc = BuildContext.open(ctx, ctx.resolve("Dockerfile"));
    assertThat(bc.totalBytes())
        .isEqualTo(1000 + 500 + 300 + 40 + 60 + 7000 + 11 + 2000 + 4000 + 3000 + 900);
    assertThat(bc.fileCount()).isEqualTo(11);
    assertThat(bc.ignoreFile()).isNull();
    assertThat(bc.includedBigFolders())
        .containsEntry(".git", 2000L)
        .containsEntry("node_modules", 4000L)
        .containsEntry("web/node_modules", 3000L)
        .containsEntry("docs", 7011L);
  }

  @Test
  void dockerignoreWithExceptionsAndDoubleStar() {
    tree();
    Fixtures.write(
        ctx,
        ".dockerignore",
        """
        # comment
        .git
        **/node_modules
        docs
        !docs/keep.md
        **/*.pyc
        src/**/test_*.py
        /.dockerignore
        """);
    BuildContext bc = BuildContext.open(ctx, null);
    assertThat(bc.files().keySet())
        .containsExactlyInAnyOrder(
            "src/app/main.py",
            "src/app/util.py",
            "requirements.txt",
            "requirements-dev.txt",
            "docs/keep.md");
    assertThat(bc.includedBigFolders()).containsOnlyKeys("docs");
    assertThat(bc.bytesFor(".")).contains(1000L + 500 + 40 + 60 + 11);
    assertThat(bc.bytesFor("src/")).contains(1500L);
    assertThat(bc.bytesFor("./src")).contains(1500L);
    assertThat(bc.bytesFor("requirements*.txt")).contains(100L);
    assertThat(bc.bytesFor("requirements.txt")).contains(40L);
    assertThat(bc.bytesFor("s*")).contains(1500L);
    assertThat(bc.bytesFor("missing")).contains(0L);
    assertThat(bc.bytesFor("../outside")).contains(0L);
  }

  @Test
  void dockerfileSpecificIgnoreFileWins() {
    tree();
    Fixtures.write(ctx, ".dockerignore", "src\n");
    Fixtures.write(ctx, "build/api.Dockerfile", "FROM scratch\n");
    Fixtures.write(ctx, "build/api.Dockerfile.dockerignore", "docs\n.git\nnode_modules\n");
    BuildContext bc = BuildContext.open(ctx, ctx.resolve("build/api.Dockerfile"));
    assertThat(bc.ignoreFile()).isEqualTo(ctx.resolve("build/api.Dockerfile.dockerignore"));
    assertThat(bc.bytesFor("src")).contains(1800L);
    assertThat(bc.bytesFor("docs")).contains(0L);
    // Only the top-level node_modules: the pattern has no **.
    assertThat(bc.includedBigFolders()).containsOnlyKeys("web/node_modules");
  }

  @Test
  void linksAreNotFollowed() throws IOException {
    Fixtures.writeBytes(ctx, "src/a.txt", 100);
    Path outside = Files.createTempDirectory("outside");
    Fixtures.writeBytes(outside, "huge.bin", 50_000);
    try {
      Files.createSymbolicLink(ctx.resolve("linked"), outside);
      Files.createSymbolicLink(ctx.resolve("src/file-link"), outside.resolve("huge.bin"));
    } catch (UnsupportedOperationException | IOException e) {
      return; // no symbolic links on this file system
    }
    try {
      BuildContext bc = BuildContext.open(ctx, null);
      assertThat(bc.totalBytes()).isEqualTo(100);
      assertThat(bc.files()).containsOnlyKeys("src/a.txt");
    } finally {
      Files.delete(outside.resolve("huge.bin"));
      Files.delete(outside);
    }
  }

  @Test
  void theWalkStopsAtItsLimits() {
    for (int i = 0; i < 50; i++) {
      Fixtures.writeBytes(ctx, "f/" + i + ".txt", 10);
    }
    BuildContext bc =
        BuildContext.open(ctx, null, new BuildContext.Limits(20, 1_000_000, Duration.ofSeconds(5)));
    assertThat(bc.truncated()).isTrue();
    assertThat(bc.fileCount()).isEqualTo(20);
    BuildContext all = BuildContext.open(ctx, null);
    assertThat(all.truncated()).isFalse();
    assertThat(all.fileCount()).isEqualTo(50);
  }

  @Test
  void anUnknownContextKnowsNoSizes() {
    BuildContext bc = BuildContext.open(ctx.resolve("nope"), null);
    assertThat(bc.isKnown()).isFalse();
    assertThat(bc.bytesFor(".")).isEmpty();
  }

  @Test
  void dockerignoreParsing() {
    DockerIgnore d = DockerIgnore.parse("  # c\n\n ./a/../b/ \n! keep\n/abs\n");
    assertThat(d.patterns()).containsExactly("b", "!keep", "abs");
    DockerIgnore.Matcher m = DockerIgnore.parse("*\n!src\nsrc/*.log\n").matcher();
    assertThat(m.excludes("README.md")).isTrue();
    assertThat(m.excludes("src/main.c")).isFalse();
    assertThat(m.excludes("src/x.log")).isTrue();
    assertThat(m.excludes("src/sub/x.log")).isFalse();
    DockerIgnore.Matcher star = DockerIgnore.parse("**/*.md\n").matcher();
    assertThat(star.excludes("README.md")).isTrue();
    assertThat(star.excludes("a/b/c.md")).isTrue();
    assertThat(star.excludes("a/b/c.mdx")).isFalse();
  }
}
