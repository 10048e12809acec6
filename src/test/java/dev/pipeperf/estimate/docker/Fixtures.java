package dev.pipeperf.estimate.docker;

import dev.pipeperf.dockerfile.Dockerfile;
import dev.pipeperf.dockerfile.DockerfileParser;
import dev.pipeperf.source.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Shared helpers of the build-estimate tests. */
final class Fixtures {

  private Fixtures() {}

  static Dockerfile parse(String text) {
    return DockerfileParser.parse(SourceFile.of("Dockerfile", text)).model();
  }

  static void write(Path root, String rel, String text) {
    try {
      Path p = root.resolve(rel);
      Files.createDirectories(p.getParent());
      Files.writeString(p, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void writeBytes(Path root, String rel, int n) {
    write(root, rel, "x".repeat(n));
  }

  /** A readable breakdown of an estimate, for test output and failure messages. */
  static String breakdown(BuildEstimate e) {
    StringBuilder sb = new StringBuilder();
    sb.append("context upload ")
        .append(e.contextUpload().range())
        .append("  — ")
        .append(e.contextUpload().source())
        .append('\n');
    sb.append("cache import warm ").append(e.cacheImportWarm().range()).append('\n');
    for (StageEstimate s : e.stages()) {
      sb.append("stage ")
          .append(s.stage().displayName())
          .append(" cold ")
          .append(s.cold().range())
          .append(" warm ")
          .append(s.warm().range())
          .append(" deps ")
          .append(s.dependsOn())
          .append('\n');
      for (InstructionEstimate i : s.instructions()) {
        sb.append(
            String.format(
                "  %-3d %-8s cold %-9s warm %-9s %s %s%n    %s%n",
                i.instruction().location().line(),
                i.instruction().keyword(),
                i.cold().range(),
                i.warm().range(),
                i.invalidatedByChange() ? "*" : " ",
                i.what(),
                i.cold().source()));
      }
    }
    sb.append("cache export ").append(e.cacheExport().range()).append('\n');
    sb.append("push cold ")
        .append(e.pushCold().range())
        .append(" warm ")
        .append(e.pushWarm().range())
        .append("  — ")
        .append(e.pushCold().source())
        .append('\n');
    sb.append("TOTAL cold ")
        .append(e.serialCold().range())
        .append(" warm ")
        .append(e.serialWarm().range())
        .append('\n');
    return sb.toString();
  }
}
