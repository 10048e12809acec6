package dev.pipeperf.cost;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.field.CronField;
import com.cronutils.model.field.CronFieldName;
import com.cronutils.model.time.generator.FieldValueGeneratorFactory;
import com.cronutils.parser.CronParser;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * How often an {@code on.schedule} cron expression fires (prices.md, "Schedules"): five-field POSIX
 * cron, parsed and validated by cron-utils' UNIX definition (names, ranges, steps, lists; {@code 7}
 * is Sunday); no {@code @daily}-style nicknames, which GitHub rejects too. When both day of month
 * and day of week are restricted, a day matches either (POSIX); a field written from {@code *}
 * counts as unrestricted, as in cron itself.
 *
 * <p>Runs are counted, not estimated: the firing minutes of a day times the matching days over 28
 * years from 2001 (an exact cycle of weekdays and leap years for 1901–2099), divided by 336 months.
 * GitHub starts a schedule at most every 5 minutes, so firings closer than that within a day are
 * dropped. A {@code timezone:} moves the firings, not their number (a daylight-saving jump moves a
 * run, it does not drop one).
 *
 * @param expression the expression as written
 * @param runsPerMonth average runs a month
 * @param firingsPerDay runs on a day the expression allows, after the 5-minute floor
 * @param thinned true when the 5-minute floor dropped firings
 */
public record CronSchedule(
    String expression, double runsPerMonth, int firingsPerDay, boolean thinned) {

  /** GitHub's shortest schedule interval. */
  public static final int MIN_INTERVAL_MINUTES = 5;

  private static final LocalDate CYCLE_START = LocalDate.of(2001, 1, 1);
  private static final int CYCLE_YEARS = 28;

  private static final CronParser PARSER =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

  /** A cron expression that cannot run: why, in the user's words. */
  public static final class InvalidCron extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidCron(String message) {
      super(message);
    }
  }

  /** Counts an expression's runs, or says why GitHub would reject it. */
  public static CronSchedule of(String expression) throws InvalidCron {
    String text = expression == null ? "" : expression.strip();
    if (text.startsWith("@")) {
      throw new InvalidCron("GitHub takes five-field cron, not " + text);
    }
    if (text.split("\\s+").length != 5) {
      throw new InvalidCron("cron needs five fields (minute hour day month weekday): " + text);
    }
    Cron cron;
    try {
      cron = PARSER.parse(text).validate();
    } catch (IllegalArgumentException e) {
      throw new InvalidCron(e.getMessage() == null ? "invalid cron " + text : e.getMessage());
    }
    BitSet minutes = values(cron, CronFieldName.MINUTE, 0, 59);
    BitSet hours = values(cron, CronFieldName.HOUR, 0, 23);
    BitSet days = values(cron, CronFieldName.DAY_OF_MONTH, 1, 31);
    BitSet months = values(cron, CronFieldName.MONTH, 1, 12);
    BitSet weekdays = values(cron, CronFieldName.DAY_OF_WEEK, 0, 7);
    if (weekdays.get(7)) {
      weekdays.set(0);
    }
    boolean domStar = starts(cron, CronFieldName.DAY_OF_MONTH);
    boolean dowStar = starts(cron, CronFieldName.DAY_OF_WEEK);

    List<Integer> firings = new ArrayList<>();
    for (int h = hours.nextSetBit(0); h >= 0; h = hours.nextSetBit(h + 1)) {
      for (int m = minutes.nextSetBit(0); m >= 0; m = minutes.nextSetBit(m + 1)) {
        firings.add(h * 60 + m);
      }
    }
    int kept = 0;
    int last = -MIN_INTERVAL_MINUTES;
    for (int f : firings) {
      if (f - last >= MIN_INTERVAL_MINUTES) {
        kept++;
        last = f;
      }
    }
    long matchingDays = 0;
    LocalDate end = CYCLE_START.plusYears(CYCLE_YEARS);
    for (LocalDate d = CYCLE_START; d.isBefore(end); d = d.plusDays(1)) {
      if (!months.get(d.getMonthValue())) {
        continue;
      }
      boolean dom = days.get(d.getDayOfMonth());
      boolean dow =
          weekdays.get(d.getDayOfWeek() == DayOfWeek.SUNDAY ? 0 : d.getDayOfWeek().getValue());
      boolean match = domStar || dowStar ? dom && dow : dom || dow;
      if (match) {
        matchingDays++;
      }
    }
    double perMonth = (double) matchingDays * kept / (CYCLE_YEARS * 12.0);
    return new CronSchedule(text, perMonth, kept, kept < firings.size());
  }

  private static BitSet values(Cron cron, CronFieldName name, int min, int max) {
    CronField field = cron.retrieve(name);
    BitSet out = new BitSet(max + 1);
    for (int v :
        FieldValueGeneratorFactory.forCronField(field).generateCandidates(min - 1, max + 1)) {
      if (v >= min && v <= max) {
        out.set(v);
      }
    }
    return out;
  }

  private static boolean starts(Cron cron, CronFieldName name) {
    return cron.retrieve(name).getExpression().asString().startsWith("*");
  }

  /** {@code "0 3 * * *": 1 a day, 30.4 a month} and the 5-minute floor when it applied. */
  public String describe() {
    String s =
        "`"
            + expression
            + "`: "
            + firingsPerDay
            + (firingsPerDay == 1 ? " run" : " runs")
            + " on each day it allows, "
            + Amount.of(runsPerMonth).format()
            + " a month";
    return thinned ? s + " (GitHub runs a schedule at most every 5 minutes)" : s;
  }
}
