package dev.pipeperf.rules;

import java.util.Locale;

/** How much work a fix is, with the default hours reports use when a rule gives none. */
public enum Effort {
  LOW(2),
  MEDIUM(8),
  HIGH(24);

  private final double hours;

  Effort(double hours) {
    this.hours = hours;
  }

  public double defaultHours() {
    return hours;
  }

  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
