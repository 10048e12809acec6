package dev.pipeperf.report;

import dev.pipeperf.cost.Amount;
import dev.pipeperf.estimate.DurationRange;
import dev.pipeperf.rules.Finding;
import java.util.Locale;

/** How reports write numbers: percentages, hours, signed savings, changes between durations. */
final class Figures {

  private Figures() {}

  /** {@code (−47%)} from before to after, empty under half a percent. */
  static String change(DurationRange before, DurationRange after) {
    if (before.high() <= 0) {
      return "";
    }
    double pct = (before.high() - after.high()) / before.high() * 100;
    if (Math.abs(pct) < 0.5) {
      return "";
    }
    return String.format(Locale.ROOT, " (%s%.0f%%)", pct > 0 ? "−" : "+", Math.abs(pct));
  }

  static String percent(double share) {
    double p = share * 100;
    if (p > 0 && p < 1) {
      return "<1%";
    }
    return String.format(Locale.ROOT, "%.0f%%", p);
  }

  static String hours(double h) {
    return Amount.of(h).format() + " h";
  }

  /** A saving that may be negative: {@code 12} or {@code 5 more (bills more)}. */
  static String savedMinutes(Amount a) {
    if (a.high() < 0) {
      return a.times(-1).format() + " more (bills more)";
    }
    return a.format();
  }

  /** Dollars saved, or {@code costs $x more} when the change costs more; never {@code $-0.00}. */
  static String savedDollars(Amount a) {
    if (a.high() < -0.005) {
      return "costs " + a.times(-1).formatDollars() + " more";
    }
    return Amount.of(Math.max(0, a.low()), Math.max(0, a.high())).formatDollars();
  }

  /** What a finding saves, or that it saves no time (a hygiene or safety fix). */
  static String savesOrNothing(Finding f) {
    String s = TextRenderer.describe(f.saving());
    return s.isEmpty() ? "no runtime saving (safety / hygiene)" : s;
  }

  static String plural(int n) {
    return n == 1 ? "" : "s";
  }

  static String clip(String s, int width) {
    return s.length() <= width ? s : s.substring(0, width - 1) + "…";
  }

  /** Text safe inside a mermaid label or gantt task name. */
  static String mermaid(String s) {
    return dev.pipeperf.source.Escape.mermaidStatement(s);
  }

  /**
   * Text whose {@code `…`} quotes (a cron expression, a branch) become code spans of the page, so
   * that markdown and HTML show them as code instead of escaped backticks.
   */
  static String codeSpans(String s) {
    String[] parts = s.split("`", -1);
    if (parts.length < 3) {
      return s;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      boolean quoted = i % 2 == 1 && i < parts.length - 1;
      out.append(quoted ? Page.code(parts[i]) : (i % 2 == 1 ? "`" : "") + parts[i]);
    }
    return out.toString();
  }
}
