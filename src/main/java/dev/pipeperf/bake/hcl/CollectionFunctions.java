package dev.pipeperf.bake.hcl;

import static dev.pipeperf.bake.hcl.Conversions.toInt;
import static dev.pipeperf.bake.hcl.Conversions.toList;
import static dev.pipeperf.bake.hcl.Conversions.toMap;
import static dev.pipeperf.bake.hcl.Conversions.toNum;
import static dev.pipeperf.bake.hcl.Conversions.toStr;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Lists, maps, sets and sequences (go-cty's {@code collection.go}, {@code set.go}, {@code
 * sequence.go}).
 */
final class CollectionFunctions extends FunctionFamily {

  CollectionFunctions(Map<String, HclFunction> functions) {
    super(functions);
  }

  @Override
  void register() {
    collections();
  }

  private void collections() {
    fixed(
        "length",
        1,
        (a, e) -> {
          Value v = a.get(0);
          if (v instanceof Value.Seq seq) {
            return Value.num(seq.items().size());
          }
          if (v instanceof Value.Obj o) {
            return Value.num(o.entries().size());
          }
          return Value.num(s(a, 0).codePointCount(0, s(a, 0).length()));
        });
    variadic(
        "concat",
        1,
        (a, e) -> {
          List<Value> out = new ArrayList<>();
          for (Value v : a) {
            out.addAll(toList(v));
          }
          e.charge(out.size());
          return Value.tuple(out);
        });
    fixed(
        "contains",
        2,
        (a, e) ->
            Value.bool(toList(a.get(0)).stream().anyMatch(v -> Conversions.equal(v, a.get(1)))));
    fixed(
        "sethaselement",
        2,
        (a, e) ->
            Value.bool(toList(a.get(0)).stream().anyMatch(v -> Conversions.equal(v, a.get(1)))));
    fixed(
        "compact",
        1,
        (a, e) ->
            Value.tuple(
                toList(a.get(0)).stream()
                    .filter(v -> !v.isNull() && !(v instanceof Value.Str s && s.value().isEmpty()))
                    .toList()));
    fixed("distinct", 1, (a, e) -> Value.tuple(distinct(toList(a.get(0)))));
    fixed(
        "element",
        2,
        (a, e) -> {
          List<Value> l = toList(a.get(0));
          if (l.isEmpty()) {
            throw EvalError.of("cannot use element() on an empty list");
          }
          int i = toInt(a.get(1));
          if (i < 0) {
            throw EvalError.of("index must not be negative");
          }
          return l.get(i % l.size());
        });
    fixed(
        "index",
        2,
        (a, e) -> {
          try {
            return Evaluator.index(a.get(0), a.get(1), null);
          } catch (EvalError err) {
            throw EvalError.of(err.getMessage());
          }
        });
    fixed(
        "indexof",
        2,
        (a, e) -> {
          List<Value> l = toList(a.get(0));
          for (int i = 0; i < l.size(); i++) {
            if (Conversions.equal(l.get(i), a.get(1))) {
              return Value.num(i);
            }
          }
          throw EvalError.of("item not found");
        });
    fixed(
        "hasindex",
        2,
        (a, e) -> {
          try {
            Evaluator.index(a.get(0), a.get(1), null);
            return Value.TRUE;
          } catch (EvalError err) {
            return Value.FALSE;
          }
        });
    fixed("flatten", 1, (a, e) -> Value.tuple(flatten(toList(a.get(0)), 0)));
    fixed(
        "chunklist",
        2,
        (a, e) -> {
          List<Value> l = toList(a.get(0));
          int size = toInt(a.get(1));
          if (size < 0) {
            throw EvalError.of("the chunk size must not be negative");
          }
          List<Value> out = new ArrayList<>();
          if (size == 0) {
            return Value.tuple(List.of(Value.tuple(l)));
          }
          for (int i = 0; i < l.size(); i += size) {
            out.add(Value.tuple(l.subList(i, Math.min(l.size(), i + size))));
          }
          return Value.tuple(out);
        });
    variadic(
        "coalescelist",
        1,
        (a, e) -> {
          for (Value v : a) {
            if (v instanceof Value.Seq seq && !seq.items().isEmpty()) {
              return v;
            }
          }
          throw EvalError.of("no non-empty list arguments");
        });
    fixed(
        "keys",
        1,
        (a, e) -> Value.tuple(toMap(a.get(0)).keySet().stream().map(Value::str).toList()));
    fixed("values", 1, (a, e) -> Value.tuple(List.copyOf(toMap(a.get(0)).values())));
    range(
        "lookup",
        2,
        3,
        (a, e) -> {
          Value v = toMap(a.get(0)).get(s(a, 1));
          if (v != null) {
            return v;
          }
          if (a.size() == 3) {
            return a.get(2);
          }
          throw EvalError.of("the given key \"" + s(a, 1) + "\" does not exist");
        });
    variadic(
        "merge",
        0,
        (a, e) -> {
          Map<String, Value> out = new TreeMap<>();
          for (Value v : a) {
            if (!v.isNull()) {
              out.putAll(toMap(v));
            }
          }
          return Value.object(out);
        });
    range(
        "range",
        1,
        3,
        (a, e) -> {
          BigDecimal start = a.size() == 1 ? BigDecimal.ZERO : n(a, 0);
          BigDecimal end = a.size() == 1 ? n(a, 0) : n(a, 1);
          BigDecimal step =
              a.size() == 3 ? n(a, 2) : BigDecimal.valueOf(start.compareTo(end) <= 0 ? 1 : -1);
          if (step.signum() == 0) {
            throw EvalError.of("step must not be zero");
          }
          List<Value> out = new ArrayList<>();
          for (BigDecimal x = start;
              step.signum() > 0 ? x.compareTo(end) < 0 : x.compareTo(end) > 0;
              x = x.add(step)) {
            if (out.size() >= 1024) {
              throw EvalError.of("more than 1024 values were generated; use a larger step");
            }
            out.add(Value.num(x));
          }
          return Value.tuple(out);
        });
    fixed(
        "reverselist",
        1,
        (a, e) -> {
          List<Value> l = new ArrayList<>(toList(a.get(0)));
          Collections.reverse(l);
          return Value.tuple(l);
        });
    fixed(
        "slice",
        3,
        (a, e) -> {
          List<Value> l = toList(a.get(0));
          int from = toInt(a.get(1));
          int to = toInt(a.get(2));
          if (from < 0 || to > l.size() || from > to) {
            throw EvalError.of("slice indices out of range");
          }
          return Value.tuple(l.subList(from, to));
        });
    fixed(
        "sort",
        1,
        (a, e) -> {
          List<String> l = new ArrayList<>();
          for (Value v : toList(a.get(0))) {
            l.add(toStr(v));
          }
          Collections.sort(l);
          return Value.tuple(l.stream().map(Value::str).toList());
        });
    fixed(
        "zipmap",
        2,
        (a, e) -> {
          List<Value> k = toList(a.get(0));
          List<Value> v = toList(a.get(1));
          if (k.size() != v.size()) {
            throw EvalError.of("the number of keys and values must be equal");
          }
          Map<String, Value> out = new TreeMap<>();
          for (int i = 0; i < k.size(); i++) {
            out.put(toStr(k.get(i)), v.get(i));
          }
          return Value.object(out);
        });
    variadic(
        "setunion",
        1,
        (a, e) -> {
          List<Value> out = new ArrayList<>();
          for (Value v : a) {
            out.addAll(toList(v));
          }
          return set(distinct(out));
        });
    variadic(
        "setintersection",
        1,
        (a, e) -> {
          List<Value> out = new ArrayList<>(distinct(toList(a.get(0))));
          for (Value v : a.subList(1, a.size())) {
            List<Value> other = toList(v);
            out.removeIf(x -> other.stream().noneMatch(y -> Conversions.equal(x, y)));
          }
          return set(out);
        });
    fixed(
        "setsubtract",
        2,
        (a, e) -> {
          List<Value> out = new ArrayList<>(distinct(toList(a.get(0))));
          List<Value> other = toList(a.get(1));
          out.removeIf(x -> other.stream().anyMatch(y -> Conversions.equal(x, y)));
          return set(out);
        });
    variadic(
        "setsymmetricdifference",
        1,
        (a, e) -> {
          List<Value> out = new ArrayList<>();
          for (Value v : a) {
            for (Value x : distinct(toList(v))) {
              boolean had = out.removeIf(y -> Conversions.equal(x, y));
              if (!had) {
                out.add(x);
              }
            }
          }
          return set(out);
        });
    variadic(
        "setproduct",
        1,
        (a, e) -> {
          List<List<Value>> acc = new ArrayList<>();
          acc.add(List.of());
          for (Value v : a) {
            List<List<Value>> next = new ArrayList<>();
            for (List<Value> prefix : acc) {
              for (Value x : toList(v)) {
                List<Value> p = new ArrayList<>(prefix);
                p.add(x);
                next.add(p);
                e.charge(p.size());
              }
            }
            acc = next;
          }
          return Value.tuple(acc.stream().map(Value::tuple).toList());
        });
  }

  private static Value set(List<Value> items) {
    List<Value> sorted = new ArrayList<>(items);
    if (sorted.stream().allMatch(v -> v instanceof Value.Str)) {
      sorted.sort((x, y) -> toStr(x).compareTo(toStr(y)));
    } else if (sorted.stream().allMatch(v -> v instanceof Value.Num)) {
      sorted.sort((x, y) -> toNum(x).compareTo(toNum(y)));
    }
    return new Value.Seq(sorted, true);
  }

  private static List<Value> distinct(List<Value> l) {
    List<Value> out = new ArrayList<>();
    for (Value v : l) {
      if (out.stream().noneMatch(x -> Conversions.equal(x, v))) {
        out.add(v);
      }
    }
    return out;
  }

  private static List<Value> flatten(List<Value> l, int depth) {
    if (depth > 100) {
      throw EvalError.of("lists nested too deeply to flatten");
    }
    List<Value> out = new ArrayList<>();
    for (Value v : l) {
      if (v instanceof Value.Seq seq) {
        out.addAll(flatten(seq.items(), depth + 1));
      } else {
        out.add(v);
      }
    }
    return out;
  }
}
