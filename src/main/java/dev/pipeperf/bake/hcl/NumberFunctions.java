package dev.pipeperf.bake.hcl;

import static dev.pipeperf.bake.hcl.Conversions.toBool;
import static dev.pipeperf.bake.hcl.Conversions.toInt;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Map;

/**
 * Numbers, and the logic and comparison functions (go-cty's {@code number.go} and {@code bool.go}).
 */
final class NumberFunctions extends FunctionFamily {

  NumberFunctions(Map<String, HclFunction> functions) {
    super(functions);
  }

  @Override
  void register() {
    numeric();
    logic();
  }

  private void numeric() {
    fixed("absolute", 1, (a, e) -> num(n(a, 0).abs()));
    fixed("add", 2, (a, e) -> num(n(a, 0).add(n(a, 1))));
    fixed("subtract", 2, (a, e) -> num(n(a, 0).subtract(n(a, 1))));
    fixed("multiply", 2, (a, e) -> num(n(a, 0).multiply(n(a, 1))));
    fixed(
        "divide",
        2,
        (a, e) -> {
          if (n(a, 1).signum() == 0) {
            throw EvalError.of("division by zero");
          }
          return num(n(a, 0).divide(n(a, 1), MathContext.DECIMAL128).stripTrailingZeros());
        });
    fixed(
        "modulo",
        2,
        (a, e) -> {
          if (n(a, 1).signum() == 0) {
            throw EvalError.of("modulo by zero");
          }
          return num(n(a, 0).remainder(n(a, 1)));
        });
    fixed("negate", 1, (a, e) -> num(n(a, 0).negate()));
    fixed("ceil", 1, (a, e) -> num(n(a, 0).setScale(0, RoundingMode.CEILING)));
    fixed("floor", 1, (a, e) -> num(n(a, 0).setScale(0, RoundingMode.FLOOR)));
    fixed("int", 1, (a, e) -> num(n(a, 0).setScale(0, RoundingMode.DOWN)));
    fixed("signum", 1, (a, e) -> Value.num(n(a, 0).signum()));
    fixed(
        "log",
        2,
        (a, e) ->
            num(
                BigDecimal.valueOf(
                        Math.log(n(a, 0).doubleValue()) / Math.log(n(a, 1).doubleValue()))
                    .round(new MathContext(15))
                    .stripTrailingZeros()));
    fixed(
        "pow",
        2,
        (a, e) -> {
          BigDecimal b = n(a, 0);
          BigDecimal x = n(a, 1);
          if (x.stripTrailingZeros().scale() <= 0
              && x.abs().compareTo(BigDecimal.valueOf(1000)) <= 0) {
            int k = x.intValue();
            return num(
                k >= 0 ? b.pow(k) : BigDecimal.ONE.divide(b.pow(-k), MathContext.DECIMAL128));
          }
          return num(BigDecimal.valueOf(Math.pow(b.doubleValue(), x.doubleValue())));
        });
    variadic(
        "max",
        1,
        (a, e) ->
            a.stream()
                .map(Conversions::toNum)
                .max(BigDecimal::compareTo)
                .map(Value::num)
                .orElseThrow());
    variadic(
        "min",
        1,
        (a, e) ->
            a.stream()
                .map(Conversions::toNum)
                .min(BigDecimal::compareTo)
                .map(Value::num)
                .orElseThrow());
    fixed(
        "parseint",
        2,
        (a, e) -> {
          int base = toInt(a.get(1));
          if (base < 2 || base > 62) {
            throw EvalError.of("base must be a whole number between 2 and 62");
          }
          try {
            return num(new BigDecimal(new BigInteger(s(a, 0), base)));
          } catch (NumberFormatException ex) {
            throw EvalError.of("cannot parse \"" + s(a, 0) + "\" as a base " + base + " integer");
          }
        });
  }

  private void logic() {
    fixed("and", 2, (a, e) -> Value.bool(toBool(a.get(0)) && toBool(a.get(1))));
    fixed("or", 2, (a, e) -> Value.bool(toBool(a.get(0)) || toBool(a.get(1))));
    fixed("not", 1, (a, e) -> Value.bool(!toBool(a.get(0))));
    fixed("equal", 2, (a, e) -> Value.bool(Conversions.equal(a.get(0), a.get(1))));
    fixed("notequal", 2, (a, e) -> Value.bool(!Conversions.equal(a.get(0), a.get(1))));
    fixed("greaterthan", 2, (a, e) -> Value.bool(n(a, 0).compareTo(n(a, 1)) > 0));
    fixed("greaterthanorequalto", 2, (a, e) -> Value.bool(n(a, 0).compareTo(n(a, 1)) >= 0));
    fixed("lessthan", 2, (a, e) -> Value.bool(n(a, 0).compareTo(n(a, 1)) < 0));
    fixed("lessthanorequalto", 2, (a, e) -> Value.bool(n(a, 0).compareTo(n(a, 1)) <= 0));
    variadic(
        "coalesce",
        1,
        (a, e) -> {
          for (Value v : a) {
            if (!v.isNull() && !(v instanceof Value.Str str && str.value().isEmpty())) {
              return v;
            }
          }
          throw EvalError.of("no non-null, non-empty-string arguments");
        });
  }
}
