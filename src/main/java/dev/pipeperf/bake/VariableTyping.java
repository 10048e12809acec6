package dev.pipeperf.bake;

import dev.pipeperf.bake.hcl.Conversions;
import dev.pipeperf.bake.hcl.EvalError;
import dev.pipeperf.bake.hcl.Expression;
import dev.pipeperf.bake.hcl.Parser;
import dev.pipeperf.bake.hcl.TypeConstraint;
import dev.pipeperf.bake.hcl.Value;
import dev.pipeperf.source.Location;
import dev.pipeperf.source.ParseResult;
import dev.pipeperf.source.SourceFile;
import java.util.ArrayList;
import java.util.List;

/**
 * How buildx types a variable's value from the environment: by the variable's {@code type} when it
 * has one (lists of primitives as CSV, anything else only as JSON in {@code NAME_JSON}), else by
 * the type of its default (string, bool as Go's ParseBool reads it, number).
 */
final class VariableTyping {

  private VariableTyping() {}

  /** The {@code type} attribute's constraint; JSON syntax writes it as a string. */
  static TypeConstraint typeOf(Expression e) {
    if (e instanceof Expression.Literal l
        && l.value() instanceof Value.Str s
        && l.location().file().endsWith(".json")) {
      // JSON syntax writes types as strings.
      ParseResult<Expression> p =
          Parser.parseExpression(SourceFile.of(l.location().file(), s.value()));
      if (p.hasModel()) {
        return TypeConstraint.parse(p.model());
      }
    }
    return TypeConstraint.parse(e);
  }

  /** The value of an environment override, typed as buildx types it. */
  static Value fromEnvironment(
      String name, String raw, TypeConstraint type, Value current, Location where) {
    try {
      if (type == null) {
        if (current.isNull() || current instanceof Value.Str) {
          return Value.str(raw);
        }
        if (current instanceof Value.Bool) {
          return Value.bool(goParseBool(raw));
        }
        if (current instanceof Value.Num) {
          return Value.num(Conversions.toNum(Value.str(raw)));
        }
        throw EvalError.of(
            "unsupported type "
                + current.typeName()
                + " for variable "
                + name
                + " set from the environment");
      }
      if (type instanceof TypeConstraint.Primitive p) {
        return switch (p.name()) {
          case "bool" -> Value.bool(goParseBool(raw));
          case "number" -> Value.num(Conversions.toNum(Value.str(raw)));
          default -> Value.str(raw);
        };
      }
      if (type instanceof TypeConstraint.ListOf l
          && l.element() instanceof TypeConstraint.Primitive) {
        List<Value> items = new ArrayList<>();
        if (!raw.isEmpty()) {
          for (String f : OptionEntry.csvFields(raw)) {
            items.add(l.element().convert(Value.str(f.trim())));
          }
        }
        return new Value.Seq(items, l.set());
      }
      throw EvalError.of(
          "variable "
              + name
              + " of type "
              + type.display()
              + " can only be set from the environment as JSON, in "
              + name
              + "_JSON");
    } catch (EvalError e) {
      throw new EvalError(
          where,
          "bake-variable-env",
          "environment variable " + name + "=" + raw + ": " + e.getMessage());
    }
  }

  static boolean goParseBool(String s) {
    return switch (s) {
      case "1", "t", "T", "TRUE", "true", "True" -> true;
      case "0", "f", "F", "FALSE", "false", "False" -> false;
      default -> throw EvalError.of("\"" + s + "\" is not a bool");
    };
  }
}
