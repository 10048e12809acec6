package dev.pipeperf.bake.hcl;

import dev.pipeperf.bake.hcl.Expression.Binary;
import dev.pipeperf.bake.hcl.Expression.Call;
import dev.pipeperf.bake.hcl.Expression.Conditional;
import dev.pipeperf.bake.hcl.Expression.For;
import dev.pipeperf.bake.hcl.Expression.GetAttr;
import dev.pipeperf.bake.hcl.Expression.Index;
import dev.pipeperf.bake.hcl.Expression.Literal;
import dev.pipeperf.bake.hcl.Expression.ObjectCons;
import dev.pipeperf.bake.hcl.Expression.ObjectItem;
import dev.pipeperf.bake.hcl.Expression.Parens;
import dev.pipeperf.bake.hcl.Expression.Splat;
import dev.pipeperf.bake.hcl.Expression.SplatItem;
import dev.pipeperf.bake.hcl.Expression.Template;
import dev.pipeperf.bake.hcl.Expression.TemplateFor;
import dev.pipeperf.bake.hcl.Expression.TemplateIf;
import dev.pipeperf.bake.hcl.Expression.TemplateWrap;
import dev.pipeperf.bake.hcl.Expression.Tuple;
import dev.pipeperf.bake.hcl.Expression.Unary;
import dev.pipeperf.bake.hcl.Expression.Variable;
import dev.pipeperf.source.Location;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Evaluates expressions to {@link Value}s with HCL semantics. Work is bounded: recursion deeper
 * than {@link #MAX_DEPTH} or more than {@code budget} steps ends in an {@link EvalError}, so a
 * hostile file cannot hang the analysis or exhaust the stack.
 */
public final class Evaluator {

  /** Deepest nesting of evaluation (expressions and user function calls). */
  public static final int MAX_DEPTH = 400;

  /** Default number of evaluation steps for one evaluator. */
  public static final long DEFAULT_BUDGET = 2_000_000;

  private static final String SPLAT_ITEM = "\0splat";

  private final long budget;
  private long steps;
  private int depth;

  public Evaluator(long budget) {
    this.budget = budget;
  }

  public Evaluator() {
    this(DEFAULT_BUDGET);
  }

  /** Longest string an evaluation may build (bake files are at most a few megabytes). */
  public static final int MAX_STRING_LENGTH = 4 * 1024 * 1024;

  private static void checkLength(int length, Location where) {
    if (length > MAX_STRING_LENGTH) {
      throw new EvalError(
          where,
          "hcl-budget",
          "a string grew beyond " + MAX_STRING_LENGTH + " characters; giving up");
    }
  }

  /** Charges {@code n} steps of work (functions charge for the elements they produce). */
  public void charge(long n) {
    steps += n;
    if (steps > budget) {
      throw new EvalError(
          null, "hcl-budget", "evaluation took more than " + budget + " steps; giving up");
    }
  }

  /** Evaluates {@code e} in {@code ctx}. */
  public Value evaluate(Expression e, EvalContext ctx) {
    charge(1);
    if (++depth > MAX_DEPTH) {
      depth--;
      throw new EvalError(
          e.location(),
          "hcl-too-deep",
          "evaluation nested more than " + MAX_DEPTH + " levels deep");
    }
    try {
      return eval(e, ctx);
    } catch (EvalError err) {
      throw err.at(e.location());
    } finally {
      depth--;
    }
  }

  private Value eval(Expression e, EvalContext ctx) {
    if (e instanceof Literal l) {
      return l.value();
    }
    if (e instanceof Template t) {
      StringBuilder sb = new StringBuilder();
      for (Expression part : t.parts()) {
        sb.append(interpolate(evaluate(part, ctx), part.location()));
        charge(sb.length() / 1024);
        checkLength(sb.length(), t.location());
      }
      return Value.str(sb.toString());
    }
    if (e instanceof TemplateWrap w) {
      return evaluate(w.inner(), ctx);
    }
    if (e instanceof TemplateIf ti) {
      boolean c = condition(ti.condition(), ctx);
      return evaluate(c ? ti.then() : ti.otherwise(), ctx);
    }
    if (e instanceof TemplateFor tf) {
      StringBuilder sb = new StringBuilder();
      iterate(
          evaluate(tf.collection(), ctx),
          tf.collection().location(),
          (k, v) -> {
            EvalContext inner = ctx.child(locals(tf.keyVar(), k, tf.valueVar(), v));
            sb.append(interpolate(evaluate(tf.body(), inner), tf.body().location()));
          });
      return Value.str(sb.toString());
    }
    if (e instanceof Tuple t) {
      List<Value> items = new ArrayList<>();
      for (Expression x : t.items()) {
        items.add(evaluate(x, ctx));
      }
      return Value.tuple(items);
    }
    if (e instanceof ObjectCons o) {
      Map<String, Value> entries = new TreeMap<>();
      for (ObjectItem item : o.items()) {
        Value k = evaluate(item.key(), ctx);
        String key = convert(() -> Conversions.toStr(k), item.key().location());
        entries.put(key, evaluate(item.value(), ctx));
      }
      return Value.object(entries);
    }
    if (e instanceof Variable v) {
      return ctx.variable(v.name())
          .orElseThrow(
              () ->
                  new EvalError(
                      v.location(),
                      "hcl-undefined-variable",
                      "there is no variable named \"" + v.name() + "\""));
    }
    if (e instanceof SplatItem) {
      return ctx.variable(SPLAT_ITEM).orElse(Value.NULL);
    }
    if (e instanceof GetAttr g) {
      if (g.source() instanceof GetAttr inner && inner.source() instanceof Variable root) {
        Optional<Value> hooked = ctx.traverse(root.name(), inner.name(), g.name());
        if (hooked.isPresent()) {
          return hooked.get();
        }
      }
      return getAttr(evaluate(g.source(), ctx), g.name(), g.location());
    }
    if (e instanceof Index ix) {
      return index(evaluate(ix.source(), ctx), evaluate(ix.key(), ctx), ix.location());
    }
    if (e instanceof Splat s) {
      Value src = evaluate(s.source(), ctx);
      if (src.isNull()) {
        return Value.tuple(List.of());
      }
      List<Value> items = src instanceof Value.Seq seq ? seq.items() : List.of(src);
      List<Value> out = new ArrayList<>();
      for (Value item : items) {
        out.add(evaluate(s.each(), ctx.child(Map.of(SPLAT_ITEM, item))));
      }
      return Value.tuple(out);
    }
    if (e instanceof Parens p) {
      return evaluate(p.inner(), ctx);
    }
    if (e instanceof Unary u) {
      Value v = evaluate(u.operand(), ctx);
      if (u.op().equals("!")) {
        return Value.bool(!convert(() -> Conversions.toBool(v), u.location()));
      }
      return Value.num(convert(() -> Conversions.toNum(v), u.location()).negate());
    }
    if (e instanceof Binary b) {
      return binary(b, ctx);
    }
    if (e instanceof Conditional c) {
      return evaluate(condition(c.condition(), ctx) ? c.then() : c.otherwise(), ctx);
    }
    if (e instanceof For f) {
      return forExpr(f, ctx);
    }
    if (e instanceof Call c) {
      return call(c, ctx);
    }
    throw new IllegalStateException("unknown expression " + e);
  }

  private boolean condition(Expression e, EvalContext ctx) {
    Value v = evaluate(e, ctx);
    if (v.isNull()) {
      throw new EvalError(e.location(), "hcl-type", "the condition value is null");
    }
    return convert(() -> Conversions.toBool(v), e.location());
  }

  private static String interpolate(Value v, Location where) {
    if (v.isNull()) {
      throw new EvalError(where, "hcl-type", "cannot include a null value in a string template");
    }
    if (v instanceof Value.Seq || v instanceof Value.Obj) {
      throw new EvalError(
          where, "hcl-type", "cannot include a " + v.typeName() + " in a string template");
    }
    return Conversions.toStr(v);
  }

  private static <T> T convert(java.util.function.Supplier<T> f, Location where) {
    try {
      return f.get();
    } catch (EvalError err) {
      throw new EvalError(where, "hcl-type", err.getMessage());
    }
  }

  private static Map<String, Value> locals(String keyVar, Value k, String valueVar, Value v) {
    Map<String, Value> m = new LinkedHashMap<>();
    if (keyVar != null) {
      m.put(keyVar, k);
    }
    m.put(valueVar, v);
    return m;
  }

  private interface Visitor {
    void visit(Value key, Value value);
  }

  private void iterate(Value coll, Location where, Visitor visitor) {
    if (coll instanceof Value.Seq s) {
      for (int i = 0; i < s.items().size(); i++) {
        charge(1);
        visitor.visit(Value.num(i), s.items().get(i));
      }
    } else if (coll instanceof Value.Obj o) {
      for (Map.Entry<String, Value> en : o.entries().entrySet()) {
        charge(1);
        visitor.visit(Value.str(en.getKey()), en.getValue());
      }
    } else {
      throw new EvalError(
          where,
          "hcl-type",
          "a for expression needs a collection, got " + Conversions.describe(coll));
    }
  }

  private Value forExpr(For f, EvalContext ctx) {
    Value coll = evaluate(f.collection(), ctx);
    if (f.keyExpr() == null) {
      List<Value> out = new ArrayList<>();
      iterate(
          coll,
          f.collection().location(),
          (k, v) -> {
            EvalContext inner = ctx.child(locals(f.keyVar(), k, f.valueVar(), v));
            if (f.condition() == null || condition(f.condition(), inner)) {
              out.add(evaluate(f.valueExpr(), inner));
            }
          });
      return Value.tuple(out);
    }
    Map<String, Value> out = new TreeMap<>();
    Map<String, List<Value>> groups = new TreeMap<>();
    iterate(
        coll,
        f.collection().location(),
        (k, v) -> {
          EvalContext inner = ctx.child(locals(f.keyVar(), k, f.valueVar(), v));
          if (f.condition() != null && !condition(f.condition(), inner)) {
            return;
          }
          Value kv = evaluate(f.keyExpr(), inner);
          String key = convert(() -> Conversions.toStr(kv), f.keyExpr().location());
          Value val = evaluate(f.valueExpr(), inner);
          if (f.grouping()) {
            groups.computeIfAbsent(key, x -> new ArrayList<>()).add(val);
          } else if (out.containsKey(key)) {
            throw new EvalError(
                f.keyExpr().location(),
                "hcl-duplicate-key",
                "duplicate object key \"" + key + "\"; use '...' after the value to group by key");
          } else {
            out.put(key, val);
          }
        });
    if (f.grouping()) {
      groups.forEach((k, v) -> out.put(k, Value.tuple(v)));
    }
    return Value.object(out);
  }

  private static Value getAttr(Value src, String name, Location where) {
    if (src instanceof Value.Obj o) {
      Value v = o.entries().get(name);
      if (v == null) {
        throw new EvalError(
            where,
            "hcl-unsupported-attribute",
            "this object has no attribute named \"" + name + "\"");
      }
      return v;
    }
    if (src.isNull()) {
      throw new EvalError(
          where, "hcl-type", "attempt to get attribute \"" + name + "\" from a null value");
    }
    throw new EvalError(
        where, "hcl-type", "cannot get attribute \"" + name + "\" of " + Conversions.describe(src));
  }

  /** {@code coll[key]} as HCL indexes lists, tuples, maps and objects. */
  public static Value index(Value src, Value key, Location where) {
    if (src instanceof Value.Seq s) {
      if (s.set()) {
        throw new EvalError(where, "hcl-type", "elements of a set cannot be indexed");
      }
      int i;
      try {
        i = Conversions.toNum(key).intValueExact();
      } catch (EvalError | ArithmeticException err) {
        throw new EvalError(where, "hcl-type", "a list index must be a whole number");
      }
      if (i < 0 || i >= s.items().size()) {
        throw new EvalError(
            where,
            "hcl-index",
            "index " + i + " is out of range for a list of " + s.items().size());
      }
      return s.items().get(i);
    }
    if (src instanceof Value.Obj o) {
      String k = convert(() -> Conversions.toStr(key), where);
      Value v = o.entries().get(k);
      if (v == null) {
        throw new EvalError(where, "hcl-index", "the given key \"" + k + "\" does not exist");
      }
      return v;
    }
    if (src.isNull()) {
      throw new EvalError(where, "hcl-type", "cannot index a null value");
    }
    throw new EvalError(where, "hcl-type", "cannot index " + Conversions.describe(src));
  }

  private Value binary(Binary b, EvalContext ctx) {
    String op = b.op();
    if (op.equals("&&") || op.equals("||")) {
      Value l = evaluate(b.left(), ctx);
      Value r = evaluate(b.right(), ctx);
      boolean lv = convert(() -> Conversions.toBool(l), b.left().location());
      boolean rv = convert(() -> Conversions.toBool(r), b.right().location());
      return Value.bool(op.equals("&&") ? lv && rv : lv || rv);
    }
    Value l = evaluate(b.left(), ctx);
    Value r = evaluate(b.right(), ctx);
    if (op.equals("==")) {
      return Value.bool(Conversions.equal(l, r));
    }
    if (op.equals("!=")) {
      return Value.bool(!Conversions.equal(l, r));
    }
    BigDecimal x = convert(() -> Conversions.toNum(l), b.left().location());
    BigDecimal y = convert(() -> Conversions.toNum(r), b.right().location());
    checkRange(Value.num(x), b.left().location());
    checkRange(Value.num(y), b.right().location());
    try {
      return arithmetic(b, op, x, y);
    } catch (ArithmeticException e) {
      throw new EvalError(b.location(), "hcl-arithmetic", "number out of range: " + e.getMessage());
    }
  }

  /**
   * Refuses numbers past {@link Value#outOfRange} anywhere in {@code v} before arithmetic or a
   * function works on them: a diagnostic instead of a billion-digit integer.
   */
  private static void checkRange(Value v, Location where) {
    if (v instanceof Value.Num n && Value.outOfRange(n.value())) {
      throw new EvalError(
          where,
          "hcl-arithmetic",
          "number out of range: more than " + Value.MAX_PLAIN_DIGITS + " digits");
    } else if (v instanceof Value.Seq s) {
      s.items().forEach(x -> checkRange(x, where));
    } else if (v instanceof Value.Obj o) {
      o.entries().values().forEach(x -> checkRange(x, where));
    }
  }

  private Value arithmetic(Binary b, String op, BigDecimal x, BigDecimal y) {
    return switch (op) {
      case "+" -> Value.num(x.add(y));
      case "-" -> Value.num(x.subtract(y));
      case "*" -> Value.num(x.multiply(y));
      case "/" -> {
        if (y.signum() == 0) {
          throw new EvalError(b.right().location(), "hcl-arithmetic", "division by zero");
        }
        yield Value.num(x.divide(y, MathContext.DECIMAL128).stripTrailingZeros());
      }
      case "%" -> {
        if (y.signum() == 0) {
          throw new EvalError(b.right().location(), "hcl-arithmetic", "modulo by zero");
        }
        yield Value.num(x.remainder(y));
      }
      case "<" -> Value.bool(x.compareTo(y) < 0);
      case "<=" -> Value.bool(x.compareTo(y) <= 0);
      case ">" -> Value.bool(x.compareTo(y) > 0);
      case ">=" -> Value.bool(x.compareTo(y) >= 0);
      default -> throw new IllegalStateException("operator " + op);
    };
  }

  private Value call(Call c, EvalContext ctx) {
    switch (c.name()) {
      case "try":
        return tryCall(c, ctx);
      case "can":
        if (c.args().size() == 1) {
          try {
            evaluate(c.args().get(0), ctx);
            return Value.TRUE;
          } catch (EvalError err) {
            if (err.code().equals("hcl-too-deep") || err.code().equals("hcl-budget")) {
              throw err;
            }
            return Value.FALSE;
          }
        }
        break;
      case "convert":
        if (c.args().size() == 2 && ctx.function("convert").isEmpty()) {
          TypeConstraint t = TypeConstraint.parse(c.args().get(1));
          Value v = evaluate(c.args().get(0), ctx);
          return convert(() -> t.convert(v), c.location());
        }
        break;
      default:
        break;
    }
    HclFunction f =
        ctx.function(c.name())
            .orElseThrow(
                () ->
                    new EvalError(
                        c.location(),
                        "hcl-unknown-function",
                        "there is no function named \"" + c.name() + "\""));
    List<Value> args = new ArrayList<>();
    for (int i = 0; i < c.args().size(); i++) {
      Value v = evaluate(c.args().get(i), ctx);
      if (c.expandFinal() && i == c.args().size() - 1) {
        if (!(v instanceof Value.Seq s)) {
          throw new EvalError(
              c.args().get(i).location(),
              "hcl-type",
              "'...' needs a list or tuple, got " + Conversions.describe(v));
        }
        args.addAll(s.items());
      } else {
        args.add(v);
      }
    }
    if (args.size() < f.minArgs() || (f.maxArgs() >= 0 && args.size() > f.maxArgs())) {
      String want =
          f.maxArgs() < 0
              ? "at least " + f.minArgs()
              : f.minArgs() == f.maxArgs()
                  ? String.valueOf(f.minArgs())
                  : f.minArgs() + " to " + f.maxArgs();
      throw new EvalError(
          c.location(),
          "hcl-argument-count",
          "function \""
              + c.name()
              + "\" takes "
              + want
              + " argument"
              + (want.equals("1") ? "" : "s")
              + ", got "
              + args.size());
    }
    for (int i = 0; i < args.size(); i++) {
      checkRange(args.get(i), c.args().get(Math.min(i, c.args().size() - 1)).location());
    }
    if (++depth > MAX_DEPTH) {
      depth--;
      throw new EvalError(
          c.location(),
          "hcl-too-deep",
          "function calls nested more than " + MAX_DEPTH + " levels deep");
    }
    try {
      Value result = f.body().call(args, this);
      if (result instanceof Value.Str str) {
        checkLength(str.value().length(), c.location());
      }
      return result;
    } catch (EvalError err) {
      if (err.location() == null) {
        throw new EvalError(c.location(), err.code(), "in " + c.name() + "(): " + err.getMessage());
      }
      throw err;
    } catch (RuntimeException bug) {
      throw new EvalError(c.location(), "hcl-function", "in " + c.name() + "(): " + bug);
    } finally {
      depth--;
    }
  }

  private Value tryCall(Call c, EvalContext ctx) {
    EvalError last = null;
    for (Expression arg : c.args()) {
      try {
        return evaluate(arg, ctx);
      } catch (EvalError err) {
        if (err.code().equals("hcl-too-deep") || err.code().equals("hcl-budget")) {
          throw err;
        }
        last = err;
      }
    }
    if (last == null) {
      throw new EvalError(c.location(), "hcl-argument-count", "try() needs at least one argument");
    }
    throw new EvalError(
        c.location(),
        "hcl-function",
        "no expression given to try() could be evaluated: " + last.getMessage());
  }
}
