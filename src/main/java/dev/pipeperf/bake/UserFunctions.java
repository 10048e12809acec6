package dev.pipeperf.bake;

import dev.pipeperf.bake.hcl.Body.Attribute;
import dev.pipeperf.bake.hcl.Body.Block;
import dev.pipeperf.bake.hcl.EvalContext;
import dev.pipeperf.bake.hcl.Expression;
import dev.pipeperf.bake.hcl.HclFunction;
import dev.pipeperf.bake.hcl.Value;
import dev.pipeperf.source.Diagnostic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Bake's {@code function} blocks ({@code params}, {@code variadic_param}, {@code result}) as
 * functions evaluated in the file's root scope, where other variables and functions are visible.
 */
final class UserFunctions {

  private UserFunctions() {}

  /** The function a block defines; empty, with a diagnostic, when the block is malformed. */
  static Optional<HclFunction> of(Block fb, EvalContext root, List<Diagnostic> diagnostics) {
    String name = fb.labels().get(0);
    List<String> params = new ArrayList<>();
    Optional<Attribute> p = fb.body().attribute("params");
    if (p.isEmpty()) {
      diagnostics.add(
          Diagnostic.error(
              fb.location(),
              "bake-function",
              "function \"" + name + "\" has no params attribute (write params = [] for none)"));
      return Optional.empty();
    }
    if (p.isPresent()) {
      if (!(p.get().expression() instanceof Expression.Tuple t)) {
        diagnostics.add(
            Diagnostic.error(
                p.get().location(),
                "bake-function",
                "params of function \"" + name + "\" must be a list of names"));
        return Optional.empty();
      }
      for (Expression x : t.items()) {
        Optional<String> n = paramName(x);
        if (n.isEmpty()) {
          diagnostics.add(
              Diagnostic.error(
                  x.location(),
                  "bake-function",
                  "params of function \"" + name + "\" must be plain names"));
          return Optional.empty();
        }
        params.add(n.get());
      }
    }
    String variadic =
        fb.body().attribute("variadic_param").flatMap(a -> paramName(a.expression())).orElse(null);
    Optional<Attribute> result = fb.body().attribute("result");
    if (result.isEmpty()) {
      diagnostics.add(
          Diagnostic.error(
              fb.location(), "bake-function", "function \"" + name + "\" has no result attribute"));
      return Optional.empty();
    }
    Expression body = result.get().expression();
    HclFunction.Body impl =
        (args, ev) -> {
          Map<String, Value> locals = new HashMap<>();
          for (int i = 0; i < params.size(); i++) {
            locals.put(params.get(i), args.get(i));
          }
          if (variadic != null) {
            locals.put(variadic, Value.tuple(args.subList(params.size(), args.size())));
          }
          return ev.evaluate(body, root.child(locals));
        };
    return Optional.of(
        new HclFunction(name, params.size(), variadic == null ? params.size() : -1, impl));
  }

  private static Optional<String> paramName(Expression x) {
    if (x instanceof Expression.Variable v) {
      return Optional.of(v.name());
    }
    if (x instanceof Expression.Literal l && l.value() instanceof Value.Str s) {
      return Optional.of(s.value());
    }
    return Optional.empty();
  }
}
