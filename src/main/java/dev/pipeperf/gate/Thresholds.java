package dev.pipeperf.gate;

import dev.pipeperf.source.Severity;
import java.util.Locale;

/**
 * When the gate fails.
 *
 * @param maxIncrease how much a workflow's critical path or billable minutes may grow, as a
 *     fraction ({@code 0.1} for {@code 10%})
 * @param failOn the least severity of a new finding that fails the gate; null when new findings
 *     never fail it ({@code none})
 */
public record Thresholds(double maxIncrease, Severity failOn) {

  /**
   * Parses what users write ({@code 10%}, {@code high}); throws {@link IllegalArgumentException}
   * with a message in the user's terms.
   */
  public static Thresholds parse(String maxIncrease, String failOn) {
    return new Thresholds(percent(maxIncrease), severity(failOn));
  }

  /** The limit as users write it: {@code 10%}. */
  public String maxIncreaseText() {
    return percentText(maxIncrease);
  }

  static String percentText(double fraction) {
    double p = Math.round(fraction * 1000) / 10.0;
    return (p == Math.rint(p) ? String.valueOf((long) p) : String.valueOf(p)) + "%";
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
