package dev.pipeperf.cli;

import dev.pipeperf.AnalysisResult;
import dev.pipeperf.Analyzer;
import dev.pipeperf.Version;
import dev.pipeperf.source.Diagnostic;
import dev.pipeperf.workspace.WorkspaceLoader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The command line. {@link #run} takes the streams and returns the exit code, so tests drive the
 * CLI in-process; {@link #main} is the only place that touches {@code System}.
 */
@Command(
    name = "pipeperf",
    mixinStandardHelpOptions = true,
    versionProvider = Main.VersionProvider.class,
    description = "Tells why a CI pipeline is slow and expensive, and what to change.",
    subcommands = {
      AnalyzeCommand.class,
      ReportCommand.class,
      GraphCommand.class,
      RulesCommand.class,
      ExplainCommand.class,
      BaselineCommand.class,
      CheckCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main {

  @Option(
      names = {"-v", "--verbose"},
      scope = CommandLine.ScopeType.INHERIT,
      description = "Show stack traces of internal errors.")
  boolean verbose;

  private final PrintWriter out;
  private final PrintWriter err;
  private final Terminal terminal;

  private Main(PrintWriter out, PrintWriter err, Terminal terminal) {
    this.out = out;
    this.err = err;
    this.terminal = terminal;
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    int code = run(out, err, System.console() != null, System.getenv(), args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs pipeperf as a library call: no terminal, the process environment. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return run(out, err, false, System.getenv(), args);
  }

  /** Runs pipeperf; returns the exit code (see {@link ExitCodes}). */
  public static int run(
      PrintWriter out,
      PrintWriter err,
      boolean interactive,
      Map<String, String> env,
      String... args) {
    Main main = new Main(out, err, new Terminal(interactive, env));
    CommandLine cl = new CommandLine(main);
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setParameterExceptionHandler(
        (ex, a) -> {
          err.println("pipeperf: " + ex.getMessage());
          err.println(
              "Try 'pipeperf "
                  + (ex.getCommandLine().getCommandName().equals("pipeperf")
                      ? ""
                      : ex.getCommandLine().getCommandName() + " ")
                  + "--help'.");
          err.flush();
          return ExitCodes.USAGE;
        });
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          if (ex instanceof UserError) {
            err.println("pipeperf: " + dev.pipeperf.source.Escape.oneLine(ex.getMessage()));
          } else {
            err.println(
                "pipeperf: internal error: "
                    + ex
                    + (main.verbose ? "" : " (run with --verbose for details)"));
            if (main.verbose) {
              ex.printStackTrace(err);
            }
          }
          err.flush();
          return ExitCodes.USAGE;
        });
    if (args.length == 0) {
      cl.usage(out);
      out.flush();
      return ExitCodes.USAGE;
    }
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  Terminal terminal() {
    return terminal;
  }

  /** Analyses a repository, or throws a {@link UserError} when it cannot be read at all. */
  AnalysisResult analyze(Path path, CommonOptions common) {
    if (!Files.isDirectory(path)) {
      throw new UserError(path + ": " + (Files.exists(path) ? "not a folder" : "no such folder"));
    }
    var config = WorkspaceLoader.readConfig(path, common.config);
    if (!config.hasModel()) {
      for (Diagnostic d : config.diagnostics()) {
        err.println(d);
      }
      throw new UserError("the configuration has errors; nothing was analysed");
    }
    for (Path t : common.timings) {
      if (!Files.isRegularFile(t)) {
        throw new UserError(t + ": timings file not found");
      }
    }
    return Analyzer.analyze(
        new Analyzer.Options(path, common.config, common.workflow, common.timings));
  }

  /** Writes a report to a file, or to standard output when {@code file} is null. */
  void write(Path file, Consumer<PrintWriter> body) {
    write(file, false, body);
  }

  /**
   * As {@link #write(Path, Consumer)}; {@code commands} when the body writes GitHub workflow
   * commands itself (their data escaped), else lines that would start a command are neutralised.
   * Files are replaced atomically and write errors fail the command (see {@link OutputFile}).
   */
  void write(Path file, boolean commands, Consumer<PrintWriter> body) {
    if (file == null) {
      OutputFile.toStream(out, commands, body);
    } else {
      OutputFile.write(file, commands, body);
    }
  }

  /**
   * With {@code --format github}: appends the markdown report to the file {@code
   * $GITHUB_STEP_SUMMARY} names, when it is set (GitHub shows it on the run's summary page).
   */
  void appendStepSummary(AnalysisResult result) {
    String file = terminal.env().get("GITHUB_STEP_SUMMARY");
    if (file == null || file.isBlank()) {
      return;
    }
    OutputFile.append(
        Path.of(file),
        "$GITHUB_STEP_SUMMARY " + file,
        pw -> dev.pipeperf.report.MarkdownRenderer.render(result, pw));
  }

  /** Version for {@code --version}. */
  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"pipeperf " + Version.current()};
    }
  }
}
