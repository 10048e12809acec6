package dev.pipeperf.bake.hcl;

import static dev.pipeperf.bake.hcl.Conversions.toBool;
import static dev.pipeperf.bake.hcl.Conversions.toInt;
import static dev.pipeperf.bake.hcl.Conversions.toList;
import static dev.pipeperf.bake.hcl.Conversions.toNum;
import static dev.pipeperf.bake.hcl.Conversions.toStr;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Strings, regular expressions and {@code format} (go-cty's {@code string.go}, {@code regexp.go},
 * {@code format.go}).
 */
final class StringFunctions extends FunctionFamily {

  StringFunctions(Map<String, HclFunction> functions) {
    super(functions);
  }

  @Override
  void register() {
    strings();
  }

  private void strings() {
    fixed("lower", 1, (a, e) -> Value.str(s(a, 0).toLowerCase(Locale.ROOT)));
    fixed("upper", 1, (a, e) -> Value.str(s(a, 0).toUpperCase(Locale.ROOT)));
    fixed("title", 1, (a, e) -> Value.str(title(s(a, 0))));
    fixed("chomp", 1, (a, e) -> Value.str(s(a, 0).replaceAll("(\r?\n)+$", "")));
    fixed("trimspace", 1, (a, e) -> Value.str(s(a, 0).strip()));
    fixed(
        "trimprefix",
        2,
        (a, e) ->
            Value.str(s(a, 0).startsWith(s(a, 1)) ? s(a, 0).substring(s(a, 1).length()) : s(a, 0)));
    fixed(
        "trimsuffix",
        2,
        (a, e) ->
            Value.str(
                s(a, 0).endsWith(s(a, 1))
                    ? s(a, 0).substring(0, s(a, 0).length() - s(a, 1).length())
                    : s(a, 0)));
    fixed(
        "trim",
        2,
        (a, e) -> {
          String str = s(a, 0);
          String cut = s(a, 1);
          int b = 0;
          int end = str.length();
          while (b < end && cut.indexOf(str.charAt(b)) >= 0) {
            b++;
          }
          while (end > b && cut.indexOf(str.charAt(end - 1)) >= 0) {
            end--;
          }
          return Value.str(str.substring(b, end));
        });
    fixed("strlen", 1, (a, e) -> Value.num(s(a, 0).codePointCount(0, s(a, 0).length())));
    fixed("byteslen", 1, (a, e) -> Value.num(s(a, 0).getBytes(StandardCharsets.UTF_8).length));
    fixed(
        "bytesslice",
        3,
        (a, e) -> {
          byte[] b = s(a, 0).getBytes(StandardCharsets.UTF_8);
          int from = toInt(a.get(1));
          int to = toInt(a.get(2));
          if (from < 0 || to > b.length || from > to) {
            throw EvalError.of("offsets out of range");
          }
          return Value.str(new String(b, from, to - from, StandardCharsets.UTF_8));
        });
    fixed(
        "substr",
        3,
        (a, e) -> {
          int[] cps = s(a, 0).codePoints().toArray();
          int off = toInt(a.get(1));
          int len = toInt(a.get(2));
          if (off < 0) {
            off = Math.max(0, cps.length + off);
          }
          if (off > cps.length) {
            return Value.str("");
          }
          int end = len < 0 ? cps.length : Math.min(cps.length, off + len);
          return Value.str(new String(cps, off, end - off));
        });
    fixed("replace", 3, (a, e) -> Value.str(s(a, 0).replace(s(a, 1), s(a, 2))));
    fixed(
        "regex_replace",
        3,
        (a, e) -> Value.str(pattern(s(a, 1)).matcher(s(a, 0)).replaceAll(goReplacement(s(a, 2)))));
    fixed("reverse", 1, (a, e) -> Value.str(new StringBuilder(s(a, 0)).reverse().toString()));
    fixed(
        "split",
        2,
        (a, e) -> {
          String sep = s(a, 0);
          String str = s(a, 1);
          List<Value> out = new ArrayList<>();
          if (sep.isEmpty()) {
            str.codePoints().forEach(cp -> out.add(Value.str(new String(Character.toChars(cp)))));
          } else {
            int from = 0;
            while (true) {
              int i = str.indexOf(sep, from);
              if (i < 0) {
                out.add(Value.str(str.substring(from)));
                break;
              }
              out.add(Value.str(str.substring(from, i)));
              from = i + sep.length();
            }
          }
          e.charge(out.size());
          return new Value.Seq(out, false);
        });
    variadic(
        "join",
        2,
        (a, e) -> {
          List<String> parts = new ArrayList<>();
          for (Value l : a.subList(1, a.size())) {
            for (Value v : toList(l)) {
              if (v.isNull()) {
                throw EvalError.of("cannot join a null element");
              }
              parts.add(toStr(v));
            }
          }
          return Value.str(String.join(s(a, 0), parts));
        });
    fixed(
        "indent",
        2,
        (a, e) -> {
          String pad = " ".repeat(Math.max(0, Math.min(toInt(a.get(0)), 1000)));
          return Value.str(s(a, 1).replace("\n", "\n" + pad));
        });
    fixed("sanitize", 1, (a, e) -> Value.str(s(a, 0).replaceAll("[^a-zA-Z0-9_-]", "_")));
    fixed(
        "urlencode",
        1,
        (a, e) ->
            Value.str(
                URLEncoder.encode(s(a, 0), StandardCharsets.UTF_8)
                    .replace("*", "%2A")
                    .replace("%7E", "~")));
    variadic("format", 1, (a, e) -> Value.str(format(s(a, 0), a.subList(1, a.size()))));
    variadic(
        "formatlist",
        1,
        (a, e) -> {
          int n = -1;
          for (Value v : a.subList(1, a.size())) {
            if (v instanceof Value.Seq seq) {
              if (n >= 0 && n != seq.items().size()) {
                throw EvalError.of("all list arguments must have the same length");
              }
              n = seq.items().size();
            }
          }
          if (n < 0) {
            n = 1;
          }
          List<Value> out = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            List<Value> args = new ArrayList<>();
            for (Value v : a.subList(1, a.size())) {
              args.add(v instanceof Value.Seq seq ? seq.items().get(i) : v);
            }
            out.add(Value.str(format(s(a, 0), args)));
          }
          return Value.tuple(out);
        });
    fixed(
        "regex",
        2,
        (a, e) -> {
          Pattern p = pattern(s(a, 0));
          Matcher m = p.matcher(s(a, 1));
          if (!m.find()) {
            throw EvalError.of("pattern did not match any part of the given string");
          }
          return captures(p, m);
        });
    fixed(
        "regexall",
        2,
        (a, e) -> {
          Pattern p = pattern(s(a, 0));
          Matcher m = p.matcher(s(a, 1));
          List<Value> out = new ArrayList<>();
          while (m.find()) {
            e.charge(1);
            out.add(captures(p, m));
          }
          return Value.tuple(out);
        });
    fixed("semvercmp", 2, (a, e) -> Value.bool(Semver.satisfies(s(a, 0), s(a, 1))));
  }

  private static String title(String s) {
    StringBuilder sb = new StringBuilder();
    boolean prevLetter = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      sb.append(prevLetter ? c : Character.toTitleCase(c));
      prevLetter = Character.isLetter(c) || Character.isDigit(c) || c == '_' || c == '\'';
    }
    return sb.toString();
  }

  /**
   * Go's regexp is RE2, and so is RE2/J: the same syntax ({@code (?P<name>…)}), and time linear in
   * the subject with no recursion on it — {@code regex("(a|b)*", <40 KB>)} overflowed Java's stack
   * and {@code (a+)+$} backtracked for hours. Only the pattern's own nesting is bounded, since
   * RE2/J compiles it recursively.
   */
  private static Pattern pattern(String re) {
    int depth = 0;
    int deepest = 0;
    for (int i = 0; i < re.length(); i++) {
      char c = re.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '(') {
        deepest = Math.max(deepest, ++depth);
      } else if (c == ')') {
        depth--;
      }
    }
    if (deepest > MAX_PATTERN_NESTING || re.length() > MAX_PATTERN_LENGTH) {
      throw EvalError.of(
          "regular expression too complex (more than "
              + MAX_PATTERN_NESTING
              + " nested groups or "
              + MAX_PATTERN_LENGTH
              + " characters)");
    }
    try {
      return Pattern.compile(re);
    } catch (PatternSyntaxException ex) {
      throw EvalError.of("invalid regular expression: " + ex.getDescription());
    }
  }

  private static final int MAX_PATTERN_NESTING = 100;
  private static final int MAX_PATTERN_LENGTH = 10_000;

  private static String goReplacement(String r) {
    // Go writes $1 and ${name}; Java the same except that named groups are ${name} too.
    return r.replaceAll("\\$([a-zA-Z_][a-zA-Z0-9_]*)", "\\${$1}").replace("\\", "\\\\");
  }

  private static final Pattern NAMED_GROUP = Pattern.compile("\\(\\?P?<([a-zA-Z][a-zA-Z0-9_]*)>");

  private static Value captures(Pattern p, Matcher m) {
    List<String> named = new ArrayList<>();
    Matcher names = NAMED_GROUP.matcher(p.pattern());
    while (names.find()) {
      named.add(names.group(1));
    }
    if (m.groupCount() == 0) {
      return Value.str(m.group());
    }
    if (!named.isEmpty()) {
      Map<String, Value> out = new TreeMap<>();
      for (String k : named) {
        out.put(k, m.group(k) == null ? Value.NULL : Value.str(m.group(k)));
      }
      return Value.object(out);
    }
    List<Value> out = new ArrayList<>();
    for (int i = 1; i <= m.groupCount(); i++) {
      out.add(m.group(i) == null ? Value.NULL : Value.str(m.group(i)));
    }
    return Value.tuple(out);
  }

  /** Go-style {@code fmt} verbs as cty's format() supports them. */
  static String format(String fmt, List<Value> args) {
    StringBuilder sb = new StringBuilder();
    int next = 0;
    for (int i = 0; i < fmt.length(); i++) {
      char c = fmt.charAt(i);
      if (c != '%') {
        sb.append(c);
        continue;
      }
      int j = i + 1;
      if (j < fmt.length() && fmt.charAt(j) == '%') {
        sb.append('%');
        i = j;
        continue;
      }
      StringBuilder spec = new StringBuilder("%");
      while (j < fmt.length() && "+-# 0123456789.".indexOf(fmt.charAt(j)) >= 0) {
        spec.append(fmt.charAt(j++));
      }
      if (j >= fmt.length()) {
        throw EvalError.of("unterminated format verb");
      }
      for (String n : spec.substring(1).split("[^0-9]+")) {
        // A width or precision of %999999999d would fill the heap with padding.
        if (n.length() > 4 || (!n.isEmpty() && Integer.parseInt(n) > 1000)) {
          throw EvalError.of("format width or precision " + n + " is larger than 1000");
        }
      }
      char verb = fmt.charAt(j);
      i = j;
      if (next >= args.size()) {
        throw EvalError.of("not enough arguments for format string");
      }
      Value v = args.get(next++);
      switch (verb) {
        case 'v' ->
            sb.append(
                String.format(
                    Locale.ROOT,
                    spec + "s",
                    v instanceof Value.Str || v instanceof Value.Num || v instanceof Value.Bool
                        ? toStr(v)
                        : Json.encode(v)));
        case 's' -> sb.append(String.format(Locale.ROOT, spec + "s", toStr(v)));
        case 'q' -> sb.append(Json.encode(Value.str(toStr(v))));
        case 'd' -> sb.append(String.format(Locale.ROOT, spec + "d", toNum(v).toBigInteger()));
        case 'f', 'e', 'g' ->
            sb.append(String.format(Locale.ROOT, spec.toString() + verb, toNum(v)));
        case 't' -> sb.append(toBool(v));
        case 'x', 'X', 'o', 'b' ->
            sb.append(toNum(v).toBigInteger().toString(verb == 'o' ? 8 : verb == 'b' ? 2 : 16));
        default -> throw EvalError.of("unsupported format verb %" + verb);
      }
    }
    return sb.toString();
  }
}
