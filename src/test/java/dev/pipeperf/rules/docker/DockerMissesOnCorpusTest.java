package dev.pipeperf.rules.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipeperf.analysis.AnalysisResult;
import dev.pipeperf.analysis.Analyzer;
import dev.pipeperf.rules.Finding;
import dev.pipeperf.testing.Corpus;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Docker wastes issue 15 lists as misses, found on the real files where they occur (skipped
 * when the corpus is absent), and the false findings it lists gone.
 */
class DockerMissesOnCorpusTest {

  private static List<Finding> findings(String repo, String rule) {
    AnalysisResult r = Analyzer.analyze(Analyzer.Options.of(Corpus.require("real/" + repo)));
    return r.rules().findings().stream().filter(f -> f.ruleId().equals(rule)).toList();
  }

  @Test
  void buildxIntegrationTestImageIsBuiltOncePerBuildkitVersionNotPerLeg() {
    List<Finding> pp023 = findings("docker__buildx", "PP023");
    assertThat(pp023).hasSize(1);
    Finding f = pp023.get(0);
    assertThat(f.location().toString()).isEqualTo(".github/workflows/build.yml:136:9");
    // TEST_BUILDKIT_TAG reaches the bake variable through $GITHUB_ENV: one image per version.
    assertThat(f.message())
        .contains("all 38 legs of matrix job test-integration build bake target integration-test")
        .contains("only 7 different results (it depends on matrix.buildkit only)");
    assertThat(f.fix()).contains("needs: build-integration-test").contains("docker load");
    assertThat(f.saving().billableMinutes().low()).isPositive();
  }
}
