package dev.pipeperf.bake.hcl;

import dev.pipeperf.bake.hcl.Expression.Call;
import dev.pipeperf.bake.hcl.Expression.Literal;
import dev.pipeperf.bake.hcl.Expression.ObjectCons;
import dev.pipeperf.bake.hcl.Expression.ObjectItem;
import dev.pipeperf.bake.hcl.Expression.Tuple;
import dev.pipeperf.bake.hcl.Expression.Variable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A type as written in a {@code type =} attribute or {@code convert()} ({@code string}, {@code
 * list(number)}, {@code object({a = string})}...), and the conversion of values to it as cty does.
 */
public sealed interface TypeConstraint {

  /** {@code string}, {@code number}, {@code bool} or {@code any}. */
  record Primitive(String name) implements TypeConstraint {}

  /** {@code list(T)} or {@code set(T)}. */
  record ListOf(TypeConstraint element, boolean set) implements TypeConstraint {}

  /** {@code map(T)}. */
  record MapOf(TypeConstraint element) implements TypeConstraint {}

  /** {@code tuple([T, U])}. */
  record TupleOf(List<TypeConstraint> elements) implements TypeConstraint {}

  /** {@code object({a = T})}; {@code optional} holds attributes declared {@code optional(T)}. */
  record ObjectOf(Map<String, TypeConstraint> attributes, Set<String> optional)
      implements TypeConstraint {}

  TypeConstraint STRING = new Primitive("string");
  TypeConstraint NUMBER = new Primitive("number");
  TypeConstraint BOOL = new Primitive("bool");
  TypeConstraint ANY = new Primitive("any");

  /** Reads a type expression; throws {@link EvalError} when it is not one. */
  static TypeConstraint parse(Expression e) {
    if (e instanceof Variable v) {
      switch (v.name()) {
        case "string":
          return STRING;
        case "number":
          return NUMBER;
        case "bool":
          return BOOL;
        case "any":
          return ANY;
        default:
          break;
      }
    }
    if (e instanceof Call c && c.args().size() == 1) {
      Expression arg = c.args().get(0);
      switch (c.name()) {
        case "list":
          return new ListOf(parse(arg), false);
        case "set":
          return new ListOf(parse(arg), true);
        case "map":
          return new MapOf(parse(arg));
        case "optional":
          return parse(arg);
        case "tuple":
          if (arg instanceof Tuple t) {
            List<TypeConstraint> el = new ArrayList<>();
            for (Expression x : t.items()) {
              el.add(parse(x));
            }
            return new TupleOf(el);
          }
          break;
        case "object":
          if (arg instanceof ObjectCons o) {
            Map<String, TypeConstraint> attrs = new LinkedHashMap<>();
            Set<String> optional = new LinkedHashSet<>();
            for (ObjectItem item : o.items()) {
              if (!(item.key() instanceof Literal l && l.value() instanceof Value.Str s)) {
                throw new EvalError(
                    item.key().location(), "hcl-type", "object type keys must be names");
              }
              attrs.put(s.value(), parse(item.value()));
              if (item.value() instanceof Call oc && oc.name().equals("optional")) {
                optional.add(s.value());
              }
            }
            return new ObjectOf(attrs, optional);
          }
          break;
        default:
          break;
      }
    }
    throw new EvalError(
        e.location(),
        "hcl-type",
        "not a type: use string, number, bool, any, list(T), set(T), map(T), tuple([...]) or object({...})");
  }

  /** Converts {@code v} to this type; throws {@link EvalError#of} when cty would refuse. */
  default Value convert(Value v) {
    if (v.isNull()) {
      return v;
    }
    if (this instanceof Primitive p) {
      switch (p.name()) {
        case "string":
          return new Value.Str(Conversions.toStr(v));
        case "number":
          return new Value.Num(Conversions.toNum(v));
        case "bool":
          return Value.bool(Conversions.toBool(v));
        default:
          return v;
      }
    }
    if (this instanceof ListOf l) {
      if (!(v instanceof Value.Seq s)) {
        throw EvalError.of(Conversions.describe(v) + " cannot be converted to " + this.display());
      }
      List<Value> out = new ArrayList<>();
      for (Value item : s.items()) {
        Value c = l.element().convert(item);
        if (!l.set() || out.stream().noneMatch(x -> Conversions.equal(x, c))) {
          out.add(c);
        }
      }
      return new Value.Seq(out, l.set());
    }
    if (this instanceof TupleOf t) {
      if (!(v instanceof Value.Seq s) || s.items().size() != t.elements().size()) {
        throw EvalError.of(Conversions.describe(v) + " cannot be converted to " + this.display());
      }
      List<Value> out = new ArrayList<>();
      for (int i = 0; i < s.items().size(); i++) {
        out.add(t.elements().get(i).convert(s.items().get(i)));
      }
      return Value.tuple(out);
    }
    if (!(v instanceof Value.Obj o)) {
      throw EvalError.of(Conversions.describe(v) + " cannot be converted to " + this.display());
    }
    Map<String, Value> out = new TreeMap<>();
    if (this instanceof MapOf m) {
      o.entries().forEach((k, x) -> out.put(k, m.element().convert(x)));
      return new Value.Obj(new TreeMap<>(out));
    }
    ObjectOf ob = (ObjectOf) this;
    for (Map.Entry<String, TypeConstraint> a : ob.attributes().entrySet()) {
      Value x = o.entries().get(a.getKey());
      if (x == null) {
        if (!ob.optional().contains(a.getKey())) {
          throw EvalError.of("attribute \"" + a.getKey() + "\" is required");
        }
        x = Value.NULL;
      }
      out.put(a.getKey(), a.getValue().convert(x));
    }
    return new Value.Obj(new TreeMap<>(out));
  }

  /** The type as HCL writes it. */
  default String display() {
    if (this instanceof Primitive p) {
      return p.name();
    }
    if (this instanceof ListOf l) {
      return (l.set() ? "set(" : "list(") + l.element().display() + ")";
    }
    if (this instanceof MapOf m) {
      return "map(" + m.element().display() + ")";
    }
    if (this instanceof TupleOf t) {
      return "tuple(["
          + String.join(", ", t.elements().stream().map(TypeConstraint::display).toList())
          + "])";
    }
    ObjectOf o = (ObjectOf) this;
    List<String> parts = new ArrayList<>();
    o.attributes().forEach((k, t) -> parts.add(k + " = " + t.display()));
    return "object({" + String.join(", ", parts) + "})";
  }
}
