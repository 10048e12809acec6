package dev.pipeperf.estimate.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipeperf.shell.PackageInstall.Manager;
import org.junit.jupiter.api.Test;

class BuildCatalogueTest {

  private final BuildCatalogue c = BuildCatalogue.builtIn();

  @Test
  void everyInstallingToolHasFigures() {
    for (Manager m : Manager.values()) {
      boolean known = c.packageManagers().containsKey(m) || c.dependencyInstalls().containsKey(m);
      assertThat(known).as(m.name()).isTrue();
    }
    for (CacheBackend b : CacheBackend.values()) {
      assertThat(c.cacheCost(b)).as(b.name()).isNotNull();
    }
    assertThat(c.cacheCost(CacheBackend.NONE).importCost().isZero()).isTrue();
    assertThat(c.cacheCost(CacheBackend.REGISTRY).importCost().high())
        .isLessThan(c.cacheCost(CacheBackend.GHA).importCost().high());
  }

  @Test
  void isImmutable() {
    assertThatThrownBy(() -> c.baseImages().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> c.packageManagers().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> c.manifestFiles().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void manifestsAndLockFiles() {
    assertThat(c.isManifest("requirements.txt")).isTrue();
    assertThat(c.isManifest("requirements/")).isTrue();
    assertThat(c.isManifest("./requirements-dev.txt")).isTrue();
    assertThat(c.isManifest("requirements*.txt")).isTrue();
    assertThat(c.isManifest("package*.json")).isTrue();
    assertThat(c.isManifest("backend/poetry.lock")).isTrue();
    assertThat(c.isManifest("go.sum")).isTrue();
    assertThat(c.isManifest("src/Api/Api.csproj")).isTrue();
    assertThat(c.isManifest("Gemfile.lock")).isTrue();
    assertThat(c.isManifest(".")).isFalse();
    assertThat(c.isManifest("src/")).isFalse();
    assertThat(c.isManifest("main.py")).isFalse();
  }

  @Test
  void argsThatChangePerCommit() {
    assertThat(c.isChangingArg("GIT_SHA")).isTrue();
    assertThat(c.isChangingArg("COMMIT_SHA")).isTrue();
    assertThat(c.isChangingArg("VERSION")).isTrue();
    assertThat(c.isChangingArg("BUILD_DATE")).isTrue();
    assertThat(c.isChangingArg("git_commit")).isTrue();
    assertThat(c.isChangingArg("PYTHON_VERSION")).isFalse();
    assertThat(c.isChangingArg("NODE_VERSION")).isFalse();
    assertThat(c.isChangingArg("DEBIAN_FRONTEND")).isFalse();
    assertThat(c.isChangingArg("TARGETPLATFORM")).isFalse();
  }

  @Test
  void heavyPackagesIgnoreVersions() {
    assertThat(c.heavy("chromium=120.0")).isNotNull();
    assertThat(c.heavy("texlive-latex-extra")).isNotNull();
    assertThat(c.heavy("torch==2.4.0")).isNotNull();
    assertThat(c.heavy("nvidia-ml-py3")).isNull();
    assertThat(c.heavy("curl")).isNull();
  }
}
