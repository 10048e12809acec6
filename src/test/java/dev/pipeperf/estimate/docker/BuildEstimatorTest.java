package dev.pipeperf.estimate.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipeperf.dockerfile.Dockerfile;
import dev.pipeperf.estimate.DurationRange;
import dev.pipeperf.estimate.Provenance;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildEstimatorTest {

  private final BuildEstimator estimator = new BuildEstimator();

  @TempDir Path ctx;

  private BuildEstimate estimate(String dockerfile, CacheBackend cache) {
    return estimator.estimate(Fixtures.parse(dockerfile), null, BuildContext.unknown(), cache);
  }

  /** The estimate of the only RUN (or of the instruction on the given line) of a one-stage file. */
  private static InstructionEstimate line(BuildEstimate e, int line) {
    return e.stages().stream()
        .flatMap(s -> s.instructions().stream())
        .filter(i -> i.instruction().location().line() == line)
        .findFirst()
        .orElseThrow();
  }

  private InstructionEstimate run(String script) {
    return line(estimate("FROM debian:bookworm-slim\nRUN " + script + "\n", CacheBackend.NONE), 2);
  }

  @Test
  void aptPerPackagePlusHeavyPackages() {
    InstructionEstimate small = run("apt-get update && apt-get install -y curl ca-certificates");
    InstructionEstimate many =
        run("apt-get update && apt-get install -y a1 a2 a3 a4 a5 a6 a7 a8 a9 a10 a11 a12");
    InstructionEstimate heavy =
        run("apt-get update && apt-get install -y build-essential libpq-dev chromium");
    assertThat(small.what()).isEqualTo("apt-get install 2 packages");
    assertThat(many.cold().range().low()).isGreaterThan(small.cold().range().low());
    assertThat(heavy.what())
        .isEqualTo("apt-get install 3 packages incl. build-essential, chromium");
    assertThat(heavy.cold().range().low()).isGreaterThan(many.cold().range().low());
    assertThat(heavy.cold().source()).contains("build-essential", "chromium", "catalogue");
    assertThat(heavy.cold().provenance()).isEqualTo(Provenance.CATALOGUE);
  }

  @Test
  void apkIsCheaperThanApt() {
    InstructionEstimate apk = run("apk add --no-cache curl git bash");
    InstructionEstimate apt = run("apt-get update && apt-get install -y curl git bash");
    assertThat(apk.what()).startsWith("apk add 3 packages");
    assertThat(apk.cold().range().high()).isLessThan(apt.cold().range().high());
  }

  @Test
  void veryHeavyPackagesCostMinutes() {
    assertThat(run("apt-get install -y texlive-full").cold().range().low())
        .isGreaterThanOrEqualTo(40);
    assertThat(run("apt-get install -y cuda-toolkit-12-4").cold().range().high())
        .isGreaterThanOrEqualTo(300);
    assertThat(run("apt-get install -y default-jdk").what()).contains("incl. default-jdk");
  }

  @Test
  void dependencyManagersWithoutFilesOnDiskUseDefaults() {
    InstructionEstimate pip = run("pip install -r requirements.txt");
    assertThat(pip.what()).isEqualTo("pip install 25 dependencies");
    assertThat(pip.cold().provenance()).isEqualTo(Provenance.HEURISTIC);
    assertThat(pip.cold().source()).contains("requirements.txt not on disk");
    InstructionEstimate uv = run("uv sync --frozen");
    assertThat(uv.cold().range().high()).isLessThan(pip.cold().range().high());
    InstructionEstimate poetry = run("poetry install --no-root");
    assertThat(poetry.cold().range().low()).isGreaterThan(uv.cold().range().low());
    assertThat(run("npm ci").what()).isEqualTo("npm install 30 dependencies");
    assertThat(run("yarn install --frozen-lockfile").what()).startsWith("yarn install");
    assertThat(run("pnpm install --frozen-lockfile").what()).startsWith("pnpm install");
    assertThat(run("pip install flask gunicorn").what()).isEqualTo("pip install 2 dependencies");
    assertThat(run("npx playwright install --with-deps chromium").what())
        .isEqualTo("playwright install 1 browser");
  }

  @Test
  void buildStepsAreRecognised() {
    assertThat(run("go mod download").what()).isEqualTo("go mod download");
    assertThat(run("CGO_ENABLED=0 go build -o /app ./cmd/app").what()).isEqualTo("go build");
    assertThat(run("cargo build --release").what()).isEqualTo("cargo build");
    assertThat(run("npm run build").what()).isEqualTo("npm run build");
    assertThat(run("./mvnw -B package -DskipTests").what()).isEqualTo("maven package");
    assertThat(run("python manage.py collectstatic --noinput").what()).isEqualTo("collectstatic");
    InstructionEstimate other = run("useradd -m app");
    assertThat(other.cold().provenance()).isEqualTo(Provenance.DEFAULT);
    assertThat(other.what()).isEqualTo("RUN useradd -m app");
  }

  @Test
  void dependencyCountsComeFromTheContextOnDisk() {
    Fixtures.write(ctx, "requirements/base.txt", "django\ncelery\n# comment\n\nredis  # cache\n");
    Fixtures.write(ctx, "requirements/prod.txt", "-r base.txt\ngunicorn\n--no-binary :all:\n");
    Fixtures.write(
        ctx,
        "frontend/package.json",
        "{\"dependencies\": {\"a\": \"1\", \"b\": \"1\"}, \"devDependencies\": {\"c\": \"1\"}}");
    Dockerfile df =
        Fixtures.parse(
            """
            FROM python:3.12-slim
            COPY requirements/ /tmp/requirements/
            RUN pip install -r /tmp/requirements/prod.txt
            COPY frontend/package.json ./
            RUN npm install
            """);
    BuildEstimate e = estimator.estimate(df, null, BuildContext.open(ctx, null), CacheBackend.NONE);
    assertThat(line(e, 3).what()).isEqualTo("pip install 4 dependencies");
    assertThat(line(e, 3).cold().provenance()).isEqualTo(Provenance.CATALOGUE);
    assertThat(line(e, 5).what()).isEqualTo("npm install 3 dependencies");
  }

  @Test
  void copySizesAreMeasured() {
    Fixtures.writeBytes(ctx, "big/blob.bin", 50_000_000);
    Fixtures.writeBytes(ctx, "small.txt", 10);
    Dockerfile df =
        Fixtures.parse("FROM alpine:3.20\nCOPY small.txt /x\nCOPY big /big\nCOPY . /all\n");
    BuildEstimate e = estimator.estimate(df, null, BuildContext.open(ctx, null), CacheBackend.NONE);
    assertThat(line(e, 2).what()).isEqualTo("COPY small.txt (10 B)");
    assertThat(line(e, 3).what()).isEqualTo("COPY big (50.0 MB)");
    assertThat(line(e, 3).cold().range().high())
        .isGreaterThan(line(e, 2).cold().range().high() + 1);
    assertThat(line(e, 3).sizeMb()).isCloseTo(50.0, org.assertj.core.data.Offset.offset(0.1));
    assertThat(e.contextUpload().source()).contains("50.0 MB in 2 files");
    BuildEstimate unknown = estimate("FROM alpine\nCOPY . /all\n", CacheBackend.NONE);
    assertThat(line(unknown, 2).cold().provenance()).isEqualTo(Provenance.DEFAULT);
  }

  @Test
  void lockFileCopiesStayCachedAndSourceCopyInvalidatesFromThere() {
    String good =
        """
        FROM node:20-slim
        WORKDIR /app
        COPY package.json package-lock.json ./
        RUN npm ci
        COPY . .
        RUN npm run build
        """;
    BuildEstimate e = estimate(good, CacheBackend.REGISTRY);
    assertThat(line(e, 3).invalidatedByChange()).isFalse();
    assertThat(line(e, 4).invalidatedByChange()).isFalse();
    assertThat(line(e, 4).warm().range()).isEqualTo(DurationRange.ofSeconds(0, 1));
    assertThat(line(e, 5).invalidatedByChange()).isTrue();
    assertThat(line(e, 6).invalidatedByChange()).isTrue();
    assertThat(line(e, 6).warm().range()).isEqualTo(line(e, 6).cold().range());

    String bad =
        """
        FROM node:20-slim
        WORKDIR /app
        COPY . .
        RUN npm ci
        RUN npm run build
        """;
    BuildEstimate b = estimate(bad, CacheBackend.REGISTRY);
    assertThat(line(b, 3).invalidatedByChange()).isTrue();
    assertThat(line(b, 4).warm().range()).isEqualTo(line(b, 4).cold().range());
    // The install runs again on every commit: warm is close to cold.
    StageEstimate s = b.stages().get(0);
    assertThat(s.warm().range().low()).isGreaterThan(s.cold().range().low() * 0.9);
    StageEstimate g = e.stages().get(0);
    assertThat(g.warm().range().high()).isLessThan(s.warm().range().high());
  }

  @Test
  void changingArgsAndAddUrlInvalidate() {
    BuildEstimate e =
        estimate(
            """
            FROM debian:bookworm-slim
            ARG DEBIAN_FRONTEND=noninteractive
            ARG NODE_VERSION=20
            RUN apt-get update && apt-get install -y curl
            ARG GIT_SHA
            RUN echo $GIT_SHA > /sha
            """,
            CacheBackend.GHA);
    assertThat(line(e, 2).invalidatedByChange()).isFalse();
    assertThat(line(e, 3).invalidatedByChange()).isFalse();
    assertThat(line(e, 4).invalidatedByChange()).isFalse();
    assertThat(line(e, 5).invalidatedByChange()).isTrue();
    assertThat(line(e, 5).what()).isEqualTo("ARG GIT_SHA (changes per commit)");
    BuildEstimate url =
        estimate("FROM alpine\nADD https://example.com/x.tgz /x\nRUN true\n", CacheBackend.GHA);
    assertThat(line(url, 2).invalidatedByChange()).isTrue();
    BuildEstimate copyUrl =
        estimate("FROM alpine\nADD --chmod=644 go.sum /x\nRUN true\n", CacheBackend.GHA);
    assertThat(line(copyUrl, 2).invalidatedByChange()).isFalse();
  }

  @Test
  void aCacheMountMakesWarmReinstallsCheaper() {
    String withMount =
        """
        FROM python:3.12-slim
        COPY . .
        RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt
        """;
    String without =
        """
        FROM python:3.12-slim
        COPY . .
        RUN pip install -r requirements.txt
        """;
    InstructionEstimate m = line(estimate(withMount, CacheBackend.GHA), 3);
    InstructionEstimate n = line(estimate(without, CacheBackend.GHA), 3);
    assertThat(m.cold().range()).isEqualTo(n.cold().range());
    assertThat(m.warm().range().high()).isLessThan(n.warm().range().high() * 0.6);
    assertThat(m.warm().source()).contains("cache mount");
    // Without a cache backend a CI build is cold whatever the mount.
    InstructionEstimate none = line(estimate(withMount, CacheBackend.NONE), 3);
    assertThat(none.warm().range()).isEqualTo(none.cold().range());
  }

  @Test
  void withoutACacheBackendWarmIsCold() {
    BuildEstimate e =
        estimate(
            "FROM python:3.12\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n",
            CacheBackend.NONE);
    assertThat(e.serialWarm().range()).isEqualTo(e.serialCold().range());
    assertThat(e.cacheImportWarm().range().isZero()).isTrue();
  }

  @Test
  void targetSelectsTheNeededStagesAndInvalidationFlowsDownstream() {
    Dockerfile df =
        Fixtures.parse(
            """
            FROM golang:1.23 AS deps
            COPY go.mod go.sum ./
            RUN go mod download

            FROM deps AS build
            COPY . .
            RUN go build -o /out/app ./cmd/app

            FROM node:20 AS web
            COPY package.json package-lock.json ./
            RUN npm ci

            FROM gcr.io/distroless/static AS runtime
            COPY --from=build /out/app /app

            FROM deps AS lint
            RUN go vet ./...
            """);
    BuildEstimate e = estimator.estimate(df, "runtime", BuildContext.unknown(), CacheBackend.GHA);
    assertThat(e.stages())
        .extracting(s -> s.stage().displayName())
        .containsExactly("deps", "build", "runtime");
    StageEstimate deps = e.stages().get(0);
    StageEstimate build = e.stages().get(1);
    StageEstimate runtime = e.stages().get(2);
    assertThat(deps.invalidated()).isFalse();
    assertThat(deps.warm().range().high()).isLessThanOrEqualTo(3);
    assertThat(build.invalidated()).isTrue();
    assertThat(build.dependsOn()).containsExactly(0);
    assertThat(runtime.dependsOn()).containsExactly(1);
    // runtime copies from an invalidated stage: rebuilt, and its base is pulled again.
    assertThat(runtime.invalidated()).isTrue();
    assertThat(runtime.instructions().get(0).warm().range())
        .isEqualTo(runtime.instructions().get(0).cold().range());
    assertThat(build.instructions().get(0).cold().range().isZero()).isTrue();

    BuildEstimate web = estimator.estimate(df, "web", BuildContext.unknown(), CacheBackend.GHA);
    assertThat(web.stages()).extracting(s -> s.stage().displayName()).containsExactly("web");
    assertThat(web.stages().get(0).invalidated()).isFalse();
    assertThat(estimator.estimate(df, "nope", BuildContext.unknown(), CacheBackend.GHA).stages())
        .isEmpty();
  }

  @Test
  void pushCostsScaleWithWhatChanged() {
    String df =
        """
        FROM python:3.12-slim
        RUN apt-get update && apt-get install -y chromium
        COPY . .
        """;
    BuildEstimate push =
        estimator.estimate(
            Fixtures.parse(df), null, BuildContext.unknown(), CacheBackend.REGISTRY, true);
    BuildEstimate noPush =
        estimator.estimate(Fixtures.parse(df), null, BuildContext.unknown(), CacheBackend.REGISTRY);
    assertThat(noPush.pushCold().range().isZero()).isTrue();
    assertThat(push.pushCold().range().low()).isGreaterThan(push.pushWarm().range().low());
    assertThat(push.pushCold().source()).contains("export + push image");
  }

  @Test
  void baseImageFamilies() {
    BuildCatalogue c = BuildCatalogue.builtIn();
    List<String> order =
        List.of(
            "alpine:3.20",
            "python:3.12-slim",
            "ubuntu:24.04",
            "python:3.12",
            "nvidia/cuda:12.4.1-devel-ubuntu22.04");
    double prev = -1;
    for (String image : order) {
      double mid = c.baseImage(image).pull().mid();
      assertThat(mid).as(image).isGreaterThanOrEqualTo(prev);
      prev = mid;
    }
    assertThat(c.baseImage("scratch").pull().isZero()).isTrue();
    assertThat(c.baseImage("docker.io/library/alpine:3").match()).contains("alpine*");
    assertThat(c.baseImage("ghcr.io/acme/thing:1").match()).containsExactly("*");
  }
}
