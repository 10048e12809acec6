package dev.pipeperf.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the two shapes issue 14 found super-linear: one workflow whose {@code n} jobs form a
 * single {@code needs:} chain (each job needs the previous one), and one job with {@code n} steps.
 *
 * <p>Usage: {@code LongWorkflow <dir> chain|steps <n>}
 */
public final class LongWorkflow {

  private LongWorkflow() {}

  public static void main(String[] args) throws IOException {
    Path root = Path.of(args[0]);
    int n = Integer.parseInt(args[2]);
    StringBuilder y = new StringBuilder("name: long\non: [push, pull_request]\njobs:\n");
    if (args[1].equals("chain")) {
      for (int i = 0; i < n; i++) {
        y.append("  j").append(i).append(":\n");
        if (i > 0) {
          y.append("    needs: j").append(i - 1).append('\n');
        }
        y.append("    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n")
            .append("      - run: make part-")
            .append(i)
            .append('\n');
      }
    } else {
      y.append("  all:\n    runs-on: ubuntu-latest\n    steps:\n");
      for (int i = 0; i < n; i++) {
        y.append("      - name: step ").append(i).append("\n        run: make part-").append(i);
        y.append('\n');
      }
    }
    Path file = root.resolve(".github/workflows/long.yml");
    Files.createDirectories(file.getParent());
    Files.writeString(file, y);
  }
}
