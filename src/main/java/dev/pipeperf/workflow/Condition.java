package dev.pipeperf.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What can be known before a run about a job's {@code if:} for one kind of event (issue 16): the
 * event name, the ref the event runs on, literals, and the status functions. Everything else
 * ({@code needs.*.outputs}, {@code inputs}, {@code vars}, the event payload) is unknown, and a job
 * whose condition depends on it is assumed to run.
 *
 * <p>Evaluation is three-valued with one more value for the status functions: {@code failure()} and
 * {@code cancelled()} are {@link Outcome#RARELY} (true only when something upstream failed or was
 * cancelled), {@code success()} and {@code always()} are true. As on GitHub, a condition that calls
 * no status function means {@code success() && (condition)}. The parser is linear in the
 * condition's length and gives up (unknown) on anything it cannot read.
 */
public final class Condition {

  /** What a condition says about whether a job runs for an event. */
  public enum Outcome {
    /** Known to run. */
    RUNS,
    /** Known not to run. */
    SKIPPED,
    /** Runs only after a failure or cancellation upstream. */
    RARELY,
    /** Depends on something only the run knows: assumed to run. */
    UNKNOWN;

    /** True when the job is billed and on the critical path for the event. */
    public boolean billed() {
      return this == RUNS || this == UNKNOWN;
    }
  }

  /**
   * The facts known about one kind of event.
   *
   * @param eventName {@code github.event_name}
   * @param ref {@code github.ref}: a full ref, or a prefix ending in {@code /} when only its kind
   *     is known ({@code refs/heads/}, {@code refs/tags/}), or null when unknown
   * @param notRef a ref {@code github.ref} is known not to be (the default branch, for pushes to
   *     other branches), or null
   * @param pullRequest true for pull_request-like events ({@code github.head_ref} is then set)
   */
  public record EventFacts(String eventName, String ref, String notRef, boolean pullRequest) {}

  private Condition() {}

  /** A job's {@code if:} for an event; null or blank means it runs. */
  public static Outcome evaluate(String condition, EventFacts facts) {
    if (condition == null || condition.isBlank()) {
      return Outcome.RUNS;
    }
    String body = condition.strip();
    if (body.startsWith("${{") && body.endsWith("}}") && body.indexOf("${{", 3) < 0) {
      body = body.substring(3, body.length() - 2);
    } else if (body.contains("${{")) {
      // Text around an expression is a non-empty string: always true on GitHub.
      return Outcome.RUNS;
    }
    Val v;
    try {
      v = new Parser(body, facts).parse();
    } catch (IllegalStateException e) {
      return Outcome.UNKNOWN;
    }
    return truth(v);
  }

  /** True when the condition calls {@code always()}, {@code failure()} and the like itself. */
  public static boolean callsStatusFunction(String condition) {
    String c = condition == null ? "" : condition.toLowerCase(Locale.ROOT);
    return c.matches("(?s).*\\b(always|failure|cancelled|success)\\s*\\(.*");
  }

  /**
   * True when the job still runs after a job it needs was skipped or failed: only a status function
   * other than {@code success()} lets it ({@code always()}, {@code !cancelled()}, {@code
   * failure()}).
   */
  public static boolean survivesSkippedNeeds(String condition) {
    String c = condition == null ? "" : condition.toLowerCase(Locale.ROOT);
    return c.matches("(?s).*\\b(always|failure|cancelled)\\s*\\(.*");
  }

  // ---- values ----

  private sealed interface Val {}

  private record Known(Object value) implements Val {}

  /** A ref known by its prefix and, perhaps, one value it is not. */
  private record PartialRef(String prefix, String not) implements Val {}

  private enum Special implements Val {
    UNKNOWN,
    RARE
  }

  private static Outcome truth(Val v) {
    if (v == Special.RARE) {
      return Outcome.RARELY;
    }
    if (v instanceof Known k) {
      return truthy(k.value()) ? Outcome.RUNS : Outcome.SKIPPED;
    }
    if (v instanceof PartialRef) {
      return Outcome.RUNS;
    }
    return Outcome.UNKNOWN;
  }

  private static boolean truthy(Object o) {
    if (o == null) {
      return false;
    }
    if (o instanceof Boolean b) {
      return b;
    }
    if (o instanceof Double d) {
      return d != 0 && !d.isNaN();
    }
    return !o.toString().isEmpty();
  }

  private static Val fromOutcome(Outcome o) {
    return switch (o) {
      case RUNS -> new Known(true);
      case SKIPPED -> new Known(false);
      case RARELY -> Special.RARE;
      case UNKNOWN -> Special.UNKNOWN;
    };
  }

  private static Val and(Val a, Val b) {
    Outcome x = truth(a);
    Outcome y = truth(b);
    if (x == Outcome.SKIPPED) {
      return a;
    }
    if (x == Outcome.RUNS) {
      return b;
    }
    if (y == Outcome.SKIPPED) {
      return new Known(false);
    }
    return x == Outcome.RARELY || y == Outcome.RARELY ? Special.RARE : Special.UNKNOWN;
  }

