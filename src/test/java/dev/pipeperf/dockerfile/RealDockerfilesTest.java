package dev.pipeperf.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pipeperf.shell.PackageInstall;
import dev.pipeperf.shell.PackageInstalls;
import dev.pipeperf.source.Diagnostic;
import dev.pipeperf.source.ParseResult;
import dev.pipeperf.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every Dockerfile of the real-world corpus parses without an exception. The diagnostics are
 * printed so that a person can judge them: on real, building Dockerfiles almost every one of them
 * is a false alarm to look into.
 */
class RealDockerfilesTest {

  private static final Path REAL = Path.of("..", "shared", "corpus", "real");

  /** The names discovery reads as Dockerfiles, so the test sees what the product sees. */
  static boolean isDockerfileName(String name) {
    return dev.pipeperf.workspace.Paths.isDockerfileName(name);
  }

  @Test
  void everyRealDockerfileParses() throws IOException {
    assumeTrue(Files.isDirectory(REAL), "corpus not present: skipped (" + REAL + ")");
    List<Path> files;
    try (Stream<Path> s = Files.walk(REAL)) {
      files =
          s.filter(Files::isRegularFile)
              .filter(p -> isDockerfileName(p.getFileName().toString()))
              .sorted()
              .toList();
    }
    Map<String, Integer> byCode = new TreeMap<>();
    List<String> lines = new ArrayList<>();
    int parsed = 0;
    int stages = 0;
    int heredocs = 0;
    Map<String, Integer> installs = new TreeMap<>();
    for (Path f : files) {
      String rel = REAL.relativize(f).toString().replace('\\', '/');
      ParseResult<SourceFile> read = SourceFile.read(f, rel);
      if (!read.hasModel()) {
        read.diagnostics().forEach(d -> lines.add(d.toString()));
        continue;
      }
      ParseResult<Dockerfile> r = DockerfileParser.parse(read.model());
      assertThat(r.model()).as(rel).isNotNull();
      parsed++;
      stages += r.model().stages().size();
      for (Instruction i : r.model().instructions()) {
        heredocs += i.heredocs().size();
        if (i.isRun()) {
          for (PackageInstall p : PackageInstalls.find(i.runCommand())) {
            installs.merge(p.manager().toString(), 1, Integer::sum);
          }
        }
      }
      for (Diagnostic d : r.diagnostics()) {
        byCode.merge(d.code(), 1, Integer::sum);
        lines.add(d.toString());
      }
    }
    System.out.println(
        "real corpus: "
            + files.size()
            + " Dockerfiles, "
            + parsed
            + " parsed, "
            + stages
            + " stages, "
            + heredocs
            + " heredocs, RUN installs by tool: "
            + installs
            + ", diagnostics by code: "
            + byCode);
    lines.forEach(l -> System.out.println("  " + l));
    assertThat(files).isNotEmpty();
  }
}
