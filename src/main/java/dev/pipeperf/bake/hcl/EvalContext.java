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
  private TraversalHook traversalHook;

  /**
   * Resolves {@code root.name.attribute} without building the whole {@code root} value, so that
   * bake's {@code target.foo.tags} can be evaluated attribute by attribute, as buildx does.
   */
  @FunctionalInterface
  public interface TraversalHook {
    /** The value, or empty to fall back to ordinary evaluation. */
    Optional<Value> resolve(String root, String name, String attribute);
  }

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
    EvalContext c = new EvalContext(this, new HashMap<>(locals), functions, null);
    c.traversalHook = traversalHook;
    return c;
  }

  /** Installs the hook for three-step traversals; the root context's children inherit it. */
  public EvalContext withTraversalHook(TraversalHook hook) {
    this.traversalHook = hook;
    return this;
  }

  /** {@code root.name.attribute} through the hook, unless {@code root} is a local name. */
  public Optional<Value> traverse(String root, String name, String attribute) {
    if (traversalHook == null) {
      return Optional.empty();
    }
    for (EvalContext c = this; c != null; c = c.parent) {
      if (c.variables.containsKey(root)) {
        return Optional.empty();
      }
    }
    return traversalHook.resolve(root, name, attribute);
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
