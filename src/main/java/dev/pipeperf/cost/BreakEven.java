package dev.pipeperf.cost;

import java.util.Locale;

/**
 * When a change pays for itself (seed 004's cost-benefit table): effort hours ÷ hours saved per
 * month. With a range of hours saved, the months are a range too (the larger saving gives the
 * shorter break-even); with nothing saved, it never breaks even.
 *
 * @param effortHours hours the change takes
 * @param hoursSavedPerMonth developer-hours it saves a month
 * @param months months to break even, {@code [low, high]}; infinite when nothing is saved
 */
public record BreakEven(double effortHours, Amount hoursSavedPerMonth, Amount months) {

  public static BreakEven of(double effortHours, Amount hoursSavedPerMonth) {
    if (effortHours < 0) {
      throw new IllegalArgumentException("effort must not be negative: " + effortHours);
    }
    double low = months(effortHours, hoursSavedPerMonth.high());
    double high = months(effortHours, hoursSavedPerMonth.low());
    return new BreakEven(effortHours, hoursSavedPerMonth, Amount.of(low, high));
  }

  public static BreakEven of(double effortHours, double hoursSavedPerMonth) {
    return of(effortHours, Amount.of(hoursSavedPerMonth));
  }

  private static double months(double effort, double savedPerMonth) {
    if (effort == 0) {
      return 0;
    }
    return savedPerMonth <= 0 ? Double.POSITIVE_INFINITY : effort / savedPerMonth;
  }

  /** True when even the best case saves nothing. */
  public boolean never() {
    return Double.isInfinite(months.low());
  }

  /** {@code ~1.3 months}, {@code 1.2–1.3 months}, {@code never}. */
  public String format() {
    if (never()) {
      return "never";
    }
    if (Double.isInfinite(months.high())) {
      return String.format(Locale.ROOT, "%.1f months or never", months.low());
    }
    String l = String.format(Locale.ROOT, "%.1f", months.low());
    String h = String.format(Locale.ROOT, "%.1f", months.high());
    return "~" + (l.equals(h) ? l : l + "–" + h) + (h.equals("1.0") ? " month" : " months");
  }
}
