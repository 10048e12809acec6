package dev.pipeperf.bake.hcl;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code semvercmp(version, constraint)}: comma-separated {@code >=, >, <=, <, =, !=} clauses. */
final class Semver {

  private static final Pattern CLAUSE =
      Pattern.compile("\\s*(>=|<=|!=|>|<|=|~|\\^)?\\s*v?([0-9][0-9A-Za-z.+-]*)\\s*");

  private Semver() {}

  static boolean satisfies(String version, String constraint) {
    int[] v = parse(version.replaceFirst("^v", ""));
    for (String clause : constraint.split(",")) {
      Matcher m = CLAUSE.matcher(clause);
      if (!m.matches()) {
        throw EvalError.of("invalid version constraint \"" + constraint + "\"");
      }
      String op = m.group(1) == null ? "=" : m.group(1);
      int[] c = parse(m.group(2));
      int cmp = compare(v, c);
      boolean ok =
          switch (op) {
            case ">=" -> cmp >= 0;
            case "<=" -> cmp <= 0;
            case ">" -> cmp > 0;
            case "<" -> cmp < 0;
            case "!=" -> cmp != 0;
            case "~" -> cmp >= 0 && v[0] == c[0] && v[1] == c[1];
            case "^" -> cmp >= 0 && v[0] == c[0];
            default -> cmp == 0;
          };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static int[] parse(String s) {
    String core = s.split("[-+]", 2)[0];
    String[] parts = core.split("\\.");
    int[] out = new int[3];
    try {
      for (int i = 0; i < Math.min(3, parts.length); i++) {
        out[i] = Integer.parseInt(parts[i]);
      }
    } catch (NumberFormatException e) {
      throw EvalError.of("invalid version \"" + s + "\"");
    }
    return out;
  }

  private static int compare(int[] a, int[] b) {
    for (int i = 0; i < 3; i++) {
      if (a[i] != b[i]) {
        return Integer.compare(a[i], b[i]);
      }
    }
    return 0;
  }
}
