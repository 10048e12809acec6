package dev.pipeperf.bake.hcl;

import dev.pipeperf.source.ParseResult;
import dev.pipeperf.source.SourceFile;
import java.util.Map;

/** Parses and evaluates single expressions for the HCL tests. */
final class HclTesting {

  private HclTesting() {}

  static Expression parse(String src) {
    ParseResult<Expression> r = Parser.parseExpression(SourceFile.of("test.hcl", src));
    if (!r.hasModel()) {
      throw new AssertionError("does not parse: " + src + " " + r.diagnostics());
    }
    return r.model();
  }

  static Value eval(String src) {
    return eval(src, Map.of());
  }

  static Value eval(String src, Map<String, Value> vars) {
    return new Evaluator().evaluate(parse(src), EvalContext.of(vars, Stdlib.functions()));
  }

  /** The value in HCL-ish JSON, easy to compare in assertions. */
  static String json(String src) {
    return Json.encode(eval(src));
  }

  static EvalError error(String src) {
    try {
      Value v = eval(src);
      throw new AssertionError("expected an error, got " + Json.encode(v));
    } catch (EvalError e) {
      return e;
    }
  }
}
