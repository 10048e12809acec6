package dev.pipeperf.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a synthetic repository of {@code workflows} workflow files with {@code jobs} jobs each:
 * a mix of needs chains and fan-in, matrices, reusable-looking steps, caches and Docker builds of a
 * few shared Dockerfiles, so that every stage of the analysis has work proportional to the size.
 *
 * <p>Usage: {@code SyntheticRepo <dir> <workflows> <jobs-per-workflow>}
 */
public final class SyntheticRepo {

  private SyntheticRepo() {}

  public static void main(String[] args) throws IOException {
    Path root = Path.of(args[0]);
    int workflows = Integer.parseInt(args[1]);
    int jobs = Integer.parseInt(args[2]);
    Path dir = root.resolve(".github/workflows");
    Files.createDirectories(dir);
    for (int d = 0; d < 10; d++) {
      Path df = root.resolve("services/s" + d + "/Dockerfile");
      Files.createDirectories(df.getParent());
      Files.writeString(
          df,
          """
          FROM golang:1.22 AS build
          WORKDIR /src
          COPY go.mod go.sum ./
          RUN go mod download
          COPY . .
          RUN go build -o /out/app ./cmd/app
          FROM gcr.io/distroless/static
          COPY --from=build /out/app /app
          ENTRYPOINT ["/app"]
          """);
    }
    for (int w = 0; w < workflows; w++) {
      StringBuilder y = new StringBuilder();
      y.append("name: wf").append(w).append("\non:\n  push:\n    branches: [main]\n");
      y.append("  pull_request:\njobs:\n");
      for (int j = 0; j < jobs; j++) {
        y.append("  job").append(j).append(":\n");
        y.append("    runs-on: ubuntu-latest\n");
        if (j > 0) {
          y.append("    needs: [job").append(j - 1);
          if (j > 2 && j % 3 == 0) {
            y.append(", job").append(j - 3);
          }
          y.append("]\n");
        }
        if (j % 10 == 5) {
          y.append("    strategy:\n      matrix:\n        go: ['1.21', '1.22']\n");
        }
        y.append("    steps:\n");
        y.append("      - uses: actions/checkout@v4\n");
        y.append("      - uses: actions/setup-go@v5\n        with:\n          go-version: '1.22'\n");
        y.append("      - uses: actions/cache@v4\n        with:\n");
        y.append("          path: ~/go/pkg/mod\n");
        y.append("          key: go-${{ hashFiles('**/go.sum') }}\n");
        if (j % 7 == 3) {
          y.append("      - uses: docker/build-push-action@v6\n        with:\n");
          y.append("          context: services/s").append(j % 10).append('\n');
          y.append("          file: services/s").append(j % 10).append("/Dockerfile\n");
        } else {
          y.append("      - run: |\n          go test ./pkg/").append(j).append("/...\n");
          y.append("          npm ci && npm test\n");
        }
      }
      Files.writeString(dir.resolve(String.format("wf%04d.yml", w)), y);
    }
  }
}
