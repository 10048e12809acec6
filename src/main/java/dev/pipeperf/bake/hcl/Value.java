package dev.pipeperf.bake.hcl;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An HCL value, as cty models it for the parts bake uses: strings, arbitrary-precision numbers,
 * bools, null, sequences (tuple, list and set share one representation) and key-value collections
 * (object and map share one; keys iterate in lexical order, as cty's do).
 */
public sealed interface Value
    permits Value.Str, Value.Num, Value.Bool, Value.Null, Value.Seq, Value.Obj {

  /** A string. */
  record Str(String value) implements Value {}

  /** A number; cty numbers are arbitrary precision. */
  record Num(BigDecimal value) implements Value {}

  /** A bool. */
  record Bool(boolean value) implements Value {}

  /** Null, of no particular type. */
  record Null() implements Value {}

  /** A tuple, list or set ({@code set} says which kind produced it, for conversions). */
  record Seq(List<Value> items, boolean set) implements Value {
    public Seq {
      items = Collections.unmodifiableList(new ArrayList<>(items));
    }
  }

  /** An object or map; keys sorted. */
  record Obj(SortedMap<String, Value> entries) implements Value {
    public Obj {
      entries = Collections.unmodifiableSortedMap(new TreeMap<>(entries));
    }
  }

  Value NULL = new Null();
  Value TRUE = new Bool(true);
  Value FALSE = new Bool(false);

  static Value str(String s) {
    return new Str(s);
  }

  static Value num(BigDecimal n) {
    return new Num(n);
  }

  static Value num(long n) {
    return new Num(BigDecimal.valueOf(n));
  }

  static Value bool(boolean b) {
    return b ? TRUE : FALSE;
  }

  static Value tuple(List<Value> items) {
    return new Seq(items, false);
  }

  static Value object(Map<String, Value> entries) {
    return new Obj(new TreeMap<>(entries));
  }

  default boolean isNull() {
    return this instanceof Null;
  }

  /** The cty type name used in messages. */
  default String typeName() {
    if (this instanceof Str) {
      return "string";
    }
    if (this instanceof Num) {
      return "number";
    }
    if (this instanceof Bool) {
      return "bool";
    }
    if (this instanceof Null) {
      return "null";
    }
    if (this instanceof Seq s) {
      return s.set() ? "set" : "tuple";
    }
    return "object";
  }

  /** Digits beyond which a number is written in scientific notation rather than in full. */
  static final int MAX_PLAIN_DIGITS = 1000;

  /**
   * True for a number too long or too far from 1 for arithmetic and functions to work on in bounded
   * time and memory ({@code 1e999999999 % 7} would build a billion-digit integer). cty keeps 512
   * bits of mantissa; no bake file needs numbers past a thousand digits.
   */
  static boolean outOfRange(BigDecimal n) {
    // The scale counts even for zero: 1 + 0e-999999999 aligns to a billion-digit integer.
    return n.precision() > MAX_PLAIN_DIGITS
        || Math.abs((long) n.scale()) > MAX_PLAIN_DIGITS
        || Math.abs((long) n.precision() - n.scale()) > MAX_PLAIN_DIGITS;
  }

  /**
   * Formats a number as cty does when converting it to a string; a number whose plain form would
   * run past {@link #MAX_PLAIN_DIGITS} digits ({@code 1e999999999}) is written as {@code
   * 1E+999999999} instead of filling the heap.
   */
  static String formatNumber(BigDecimal n) {
    if (n.signum() == 0) {
      return "0";
    }
    BigDecimal stripped = n.stripTrailingZeros();
    if (Math.abs((long) stripped.precision() - stripped.scale()) > MAX_PLAIN_DIGITS
        || Math.abs((long) stripped.scale()) > MAX_PLAIN_DIGITS) {
      return stripped.toString();
    }
    return stripped.toPlainString();
  }
}
