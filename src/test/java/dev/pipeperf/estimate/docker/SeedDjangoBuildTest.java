package dev.pipeperf.estimate.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipeperf.dockerfile.Dockerfile;
import dev.pipeperf.estimate.DurationRange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seed-004-like single-stage Django image (python:3.12-slim, build-essential + libpq-dev, nodejs
 * + npm, chromium, 40 requirements, npm ci, collectstatic). The seed measured ~5 min for its build
 * job (of which buildx set-up 30s is not the build): cold should land in 3–6 min, a warm gha build
 * well below.
 */
class SeedDjangoBuildTest {

  @TempDir Path ctx;

  private Dockerfile copyFixture() throws IOException {
    Path src = Path.of("src", "test", "resources", "build", "django");
    try (Stream<Path> s = Files.list(src)) {
      for (Path p : s.toList()) {
        Files.copy(p, ctx.resolve(p.getFileName().toString()));
      }
    }
    for (int i = 0; i < 20; i++) {
      Fixtures.write(ctx, "app/m" + i + ".py", "x = 1\n".repeat(2000));
    }
    Fixtures.writeBytes(ctx, "static/big.js", 3_000_000);
    Fixtures.writeBytes(ctx, ".git/objects/pack", 5_000_000);
    Fixtures.writeBytes(ctx, "node_modules/x/index.js", 2_000_000);
    return Fixtures.parse(Files.readString(ctx.resolve("Dockerfile")));
  }

  @Test
  void coldLandsInThreeToSixMinutesAndWarmGhaWellBelow() throws IOException {
    Dockerfile df = copyFixture();
    BuildContext bc = BuildContext.open(ctx, ctx.resolve("Dockerfile"));
    BuildEstimate e = new BuildEstimator().estimate(df, null, bc, CacheBackend.GHA, true);
    System.out.println(Fixtures.breakdown(e));

    DurationRange cold = e.serialCold().range();
    DurationRange warm = e.serialWarm().range();
    assertThat(cold.mid()).isBetween(180.0, 360.0);
    assertThat(warm.mid()).isLessThan(cold.mid() * 0.6);

    // .git and node_modules are ignored: ~3.2 MB of app + static files remain.
    assertThat(bc.totalBytes()).isBetween(3_000_000L, 3_400_000L);
    assertThat(bc.includedBigFolders()).isEmpty();

    List<InstructionEstimate> ins = e.stages().get(0).instructions();
    InstructionEstimate pip = find(ins, "pip install");
    assertThat(pip.what()).contains("40 dependencies");
    assertThat(pip.invalidatedByChange()).isFalse();
    InstructionEstimate npm = find(ins, "npm install");
    assertThat(npm.what()).contains("30 dependencies");
    InstructionEstimate apt = find(ins, "build-essential");
    assertThat(apt.what()).isEqualTo("apt-get install 4 packages incl. build-essential");
    // The ARG GIT_SHA is the first changing input: it and everything after it is rebuilt.
    InstructionEstimate arg =
        ins.stream().filter(i -> i.instruction().isArg()).findFirst().orElseThrow();
    assertThat(arg.invalidatedByChange()).isTrue();
    InstructionEstimate collect = find(ins, "collectstatic");
    assertThat(collect.warm().range()).isEqualTo(collect.cold().range());
    assertThat(pip.warm().range().high()).isLessThanOrEqualTo(1.0);
  }

  private static InstructionEstimate find(List<InstructionEstimate> ins, String what) {
    return ins.stream()
        .filter(i -> i.what().contains(what))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "no " + what + " in " + ins.stream().map(InstructionEstimate::what).toList()));
  }
}
