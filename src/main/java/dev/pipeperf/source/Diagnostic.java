package dev.pipeperf.source;

import java.util.Comparator;

/**
 * A problem with the user's input (a file that cannot be parsed, a {@code needs} that names no
 * job), said in the user's terms. Never an exception: the analysis goes on without the bad part.
 *
 * @param location where it is
 * @param severity how bad: {@code HIGH} when part of the input had to be dropped
 * @param code a short kebab-case kind, e.g. {@code yaml-syntax}, {@code needs-cycle}
 * @param message one line, no trailing period
 */
public record Diagnostic(Location location, Severity severity, String code, String message)
    implements Comparable<Diagnostic> {

  /** Messages quote names and text from files: kept on one line, whatever those hold. */
  public Diagnostic {
    message = Escape.oneLine(message);
  }

  private static final Comparator<Diagnostic> ORDER =
      Comparator.comparing(Diagnostic::location)
          .thenComparing(Diagnostic::code)
          .thenComparing(Diagnostic::message);

  /**
   * The code of a diagnostic that reports a bug in pipeperf contained by the analysis (a rule that
   * failed and was left out); the CLI then exits with its internal-error code.
   */
  public static final String INTERNAL_ERROR = "internal-error";

  /** An error: part of the input could not be used. */
  public static Diagnostic error(Location location, String code, String message) {
    return new Diagnostic(location, Severity.HIGH, code, message);
  }

  /** A warning: the input was used, but probably not as its author meant. */
  public static Diagnostic warning(Location location, String code, String message) {
    return new Diagnostic(location, Severity.MEDIUM, code, message);
  }

  /** A note: the input was used, with an assumption the user may want to know or to change. */
  public static Diagnostic info(Location location, String code, String message) {
    return new Diagnostic(location, Severity.INFO, code, message);
  }

  /** {@code path:line:col: message [code]}. */
  @Override
  public String toString() {
    return location + ": " + message + " [" + code + "]";
  }

  @Override
  public int compareTo(Diagnostic other) {
    return ORDER.compare(this, other);
  }
}
