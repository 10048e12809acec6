package dev.pipeperf.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A duration as users write it in {@code .pipeperf.yml}: {@code 5m}, {@code 90s}, {@code 4m30s},
 * {@code 2-3m}, {@code 20s-1m}, or a bare number of minutes ({@code 5}, {@code 2.5}). Kept in
 * seconds.
 */
public record DurationValue(double lowSeconds, double highSeconds) {

  private static final Pattern ONE =
      Pattern.compile("(?:(\\d+(?:\\.\\d+)?)h)?(?:(\\d+(?:\\.\\d+)?)m)?(?:(\\d+(?:\\.\\d+)?)s)?");

  public DurationValue {
    if (lowSeconds < 0 || highSeconds < lowSeconds) {
      throw new IllegalArgumentException("low must be at most high, both at least 0");
    }
  }

  /**
   * Parses a user's text; throws {@link IllegalArgumentException} with a message in the user's
   * terms when it is not a duration.
   */
  public static DurationValue parse(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT).replace(" ", "").replace("–", "-");
    if (t.isEmpty()) {
      throw new IllegalArgumentException("empty duration");
    }
    int dash = t.indexOf('-', 1);
    if (dash > 0) {
      String a = t.substring(0, dash);
      String b = t.substring(dash + 1);
      String unit = unitOf(b);
      double low = one(unitOf(a).isEmpty() ? a + unit : a, text);
      double high = one(b, text);
      if (high < low) {
        throw new IllegalArgumentException(
            "\"" + text + "\": the first bound is larger than the second");
      }
      return new DurationValue(low, high);
    }
    double v = one(t, text);
    return new DurationValue(v, v);
  }

  private static String unitOf(String s) {
    if (s.endsWith("s") && !s.endsWith("ms")) {
      return s.contains("m") ? "" : "s";
    }
    if (s.endsWith("m")) {
      return "m";
    }
    if (s.endsWith("h")) {
      return "h";
    }
    return "";
  }

  private static double one(String t, String original) {
    if (t.matches("\\d+(\\.\\d+)?")) {
      return Double.parseDouble(t) * 60;
    }
    Matcher m = ONE.matcher(t);
    if (!m.matches() || t.isEmpty()) {
      throw new IllegalArgumentException(
          "\""
              + original
              + "\" is not a duration (write 5m, 90s, 4m30s, 2-3m, or minutes as a number)");
    }
    double s = 0;
    if (m.group(1) != null) {
      s += Double.parseDouble(m.group(1)) * 3600;
    }
    if (m.group(2) != null) {
      s += Double.parseDouble(m.group(2)) * 60;
    }
    if (m.group(3) != null) {
      s += Double.parseDouble(m.group(3));
    }
    return s;
  }
}
