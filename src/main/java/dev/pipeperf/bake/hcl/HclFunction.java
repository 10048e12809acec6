package dev.pipeperf.bake.hcl;

import java.util.List;

/**
 * A function callable from expressions. Problems are reported by throwing {@link EvalError#of}.
 *
 * @param name the name expressions call it by
 * @param minArgs fewest arguments
 * @param maxArgs most arguments, or -1 for variadic
 * @param body the implementation
 */
public record HclFunction(String name, int minArgs, int maxArgs, Body body) {

  /** The implementation of a function. */
  @FunctionalInterface
  public interface Body {
    Value call(List<Value> args, Evaluator evaluator);
  }

  /** A function taking exactly {@code n} arguments. */
  public static HclFunction fixed(String name, int n, Body body) {
    return new HclFunction(name, n, n, body);
  }

  /** A function taking at least {@code min} arguments. */
  public static HclFunction variadic(String name, int min, Body body) {
    return new HclFunction(name, min, -1, body);
  }
}
