package dev.pipeperf.bake.hcl;

import dev.pipeperf.source.Location;
import java.util.List;

/** An HCL native-syntax expression; every node knows where it starts. */
public sealed interface Expression {

  Location location();

  /** A literal number, bool, null or a template with no sequences. */
  record Literal(Value value, Location location) implements Expression {}

  /** A template: literal parts and interpolations joined into a string. */
  record Template(List<Expression> parts, Location location) implements Expression {}

  /** A template that is a single interpolation: yields the inner value unconverted. */
  record TemplateWrap(Expression inner, Location location) implements Expression {}

  /** {@code %{if}} directive: picks one of two templates. */
  record TemplateIf(Expression condition, Expression then, Expression otherwise, Location location)
      implements Expression {}

  /** {@code %{for}} directive: renders the body template for each element and joins them. */
  record TemplateFor(
      String keyVar, String valueVar, Expression collection, Expression body, Location location)
      implements Expression {}

  /** {@code [a, b]}. */
  record Tuple(List<Expression> items, Location location) implements Expression {}

  /** {@code {k = v}}. */
  record ObjectCons(List<ObjectItem> items, Location location) implements Expression {}

  /** One item of an object constructor; a bare identifier key is a literal string. */
  record ObjectItem(Expression key, Expression value) {}

  /** A variable by name: the root of a traversal. */
  record Variable(String name, Location location) implements Expression {}

  /** {@code source.name}. */
  record GetAttr(Expression source, String name, Location location) implements Expression {}

  /** {@code source[key]} (and the legacy {@code source.0}). */
  record Index(Expression source, Expression key, Location location) implements Expression {}

  /** {@code source.*.rest} or {@code source[*].rest}: {@code each} applies to every element. */
  record Splat(Expression source, Expression each, Location location) implements Expression {}

  /** The element placeholder inside a {@link Splat}'s {@code each}. */
  record SplatItem(Location location) implements Expression {}

  /** {@code name(args...)}, with {@code expandFinal} when the last argument ends in {@code ...}. */
  record Call(String name, List<Expression> args, boolean expandFinal, Location location)
      implements Expression {}

  /** {@code !x}, {@code -x}. */
  record Unary(String op, Expression operand, Location location) implements Expression {}

  /** {@code a op b}. */
  record Binary(String op, Expression left, Expression right, Location location)
      implements Expression {}

  /** {@code c ? a : b}. */
  record Conditional(Expression condition, Expression then, Expression otherwise, Location location)
      implements Expression {}

  /** {@code (x)}: kept so an object key in parentheses is evaluated, not taken literally. */
  record Parens(Expression inner, Location location) implements Expression {}

  /**
   * {@code [for k, v in coll : value if cond]} or {@code {for k, v in coll : key => value... if
   * cond}}; {@code keyExpr} is null for the tuple form.
   */
  record For(
      String keyVar,
      String valueVar,
      Expression collection,
      Expression keyExpr,
      Expression valueExpr,
      Expression condition,
      boolean grouping,
      Location location)
      implements Expression {}
}
