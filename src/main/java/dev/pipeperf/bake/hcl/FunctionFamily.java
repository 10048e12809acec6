package dev.pipeperf.bake.hcl;

import static dev.pipeperf.bake.hcl.Conversions.toNum;
import static dev.pipeperf.bake.hcl.Conversions.toStr;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One family of the standard functions, grouped as go-cty's {@code function/stdlib} files group
 * them, with what every family shares: registering a function by arity, and reading arguments.
 */
abstract class FunctionFamily {

  private final Map<String, HclFunction> functions;

  FunctionFamily(Map<String, HclFunction> functions) {
    this.functions = functions;
  }

  /** Adds the family's functions to the map it was given. */
  abstract void register();

  final void fixed(String name, int n, HclFunction.Body body) {
    functions.put(name, HclFunction.fixed(name, n, body));
  }

  final void range(String name, int min, int max, HclFunction.Body body) {
    functions.put(name, new HclFunction(name, min, max, body));
  }

  final void variadic(String name, int min, HclFunction.Body body) {
    functions.put(name, HclFunction.variadic(name, min, body));
  }

  /** Argument {@code i} as a string; null is an error, as in go-cty. */
  static String s(List<Value> a, int i) {
    Value v = a.get(i);
    if (v.isNull()) {
      throw EvalError.of("argument " + (i + 1) + " must not be null");
    }
    return toStr(v);
  }

  static BigDecimal n(List<Value> a, int i) {
    return toNum(a.get(i));
  }

  static Value num(BigDecimal d) {
    return Value.num(d);
  }
}