  private static Val or(Val a, Val b) {
    Outcome x = truth(a);
    Outcome y = truth(b);
    if (x == Outcome.RUNS) {
      return a;
    }
    if (x == Outcome.SKIPPED) {
      return b;
    }
    if (y == Outcome.RUNS) {
      return new Known(true);
    }
    if (x == Outcome.RARELY && (y == Outcome.SKIPPED || y == Outcome.RARELY)) {
      return Special.RARE;
    }
    return Special.UNKNOWN;
  }

  private static Val not(Val a) {
    return switch (truth(a)) {
      case RUNS -> new Known(false);
      case SKIPPED -> new Known(true);
      // !cancelled(), !failure(): true unless something went wrong, i.e. almost always.
      case RARELY -> new Known(true);
      case UNKNOWN -> Special.UNKNOWN;
    };
  }

  /** GitHub's loose equality: strings case-insensitively, numbers by value, else unknown. */
  private static Val equal(Val a, Val b) {
    if (a instanceof PartialRef p && b instanceof Known k && k.value() instanceof String s) {
      return refEquals(p, s);
    }
    if (b instanceof PartialRef p && a instanceof Known k && k.value() instanceof String s) {
      return refEquals(p, s);
    }
    if (a instanceof Known x && b instanceof Known y) {
      Object l = x.value();
      Object r = y.value();
      if (l instanceof String ls && r instanceof String rs) {
        return new Known(ls.equalsIgnoreCase(rs));
      }
      if (l == null || r == null) {
        return new Known(l == r);
      }
      if (l instanceof Double || r instanceof Double || l instanceof Boolean) {
        return new Known(number(l) == number(r));
      }
      return new Known(l.equals(r));
    }
    return Special.UNKNOWN;
  }

  private static Val refEquals(PartialRef p, String s) {
    String lower = s.toLowerCase(Locale.ROOT);
    if (!lower.startsWith(p.prefix().toLowerCase(Locale.ROOT))) {
      return new Known(false);
    }
    if (p.not() != null && p.not().equalsIgnoreCase(s)) {
      return new Known(false);
    }
    return Special.UNKNOWN;
  }

  private static double number(Object o) {
    if (o instanceof Double d) {
      return d;
    }
    if (o instanceof Boolean b) {
      return b ? 1 : 0;
    }
    if (o instanceof String s) {
      try {
        return s.isBlank() ? 0 : Double.parseDouble(s.strip());
      } catch (NumberFormatException e) {
        return Double.NaN;
      }
    }
    return Double.NaN;
  }

  private static Val startsWith(Val a, Val b) {
    if (a instanceof Known x && b instanceof Known y && x.value() != null && y.value() != null) {
      return new Known(
          x.value()
              .toString()
              .toLowerCase(Locale.ROOT)
              .startsWith(y.value().toString().toLowerCase(Locale.ROOT)));
    }
    if (a instanceof PartialRef p && b instanceof Known y && y.value() instanceof String s) {
      String prefix = p.prefix().toLowerCase(Locale.ROOT);
      String want = s.toLowerCase(Locale.ROOT);
      if (prefix.startsWith(want)) {
        return new Known(true);
      }
      return want.startsWith(prefix) ? Special.UNKNOWN : new Known(false);
    }
    return Special.UNKNOWN;
  }

  // ---- parser: precedence ! > comparison > && > || ----

  private static final class Parser {
    private final String s;
    private final EventFacts facts;
    private int i;

    Parser(String s, EventFacts facts) {
      this.s = s;
      this.facts = facts;
    }

    Val parse() {
      Val v = or();
      skip();
      if (i < s.length()) {
        throw new IllegalStateException("unread: " + s.substring(i));
      }
      return v;
    }

    private Val or() {
      Val v = and();
      while (eat("||")) {
        v = Condition.or(v, and());
      }
      return v;
    }

    private Val and() {
      Val v = comparison();
      while (eat("&&")) {
        v = Condition.and(v, comparison());
      }
      return v;
    }

    private Val comparison() {
      Val v = unary();
      while (true) {
        if (eat("==")) {
          v = equal(v, unary());
        } else if (eat("!=")) {
          v = not(equal(v, unary()));
        } else if (eat("<=") || eat(">=") || eat("<") || eat(">")) {
          unary();
          v = Special.UNKNOWN;
        } else {
          return v;
        }
      }
    }

    private Val unary() {
      if (eat("!")) {
        return not(unary());
      }
      return primary();
    }

