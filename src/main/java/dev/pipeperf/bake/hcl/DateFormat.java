package dev.pipeperf.bake.hcl;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/** cty's formatdate() specification language ({@code YYYY-MM-DD'T'hh:mm:ssZ}). */
final class DateFormat {

  private DateFormat() {}

  static String rfc3339(OffsetDateTime t) {
    return t.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME).replace("+00:00", "Z");
  }

  static String format(String spec, OffsetDateTime t) {
    StringBuilder sb = new StringBuilder();
    int i = 0;
    while (i < spec.length()) {
      char c = spec.charAt(i);
      if (c == '\'') {
        int end = spec.indexOf('\'', i + 1);
        if (end < 0) {
          throw EvalError.of("unterminated literal in date format");
        }
        sb.append(end == i + 1 ? "'" : spec.substring(i + 1, end));
        i = end + 1;
        continue;
      }
      if (!Character.isLetter(c)) {
        sb.append(c);
        i++;
        continue;
      }
      int j = i;
      while (j < spec.length() && spec.charAt(j) == c) {
        j++;
      }
      String seq = spec.substring(i, j);
      i = j;
      int hour12 = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
      String zone = t.getOffset().getTotalSeconds() == 0 ? "Z" : t.getOffset().getId();
      sb.append(
          switch (seq) {
            case "YYYY" -> String.format("%04d", t.getYear());
            case "YY" -> String.format("%02d", t.getYear() % 100);
            case "MMMM" -> t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            case "MMM" -> t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
            case "MM" -> String.format("%02d", t.getMonthValue());
            case "M" -> String.valueOf(t.getMonthValue());
            case "DD" -> String.format("%02d", t.getDayOfMonth());
            case "D" -> String.valueOf(t.getDayOfMonth());
            case "EEEE" -> t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            case "EEE" -> t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
            case "hh" -> String.format("%02d", t.getHour());
            case "h" -> String.valueOf(t.getHour());
            case "HH" -> String.format("%02d", hour12);
            case "H" -> String.valueOf(hour12);
            case "AA" -> t.getHour() < 12 ? "AM" : "PM";
            case "aa" -> t.getHour() < 12 ? "am" : "pm";
            case "mm" -> String.format("%02d", t.getMinute());
            case "m" -> String.valueOf(t.getMinute());
            case "ss" -> String.format("%02d", t.getSecond());
            case "s" -> String.valueOf(t.getSecond());
            case "ZZZZZ" -> t.getOffset().getTotalSeconds() == 0 ? "+00:00" : t.getOffset().getId();
            case "ZZZZ" -> t.getOffset().getId().replace(":", "").replace("Z", "+0000");
            case "ZZZ", "Z" -> seq.equals("Z") ? zone : "UTC";
            default -> throw EvalError.of("invalid date format verb \"" + seq + "\"");
          });
    }
    return sb.toString();
  }
}
