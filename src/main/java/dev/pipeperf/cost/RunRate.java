package dev.pipeperf.cost;

import dev.pipeperf.workflow.Condition;
import java.util.List;
import java.util.Locale;

/**
 * How often a workflow runs a month, split by the kind of event that starts it, and where the
 * figure comes from. Precedence (issue 16): observed history &gt; configured ({@code runsPerMonth}
 * in {@code .pipeperf.yml}) &gt; derived from the workflow's triggers &gt; the default.
 *
 * @param runsPerMonth runs a month, all events together
 * @param source where the figure comes from
 * @param assumption one line for the reader: what was assumed to get the figure
 * @param events the events that start the workflow, each with its share of the runs
 */
public record RunRate(double runsPerMonth, Source source, String assumption, List<Event> events) {

  /** Where a run rate comes from, strongest first. */
  public enum Source {
    /** Counted in the run history ({@code .pipeperf/timings}). */
    OBSERVED,
    /** Set in {@code .pipeperf.yml}. */
    CONFIGURED,
    /** Derived from {@code on:} with the activity figures. */
    TRIGGERS,
    /** No trigger to go by: the old flat default. */
    DEFAULT;

    /** {@code observed}, {@code configured}, {@code triggers}, {@code default}. */
    public String word() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * One kind of event that starts the workflow.
   *
   * @param label what reports call it: {@code pull_request}, {@code push to main}, {@code
   *     schedule}...
   * @param facts what an {@code if:} can know about it
   * @param runsPerMonth runs a month from this event
   * @param assumption how that figure was reached
   * @param waited true when a developer waits for the run (not for a schedule or an issue bot)
   */
  public record Event(
      String label,
      Condition.EventFacts facts,
      double runsPerMonth,
      String assumption,
      boolean waited) {

    /** The same event with another rate (scaled to an observed or configured total). */
    public Event withRuns(double runs, String why) {
      return new Event(label, facts, runs, why, waited);
    }
  }

  public RunRate {
    events = List.copyOf(events);
    if (runsPerMonth < 0 || Double.isNaN(runsPerMonth)) {
      throw new IllegalArgumentException("runs per month: " + runsPerMonth);
    }
  }

  /** {@code 315 runs/month from triggers}: the short form beside a finding's monthly saving. */
  public String basis() {
    String from =
        switch (source) {
          case OBSERVED -> "observed";
          case CONFIGURED -> "configured";
          case TRIGGERS -> "from triggers";
          case DEFAULT -> "default";
        };
    return Amount.of(runsPerMonth).format() + " runs/month " + from;
  }

  /** {@code 63 runs/month (triggers: ...)}: the figure with its assumption, for every format. */
  public String describe() {
    return Amount.of(runsPerMonth).format()
        + " runs/month ("
        + source.word()
        + ": "
        + assumption
        + ")";
  }
}
