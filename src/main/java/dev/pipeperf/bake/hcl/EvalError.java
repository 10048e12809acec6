package dev.pipeperf.bake.hcl;

import dev.pipeperf.source.Diagnostic;
import dev.pipeperf.source.Location;

/**
 * An evaluation problem in the user's file. Thrown inside the evaluator to unwind one attribute's
 * evaluation and turned into a {@link Diagnostic} where the attribute is evaluated; it never leaves
 * this package's callers.
 */
public final class EvalError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Location location;
  private final String code;

  public EvalError(Location location, String code, String message) {
    super(message, null, false, false);
    this.location = location;
    this.code = code;
  }

  /** A problem not yet tied to a place (raised inside a function); the call site adds one. */
  public static EvalError of(String message) {
    return new EvalError(null, "hcl-function", message);
  }

  public Location location() {
    return location;
  }

  public String code() {
    return code;
  }

  public EvalError at(Location where) {
    return location != null ? this : new EvalError(where, code, getMessage());
  }

  public Diagnostic toDiagnostic() {
    return Diagnostic.error(location, code, getMessage());
  }
}
