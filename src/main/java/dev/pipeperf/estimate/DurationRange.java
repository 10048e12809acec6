package dev.pipeperf.estimate;

import java.util.Locale;

/**
 * A duration that pipeperf can only know as a range, in seconds: {@code low} is the optimistic
 * figure (p50 when observed), {@code high} the pessimistic one (p90 when observed).
 */
public record DurationRange(double low, double high) {

  public static final DurationRange ZERO = new DurationRange(0, 0);

  public DurationRange {
    if (Double.isNaN(low) || Double.isNaN(high) || low < 0 || high < low) {
      throw new IllegalArgumentException("not a duration range: [" + low + ", " + high + "]");
    }
  }

  public static DurationRange ofSeconds(double low, double high) {
    return new DurationRange(low, high);
  }

  public static DurationRange ofSeconds(double exact) {
    return new DurationRange(exact, exact);
  }

  public static DurationRange ofMinutes(double low, double high) {
    return new DurationRange(low * 60, high * 60);
  }

  public DurationRange plus(DurationRange other) {
    return new DurationRange(low + other.low, high + other.high);
  }

  /** The larger of two ranges, bound by bound (the finish of two things that run in parallel). */
  public DurationRange max(DurationRange other) {
    return new DurationRange(Math.max(low, other.low), Math.max(high, other.high));
  }

  /** This minus other, bound by bound, never below zero (what a change saves). */
  public DurationRange minusClamped(DurationRange other) {
    double l = Math.max(0, low - other.low);
    double h = Math.max(0, high - other.high);
    return new DurationRange(Math.min(l, h), Math.max(l, h));
  }

  public DurationRange times(double factor) {
    return new DurationRange(low * factor, high * factor);
  }

  public double mid() {
    return (low + high) / 2;
  }

  public boolean isZero() {
    return high == 0;
  }

  /** {@code 5m}, {@code 4m30s}, {@code 2–3m}: short, human, rounded to the second. */
  public String format() {
    String l = formatSeconds(low);
    String h = formatSeconds(high);
    return l.equals(h) ? l : l + "–" + h;
  }

  /** Minutes with one decimal where needed, for tables: {@code 21}, {@code 20.5–23}. */
  public String formatMinutes() {
    String l = minutes(low);
    String h = minutes(high);
    return l.equals(h) ? l + " min" : l + "–" + h + " min";
  }

  private static String minutes(double seconds) {
    double m = Math.round(seconds / 6.0) / 10.0;
    return m == Math.rint(m) ? String.valueOf((long) m) : String.format(Locale.ROOT, "%.1f", m);
  }

  /** {@code 45s}, {@code 5m}, {@code 1h02m}. */
  public static String formatSeconds(double seconds) {
    long s = Math.round(seconds);
    if (s < 60) {
      return s + "s";
    }
    long m = s / 60;
    long rest = s % 60;
    if (m < 60) {
      return rest == 0 ? m + "m" : m + "m" + String.format(Locale.ROOT, "%02ds", rest);
    }
    return (m / 60) + "h" + String.format(Locale.ROOT, "%02dm", m % 60);
  }

  @Override
  public String toString() {
    return format();
  }
}
