package dev.pipeperf.rules.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipeperf.analysis.Analyzer;
import dev.pipeperf.rules.Finding;
import dev.pipeperf.testing.Corpus;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, "the misses become findings": each uncached-build rule fires on the real file where the
 * waste occurs, and stays quiet where the repository already caches (curl caches every library it
 * builds from source, keyed on the version).
 */
class CacheMissesOnRealCorpusTest {

  private static List<Finding> findings(String repo, String rule) {
    Path real = Corpus.require("real");
    return Analyzer.analyze(Analyzer.Options.of(real.resolve(repo))).rules().findings().stream()
        .filter(f -> f.ruleId().equals(rule))
        .toList();
  }

  @Test
  void containerdBuildsErofsUtilsFromSourceInEveryIntegrationLeg() {
    List<Finding> f = findings("containerd__containerd", "PP026");
    assertThat(f)
        .anySatisfy(
            x -> {
              assertThat(x.location().file()).isEqualTo(".github/workflows/ci.yml");
              assertThat(x.message()).contains("integration-linux", "erofs-utils", "v1.8.10");
              assertThat(x.fix()).contains("key: ${{ runner.os }}-${{ runner.arch }}-erofs-utils");
              assertThat(x.saving().criticalPathPerRun().high()).isGreaterThan(30);
            });
  }

  @Test
  void curlCachesWhatItBuildsFromSource() {
    assertThat(findings("curl__curl", "PP026")).isEmpty();
  }

  @Test
  void tauriAndroidBuildCachesGradleThroughSetupJava() {
    // The only Gradle build of the corpus: `cache: 'gradle'` on actions/setup-java.
    assertThat(findings("tauri-apps__tauri", "PP028")).isEmpty();
  }

  @Test
  void buildxUnitLegsGetGotestsumFromSetupGosCache() {
    // test-unit installs gotestsum in 3 legs, but setup-go's default cache keeps the modules and
    // the build cache: the repeated install only links.
    assertThat(findings("docker__buildx", "PP027")).isEmpty();
  }

  @Test
  void polarsMiriJobCompilesRustWithNoCache() {
    assertThat(findings("pola-rs__polars", "PP022"))
        .anySatisfy(x -> assertThat(x.message()).contains("job miri"));
  }
}
