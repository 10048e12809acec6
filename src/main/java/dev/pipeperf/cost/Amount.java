package dev.pipeperf.cost;

import java.util.Locale;

/**
 * A quantity known only as a range (dollars, hours, minutes): {@code low} goes with the optimistic
 * duration bound, {@code high} with the pessimistic one.
 */
public record Amount(double low, double high) {

  public static final Amount ZERO = new Amount(0, 0);

  public Amount {
    if (Double.isNaN(low) || Double.isNaN(high) || high < low) {
      throw new IllegalArgumentException("not a range: [" + low + ", " + high + "]");
    }
  }

  public static Amount of(double exact) {
    return new Amount(exact, exact);
  }

  public static Amount of(double low, double high) {
    return new Amount(low, high);
  }

  public Amount plus(Amount other) {
    return new Amount(low + other.low, high + other.high);
  }

  public Amount times(double factor) {
    return factor >= 0
        ? new Amount(low * factor, high * factor)
        : new Amount(high * factor, low * factor);
  }

  /** This minus other, bound by bound, never below zero, low ≤ high (what a change saves). */
  public Amount minusClamped(Amount other) {
    double l = Math.max(0, low - other.low);
    double h = Math.max(0, high - other.high);
    return new Amount(Math.min(l, h), Math.max(l, h));
  }

  /**
   * This minus other, bound by bound, sorted so low ≤ high; may be negative (a change that costs
   * more than it saves, such as splitting a job).
   */
  public Amount minusSigned(Amount other) {
    double l = low - other.low;
    double h = high - other.high;
    return new Amount(Math.min(l, h), Math.max(l, h));
  }

  /** {@code $12.34} or {@code $12.34–$15.00}. */
  public String formatDollars() {
    String l = dollars(low);
    String h = dollars(high);
    return l.equals(h) ? l : l + "–" + h;
  }

  /** {@code $1,234.50}; a negative amount as {@code −$0.40}, never {@code $-0.00}. */
  private static String dollars(double v) {
    double cents = Math.round(v * 100) / 100.0;
    if (cents == 0) {
      return "$0.00";
    }
    String abs = String.format(Locale.ROOT, "$%,.2f", Math.abs(cents));
    return cents < 0 ? "−" + abs : abs;
  }

  /** {@code 12.5} or {@code 12.5–15}, one decimal where needed. */
  public String format() {
    String l = number(low);
    String h = number(high);
    return l.equals(h) ? l : l + "–" + h;
  }

  private static String number(double value) {
    double r = Math.round(value * 10) / 10.0;
    return r == Math.rint(r) ? String.valueOf((long) r) : String.format(Locale.ROOT, "%.1f", r);
  }

  @Override
  public String toString() {
    return format();
  }
}
