package dev.pipeperf.cli;

import dev.pipeperf.Version;
import dev.pipeperf.analysis.AnalysisResult;
import dev.pipeperf.analysis.Analyzer;
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
      TimingsCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main {

  @Option(
      names = {"-v", "--verbose"},
      scope = CommandLine.ScopeType.INHERIT,
      description = "Show the stack trace of an internal error (exit code 3).")
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
    return run(out, err, interactive, env, null, args);
  }

  /**
   * Runs pipeperf with one more subcommand (an annotated command object, or null): tests drive the
   * internal-error handling with a command that fails the way a bug would.
   */
  static int run(
      PrintWriter out,
      PrintWriter err,
      boolean interactive,
      Map<String, String> env,
      Object extraSubcommand,
      String... args) {
    Main main = new Main(out, err, new Terminal(interactive, env));
    CommandLine cl = new CommandLine(main);
    if (extraSubcommand != null) {
      cl.addSubcommand(extraSubcommand);
    }
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
            err.flush();
            return ExitCodes.USAGE;
          }
          main.internalError(ex);
          return ExitCodes.INTERNAL;
        });
    if (args.length == 0) {
      cl.usage(out);
      out.flush();
      return ExitCodes.USAGE;
    }
    int code;
    try {
      code = cl.execute(args);
    } catch (Throwable t) { // NOPMD: an Error (stack overflow, out of memory) is a bug to report
      // picocli hands only Exceptions to the handler above; Errors come through here.
      main.internalError(t);
      code = ExitCodes.INTERNAL;
    }
    if (code != ExitCodes.INTERNAL && !main.contained.isEmpty()) {
      // Parts of the analysis or of the report failed and were left out; the rest was printed,
      // and the exit code says it is a bug rather than the user's input.
      err.println(
          "pipeperf: internal error: "
              + String.join("; ", main.contained)
              + " (the rest was reported). "
              + HOW_TO_REPORT);
      code = ExitCodes.INTERNAL;
    }
    out.flush();
    err.flush();
    return code;
  }

  /** What a user should do with an internal error: the same words wherever one is shown. */
  static final String HOW_TO_REPORT =
      "This is a bug in pipeperf: please report it to the pipeperf project with this message, the"
          + " output of 'pipeperf --version' and of the same command with --verbose, and, if you"
          + " can, the workflow or Dockerfile that triggers it.";

  /** Internal errors the analysis or a renderer contained (the rest was still reported). */
  private final java.util.List<String> contained = new java.util.ArrayList<>();

  private void contain(Throwable t) {
    contained.add(dev.pipeperf.source.Escape.oneLine(String.valueOf(t)));
    if (verbose) {
      t.printStackTrace(err);
    }
  }

  /** Reports an internal error in one line (the stack trace only with --verbose). */
  private void internalError(Throwable t) {
    out.flush();
    err.println(
        "pipeperf: internal error: "
            + dev.pipeperf.source.Escape.oneLine(String.valueOf(t))
            + (verbose ? "" : " (run with --verbose for the stack trace)")
            + ". "
            + HOW_TO_REPORT);
    if (verbose) {
      t.printStackTrace(err);
    }
    err.flush();
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
    AnalysisResult result =
        Analyzer.analyze(
            new Analyzer.Options(path, common.config, common.workflow, common.timings));
    if (common.workflow != null && result.reportedWorkflows().isEmpty()) {
      throw new UserError(WorkflowFilter.noMatch(common.workflow, result.graph().workflows()));
    }
    result.diagnostics().stream()
        .filter(d -> d.code().equals(Diagnostic.INTERNAL_ERROR))
        .forEach(d -> contained.add(dev.pipeperf.source.Escape.oneLine(d.message())));
    return result;
  }

  /**
   * The same repository estimated from the catalogue alone, when some job's duration is pinned or
   * observed (the gate needs it to see what a change does to those jobs); else null.
   */
  AnalysisResult catalogueEstimate(Path path, CommonOptions common, AnalysisResult result) {
    if (!dev.pipeperf.gate.PinnedShift.hasPinnedJobs(result)) {
      return null;
    }
    return Analyzer.analyze(
        new Analyzer.Options(path, common.config, common.workflow, common.timings)
            .catalogueEstimate());
  }

  /** Writes a report to a file, or to standard output when {@code file} is null. */
  void write(Path file, Consumer<PrintWriter> body) {
    write(file, false, false, body);
  }

  /**
   * Writes a report to a file, or to standard output when {@code file} is null. The report is
   * rendered in memory first, so that a renderer that fails half-way leaves no half-written
   * structured document behind; with {@code partialReadable} (text, markdown, annotations) what was
   * rendered before the failure is still written, followed by a line that says it stops there.
   * {@code commands} when the body writes GitHub workflow commands itself (their data escaped),
   * else lines that would start a command are neutralised. Files are replaced atomically and write
   * errors fail the command (see {@link OutputFile}).
   */
  void write(Path file, boolean commands, boolean partialReadable, Consumer<PrintWriter> body) {
    java.io.StringWriter buffer = new java.io.StringWriter();
    PrintWriter pw = new PrintWriter(buffer);
    try {
      body.accept(pw);
    } catch (RuntimeException | StackOverflowError e) { // NOPMD: a renderer bug, contained
      if (!partialReadable || e instanceof UserError) {
        throw e;
      }
      contain(e);
      pw.println();
      pw.println("(the report stops here: pipeperf hit an internal error; see standard error)");
    }
    pw.flush();
    String text = buffer.toString();
    if (file == null) {
      OutputFile.toStream(out, commands, w -> w.print(text));
    } else {
      OutputFile.write(file, commands, w -> w.print(text));
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
      return new String[] {"pipeperf " + Version.current() + " (commit " + Version.commit() + ")"};
    }
  }
}
