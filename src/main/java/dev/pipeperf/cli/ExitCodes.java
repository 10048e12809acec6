package dev.pipeperf.cli;

/** pipeperf's exit codes (spec §9). */
public final class ExitCodes {

  /** Analysis done; for {@code check}, the gate passed. */
  public static final int OK = 0;

  /** {@code check}: a regression, or a finding at or above {@code --fail-on}. */
  public static final int GATE_FAILED = 1;

  /** Bad usage, or input that could not be read at all (missing folder, broken config). */
  public static final int USAGE = 2;

  /**
   * A bug in pipeperf (an exception or error escaped a command, or part of the analysis failed and
   * was left out): distinct from {@link #USAGE} so that CI can tell "fix your input" from "report
   * this". Whatever could be analysed is still printed.
   */
  public static final int INTERNAL = 3;

  private ExitCodes() {}
}
