package dev.pipeperf.bake.hcl;

import static dev.pipeperf.bake.hcl.Conversions.toNum;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates and times (go-cty's {@code datetime.go}); {@code timestamp()} answers the clock the
 * evaluation was given.
 */
final class DateTimeFunctions extends FunctionFamily {

  private final Instant now;

  DateTimeFunctions(Map<String, HclFunction> functions, Instant now) {
    super(functions);
    this.now = now;
  }

  @Override
  void register() {
    dates();
  }

  private void dates() {
    fixed("timestamp", 0, (a, e) -> Value.str(now.truncatedTo(ChronoUnit.SECONDS).toString()));
    fixed("formatdate", 2, (a, e) -> Value.str(DateFormat.format(s(a, 0), parseTime(s(a, 1)))));
    fixed(
        "formattimestamp",
        2,
        (a, e) -> {
          Value ts = a.get(1);
          OffsetDateTime t =
              ts instanceof Value.Num num
                  ? OffsetDateTime.ofInstant(
                      Instant.ofEpochSecond(num.value().longValue()), ZoneOffset.UTC)
                  : parseTime(s(a, 1));
          String f = s(a, 0);
          if (f.equals("X")) {
            return Value.str(Long.toString(t.toEpochSecond()));
          }
          return Value.str(DateFormat.format(f, t));
        });
    fixed(
        "timeadd",
        2,
        (a, e) -> {
          OffsetDateTime t = parseTime(s(a, 0));
          return Value.str(DateFormat.rfc3339(t.plus(goDuration(s(a, 1)))));
        });
    fixed(
        "unixtimestampparse",
        1,
        (a, e) -> {
          OffsetDateTime t =
              OffsetDateTime.ofInstant(
                  Instant.ofEpochSecond(toNum(a.get(0)).longValue()), ZoneOffset.UTC);
          Map<String, Value> m = new LinkedHashMap<>();
          m.put("year", Value.num(t.getYear()));
          m.put("month", Value.num(t.getMonthValue()));
          m.put("day", Value.num(t.getDayOfMonth()));
          m.put("hour", Value.num(t.getHour()));
          m.put("minute", Value.num(t.getMinute()));
          m.put("second", Value.num(t.getSecond()));
          m.put("year_day", Value.num(t.getDayOfYear()));
          m.put("week_day", Value.num(t.getDayOfWeek().getValue() % 7));
          m.put(
              "week_day_name",
              Value.str(t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH)));
          m.put("rfc3339", Value.str(DateFormat.rfc3339(t)));
          return Value.object(m);
        });
  }

  static OffsetDateTime parseTime(String s) {
    try {
      return OffsetDateTime.parse(s);
    } catch (DateTimeParseException ex) {
      throw EvalError.of("\"" + s + "\" is not an RFC 3339 timestamp");
    }
  }

  static Duration goDuration(String s) {
    Matcher m = Pattern.compile("([+-]?[0-9.]+)(ns|us|µs|ms|s|m|h)").matcher(s);
    Duration d = Duration.ZERO;
    int end = 0;
    boolean negative = s.startsWith("-");
    while (m.find()) {
      if (m.start() != end) {
        break;
      }
      end = m.end();
      BigDecimal v = new BigDecimal(m.group(1)).abs();
      long nanos =
          switch (m.group(2)) {
            case "ns" -> v.longValue();
            case "us", "µs" -> v.multiply(BigDecimal.valueOf(1_000)).longValue();
            case "ms" -> v.multiply(BigDecimal.valueOf(1_000_000)).longValue();
            case "s" -> v.multiply(BigDecimal.valueOf(1_000_000_000L)).longValue();
            case "m" -> v.multiply(BigDecimal.valueOf(60_000_000_000L)).longValue();
            default -> v.multiply(BigDecimal.valueOf(3_600_000_000_000L)).longValue();
          };
      d = d.plusNanos(nanos);
    }
    if (end != s.length() || s.isEmpty()) {
      throw EvalError.of("\"" + s + "\" is not a duration such as 1h30m");
    }
    return negative ? d.negated() : d;
  }
}
