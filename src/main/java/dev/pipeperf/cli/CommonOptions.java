package dev.pipeperf.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every analysing command takes. */
final class CommonOptions {

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Configuration file (default: .pipeperf.yml at the root, if present).")
  Path config;

  @Option(
      names = "--workflow",
      paramLabel = "NAME",
      description = "Report only this workflow (its name, file name, or path).")
  String workflow;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the report to FILE instead of standard output.")
  Path output;

  @Option(
      names = "--timings",
      arity = "1..*",
      paramLabel = "FILE",
      description =
          "Observed runs exported from GitHub (REST API jobs JSON or gh run view --json jobs).")
  java.util.List<Path> timings = new java.util.ArrayList<>();

  @Option(
      names = {"-q", "--quiet"},
      description = "Print nothing but errors.")
  boolean quiet;
}
