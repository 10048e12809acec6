package dev.pipeperf.bake.hcl;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The names an expression can see: variables (with a parent chain for the scopes that {@code for}
 * expressions, function bodies and matrices open) and functions. The root may resolve variables
 * lazily, which is how bake evaluates variables that refer to each other.
 */
public final class EvalContext {

  private final EvalContext parent;
  private final Map<String, Value> variables;
  private final Map<String, HclFunction> functions;
  private final Function<String, Optional<Value>> resolver;

  private EvalContext(
      EvalContext parent,
      Map<String, Value> variables,
      Map<String, HclFunction> functions,
      Function<String, Optional<Value>> resolver) {
    this.parent = parent;
    this.variables = variables;
    this.functions = functions;
    this.resolver = resolver;
  }

  /** A root context; {@code resolver} is asked for names not in {@code variables}. */
  public static EvalContext root(
      Map<String, Value> variables,
      Map<String, HclFunction> functions,
      Function<String, Optional<Value>> resolver) {
    return new EvalContext(null, new HashMap<>(variables), functions, resolver);
  }

  /** A root context with fixed variables and functions. */
  public static EvalContext of(Map<String, Value> variables, Map<String, HclFunction> functions) {
    return root(variables, functions, n -> Optional.empty());
  }

  /** A child scope that adds (and shadows with) {@code locals}. */
  public EvalContext child(Map<String, Value> locals) {
    return new EvalContext(this, new HashMap<>(locals), functions, null);
  }

  /** The variable's value, if it is defined. */
  public Optional<Value> variable(String name) {
    for (EvalContext c = this; c != null; c = c.parent) {
      Value v = c.variables.get(name);
      if (v != null) {
        return Optional.of(v);
      }
      if (c.resolver != null) {
        Optional<Value> r = c.resolver.apply(name);
        if (r.isPresent()) {
          return r;
        }
      }
    }
    return Optional.empty();
  }

  public Optional<HclFunction> function(String name) {
    return Optional.ofNullable(functions.get(name));
  }

  public Map<String, HclFunction> functions() {
    return functions;
  }
}
