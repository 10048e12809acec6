package dev.pipeperf.bake.hcl;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The value conversions cty applies implicitly (number and bool to and from string), and equality.
 */
public final class Conversions {

  private Conversions() {}

  /** The string form of a primitive; collections and null cannot be strings. */
  public static String toStr(Value v) {
    if (v instanceof Value.Str s) {
      return s.value();
    }
    if (v instanceof Value.Num n) {
      return Value.formatNumber(n.value());
    }
    if (v instanceof Value.Bool b) {
      return Boolean.toString(b.value());
    }
    throw EvalError.of("cannot convert " + describe(v) + " to string");
  }

  public static BigDecimal toNum(Value v) {
    if (v instanceof Value.Num n) {
      return n.value();
    }
    if (v instanceof Value.Str s) {
      try {
        return new BigDecimal(s.value().trim());
      } catch (NumberFormatException e) {
        throw EvalError.of("a number is required, and \"" + s.value() + "\" is not one");
      }
    }
    throw EvalError.of("a number is required, got " + describe(v));
  }

  public static boolean toBool(Value v) {
    if (v instanceof Value.Bool b) {
      return b.value();
    }
    if (v instanceof Value.Str s) {
      if (s.value().equals("true")) {
        return true;
      }
      if (s.value().equals("false")) {
        return false;
      }
      throw EvalError.of("a bool is required, and \"" + s.value() + "\" is not one");
    }
    throw EvalError.of("a bool is required, got " + describe(v));
  }

  public static List<Value> toList(Value v) {
    if (v instanceof Value.Seq s) {
      return s.items();
    }
    throw EvalError.of("a list is required, got " + describe(v));
  }

  public static Map<String, Value> toMap(Value v) {
    if (v instanceof Value.Obj o) {
      return o.entries();
    }
    throw EvalError.of("a map or object is required, got " + describe(v));
  }

  public static int toInt(Value v) {
    BigDecimal n = toNum(v);
    try {
      return n.intValueExact();
    } catch (ArithmeticException e) {
      throw EvalError.of("a whole number is required, got " + Value.formatNumber(n));
    }
  }

  /** How a value is named in messages: its type, plus the value for primitives. */
  public static String describe(Value v) {
    if (v instanceof Value.Str s) {
      return "string \"" + s.value() + "\"";
    }
    if (v instanceof Value.Num n) {
      return "number " + Value.formatNumber(n.value());
    }
    if (v instanceof Value.Bool b) {
      return "bool " + b.value();
    }
    return v.typeName() + " value";
  }

  /** cty equality: same type and same value; numbers compare numerically. */
  public static boolean equal(Value a, Value b) {
    if (a instanceof Value.Num x && b instanceof Value.Num y) {
      return x.value().compareTo(y.value()) == 0;
    }
    if (a instanceof Value.Seq x && b instanceof Value.Seq y) {
      if (x.items().size() != y.items().size()) {
        return false;
      }
      for (int i = 0; i < x.items().size(); i++) {
        if (!equal(x.items().get(i), y.items().get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof Value.Obj x && b instanceof Value.Obj y) {
      if (!x.entries().keySet().equals(y.entries().keySet())) {
        return false;
      }
      Iterator<Value> i = x.entries().values().iterator();
      Iterator<Value> j = y.entries().values().iterator();
      while (i.hasNext()) {
        if (!equal(i.next(), j.next())) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }
}