    private Val primary() {
      skip();
      if (i >= s.length()) {
        throw new IllegalStateException("end");
      }
      char c = s.charAt(i);
      if (c == '(') {
        i++;
        Val v = or();
        expect(")");
        return v;
      }
      if (c == '\'') {
        StringBuilder b = new StringBuilder();
        i++;
        while (true) {
          if (i >= s.length()) {
            throw new IllegalStateException("open string");
          }
          char d = s.charAt(i++);
          if (d == '\'') {
            if (i < s.length() && s.charAt(i) == '\'') {
              b.append('\'');
              i++;
            } else {
              break;
            }
          } else {
            b.append(d);
          }
        }
        return new Known(b.toString());
      }
      if (Character.isDigit(c) || c == '-' || c == '.') {
        int start = i;
        i++;
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '.')) {
          i++;
        }
        try {
          return new Known(Double.parseDouble(s.substring(start, i)));
        } catch (NumberFormatException e) {
          return Special.UNKNOWN;
        }
      }
      if (!Character.isLetter(c) && c != '_') {
        throw new IllegalStateException("unexpected " + c);
      }
      int start = i;
      while (i < s.length()
          && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '-')) {
        i++;
      }
      String word = s.substring(start, i);
      skip();
      if (i < s.length() && s.charAt(i) == '(') {
        i++;
        List<Val> args = new ArrayList<>();
        skip();
        if (!eat(")")) {
          do {
            args.add(or());
          } while (eat(","));
          expect(")");
        }
        return call(word.toLowerCase(Locale.ROOT), args);
      }
      switch (word) {
        case "true":
          return new Known(true);
        case "false":
          return new Known(false);
        case "null":
          return new Known(null);
        default:
          break;
      }
      List<String> path = new ArrayList<>();
      path.add(word);
      while (i < s.length()) {
        if (s.charAt(i) == '.') {
          i++;
          int p = i;
          while (i < s.length()
              && (Character.isLetterOrDigit(s.charAt(i))
                  || s.charAt(i) == '_'
                  || s.charAt(i) == '-'
                  || s.charAt(i) == '*')) {
            i++;
          }
          path.add(s.substring(p, i));
        } else if (s.charAt(i) == '[') {
          int depth = 0;
          do {
            char d = s.charAt(i);
            if (d == '[') {
              depth++;
            } else if (d == ']') {
              depth--;
            }
            i++;
          } while (depth > 0 && i < s.length());
          path.add("*");
        } else {
          break;
        }
      }
      return context(path);
    }

    private Val context(List<String> path) {
      if (!path.get(0).equals("github") || path.size() != 2) {
        return Special.UNKNOWN;
      }
      return switch (path.get(1)) {
        case "event_name" ->
            facts.eventName() == null ? Special.UNKNOWN : new Known(facts.eventName());
        case "ref" -> ref(false);
        case "ref_name" -> ref(true);
        case "ref_type" ->
            facts.ref() == null
                ? Special.UNKNOWN
                : new Known(facts.ref().startsWith("refs/tags/") ? "tag" : "branch");
        case "head_ref", "base_ref" -> facts.pullRequest() ? Special.UNKNOWN : new Known("");
        default -> Special.UNKNOWN;
      };
    }

    private Val ref(boolean shortName) {
      String ref = facts.ref();
      if (ref == null) {
        return Special.UNKNOWN;
      }
      String not = facts.notRef();
      if (shortName) {
        ref = shorten(ref);
        not = not == null ? null : shorten(not);
      }
      if (ref.endsWith("/") || ref.isEmpty()) {
        return new PartialRef(ref, not);
      }
      return new Known(ref);
    }

    private static String shorten(String ref) {
      for (String p : List.of("refs/heads/", "refs/tags/")) {
        if (ref.startsWith(p)) {
          return ref.substring(p.length());
        }
      }
      return ref.startsWith("refs/pull/") ? ref.substring("refs/pull/".length()) : ref;
    }

    private Val call(String name, List<Val> args) {
      return switch (name) {
        case "success", "always" -> new Known(true);
        case "failure", "cancelled" -> Special.RARE;
        case "startswith" -> args.size() == 2 ? startsWith(args.get(0), args.get(1)) : bad();
        case "endswith", "contains" -> containsOrEnds(name, args);
        default -> Special.UNKNOWN;
      };
    }

    private Val containsOrEnds(String name, List<Val> args) {
      if (args.size() != 2) {
        return bad();
      }
      if (args.get(0) instanceof Known a
          && args.get(1) instanceof Known b
          && a.value() instanceof String x
          && b.value() instanceof String y) {
        String l = x.toLowerCase(Locale.ROOT);
        String r = y.toLowerCase(Locale.ROOT);
        return new Known(name.equals("contains") ? l.contains(r) : l.endsWith(r));
      }
      return Special.UNKNOWN;
    }

    private static Val bad() {
      throw new IllegalStateException("wrong argument count");
    }

    private void skip() {
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
    }

    private boolean eat(String token) {
      skip();
      if (s.startsWith(token, i)) {
        // "!" must not eat the start of "!=", "<" not the start of "<=".
        if ((token.equals("!") || token.equals("<") || token.equals(">"))
            && i + 1 < s.length()
            && s.charAt(i + 1) == '=') {
          return false;
        }
        i += token.length();
        return true;
      }
      return false;
    }

    private void expect(String token) {
      if (!eat(token)) {
        throw new IllegalStateException("expected " + token);
      }
    }
  }

  /** Exposed for tests and callers that combine outcomes (a called job inside a skipped caller). */
  public static Outcome both(Outcome a, Outcome b) {
    return truth(and(fromOutcome(a), fromOutcome(b)));
  }
}
