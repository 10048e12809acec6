package dev.pipeperf.cli;

import java.nio.file.Path;
import picocli.CommandLine.Parameters;

/** The repository folder every analysing command takes as its one positional parameter. */
final class RepositoryPath {

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "PATH",
      description = "Repository folder (default: .).")
  Path path = Path.of(".");
}
