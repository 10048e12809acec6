package dev.pipeperf.gate;

import dev.pipeperf.config.DurationValue;
import dev.pipeperf.estimate.DurationRange;
import dev.pipeperf.source.Severity;
import java.util.Locale;

/**
 * When the gate fails. A workflow fails it only when its growth passes both the relative limit and
 * the absolute floor: +10% of a one-minute workflow is six seconds, and one more short job is a
 * whole billed minute, neither worth failing a pull request over.
 *
 * @param maxIncrease how much a workflow's critical path or billable minutes may grow, as a
 *     fraction ({@code 0.1} for {@code 10%})
 * @param failOn the least severity of a new finding that fails the gate; null when new findings
 *     never fail it ({@code none})
 * @param minPathSeconds the least critical-path growth, in seconds, that can fail the gate
 * @param minBillableMinutes the least growth of billable minutes per run that can fail the gate
 */
public record Thresholds(
    double maxIncrease, Severity failOn, double minPathSeconds, double minBillableMinutes) {

  /** The defaults' floors: 1 minute of critical path, 5 billable minutes per run. */
  public static final double DEFAULT_MIN_PATH_SECONDS = 60;

  public static final double DEFAULT_MIN_BILLABLE_MINUTES = 5;

  /** Relative limit and severity with the default floors. */
  public static Thresholds parse(String maxIncrease, String failOn) {
    return new Thresholds(
        percent(maxIncrease),
        severity(failOn),
        DEFAULT_MIN_PATH_SECONDS,
        DEFAULT_MIN_BILLABLE_MINUTES);
  }

  /**
   * Parses what users write ({@code 10%}, {@code high}, {@code 1m}, {@code 5}); throws {@link
   * IllegalArgumentException} with a message in the user's terms.
   */
  public static Thresholds parse(
      String maxIncrease, String failOn, String minPathIncrease, String minBillableIncrease) {
    return new Thresholds(
        percent(maxIncrease),
        severity(failOn),
        pathFloor(minPathIncrease),
        billableFloor(minBillableIncrease));
  }

  /** The limit as users write it: {@code 10%}. */
  public String maxIncreaseText() {
    return percentText(maxIncrease);
  }

  /** The whole rule in one phrase, as the gate's header prints it. */
  public String describe() {
    return "max increase "
        + maxIncreaseText()
        + " and at least +"
        + DurationRange.formatSeconds(minPathSeconds)
        + " critical path or +"
        + number(minBillableMinutes)
        + " billable min/run"
        + ", fail on "
        + (failOn == null ? "none" : failOn.word());
  }

  static String percentText(double fraction) {
    double p = Math.round(fraction * 1000) / 10.0;
    return (p == Math.rint(p) ? String.valueOf((long) p) : String.valueOf(p)) + "%";
  }

  static String number(double v) {
    double r = Math.round(v * 10) / 10.0;
    return r == Math.rint(r) ? String.valueOf((long) r) : String.format(Locale.ROOT, "%.1f", r);
  }

  private static double percent(String text) {
    String t = text.strip();
    if (!t.endsWith("%")) {
      throw new IllegalArgumentException(
          "max increase '" + text + "' is not a percentage such as 10%");
    }
    try {
      double p = Double.parseDouble(t.substring(0, t.length() - 1).strip());
      if (p < 0 || Double.isNaN(p) || Double.isInfinite(p)) {
        throw new NumberFormatException();
      }
      return p / 100;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "max increase '" + text + "' is not a percentage such as 10%");
    }
  }

  private static double pathFloor(String text) {
    try {
      DurationValue d = DurationValue.parse(text.strip());
      if (d.lowSeconds() != d.highSeconds()) {
        throw new IllegalArgumentException("a range");
      }
      return d.lowSeconds();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "min critical path increase '" + text + "' is not a duration such as 1m or 30s");
    }
  }

  private static double billableFloor(String text) {
    try {
      double m = Double.parseDouble(text.strip().replaceFirst("(?i)\\s*min$", ""));
      if (m < 0 || Double.isNaN(m) || Double.isInfinite(m)) {
        throw new NumberFormatException();
      }
      return m;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "min billable increase '" + text + "' is not a number of minutes such as 5");
    }
  }

  private static Severity severity(String text) {
    if (text.strip().equalsIgnoreCase("none")) {
      return null;
    }
    Severity s = Severity.fromWord(text);
    if (s == null) {
      StringBuilder words = new StringBuilder();
      for (Severity v : Severity.values()) {
        words.append(v.word()).append(", ");
      }
      throw new IllegalArgumentException(
          "fail-on '"
              + text
              + "' is not a severity ("
              + words
              + "or none)".toLowerCase(Locale.ROOT));
    }
    return s;
  }
}
