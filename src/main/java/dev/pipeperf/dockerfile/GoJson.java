package dev.pipeperf.dockerfile;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Reads the exec form ({@code ["a", "b"]}) the way BuildKit's {@code parseJSON} does with Go's
 * {@code encoding/json}: strict JSON (only space, tab, CR and LF as whitespace), a top-level array,
 * any nesting up to Go's depth limit. Hand-written and iterative so that hostile input (deep
 * nesting, long lines) costs linear time and no stack.
 */
final class GoJson {

  /** Go's decoder refuses nesting deeper than this. */
  private static final int MAX_DEPTH = 10_000;

  /**
   * What the array held.
   *
   * @param strings the elements when the text is a valid JSON array of strings, else null
   * @param notStrings true when the text is a valid JSON array holding something other than a
   *     string: BuildKit's "arrays must be comprised of strings only" error
   */
  record Result(List<String> strings, boolean notStrings) {
    static final Result INVALID = new Result(null, false);
  }

  private final String s;
  private int pos;
  private boolean unrepresentable;

  private GoJson(String s) {
    this.s = s;
  }

  /** Parses {@code text}, which BuildKit has already left-trimmed. */
  static Result parseArray(String text) {
    GoJson p = new GoJson(text);
    try {
      return p.topLevel();
    } catch (Invalid e) {
      return Result.INVALID;
    }
  }

  private static final class Invalid extends Exception {
    private static final long serialVersionUID = 1L;

    Invalid() {
      super(null, null, false, false);
    }
  }

  private Result topLevel() throws Invalid {
    skipWs();
    expect('[');
    List<String> out = new ArrayList<>();
    boolean notStrings = false;
    skipWs();
    if (peek() == ']') {
      pos++;
    } else {
      while (true) {
        skipWs();
        if (peek() == '"') {
          out.add(string());
        } else {
          value(1);
          notStrings = true;
        }
        skipWs();
        int c = next();
        if (c == ']') {
          break;
        }
        if (c != ',') {
          throw new Invalid();
        }
      }
    }
    skipWs();
    if (pos != s.length()) {
      throw new Invalid();
    }
    if (unrepresentable) {
      // Go's Unmarshal fails on a number float64 cannot hold; BuildKit then falls back to text.
      return Result.INVALID;
    }
    return notStrings ? new Result(null, true) : new Result(out, false);
  }

  /** Validates one value of any kind, without recursion. */
  private void value(int outerDepth) throws Invalid {
    Deque<Character> stack = new ArrayDeque<>();
    while (true) {
      skipWs();
      int c = peek();
      boolean complete;
      if (c == '{' || c == '[') {
        pos++;
        stack.push((char) c);
        if (outerDepth + stack.size() > MAX_DEPTH) {
          throw new Invalid();
        }
        skipWs();
        if (peek() == (c == '{' ? '}' : ']')) {
          pos++;
          stack.pop();
          complete = true;
        } else if (c == '{') {
          key();
          continue;
        } else {
          continue;
        }
      } else if (c == '"') {
        string();
        complete = true;
      } else if (c == 't') {
        literal("true");
        complete = true;
      } else if (c == 'f') {
        literal("false");
        complete = true;
      } else if (c == 'n') {
        literal("null");
        complete = true;
      } else if (c == '-' || (c >= '0' && c <= '9')) {
        number();
        complete = true;
      } else {
        throw new Invalid();
      }
      while (complete) {
        if (stack.isEmpty()) {
          return;
        }
        skipWs();
        int d = next();
        char top = stack.peek();
        if (d == ',') {
          if (top == '{') {
            key();
          }
          complete = false;
        } else if ((top == '{' && d == '}') || (top == '[' && d == ']')) {
          stack.pop();
        } else {
          throw new Invalid();
        }
      }
    }
  }

  private void key() throws Invalid {
    skipWs();
    if (peek() != '"') {
      throw new Invalid();
    }
    string();
    skipWs();
    expect(':');
  }

  private void literal(String word) throws Invalid {
    if (!s.startsWith(word, pos)) {
      throw new Invalid();
    }
    pos += word.length();
  }

  private void number() throws Invalid {
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    if (peek() == '0') {
      pos++;
    } else if (isDigit(peek())) {
      while (isDigit(peek())) {
        pos++;
      }
    } else {
      throw new Invalid();
    }
    if (peek() == '.') {
      pos++;
      if (!isDigit(peek())) {
        throw new Invalid();
      }
      while (isDigit(peek())) {
        pos++;
      }
    }
    if (peek() == 'e' || peek() == 'E') {
      pos++;
      if (peek() == '+' || peek() == '-') {
        pos++;
      }
      if (!isDigit(peek())) {
        throw new Invalid();
      }
      while (isDigit(peek())) {
        pos++;
      }
    }
    if (overflows(s.substring(start, pos))) {
      unrepresentable = true;
    }
  }

  /** Whether a valid JSON number is beyond float64, without parsing huge digit strings. */
  static boolean overflows(String number) {
    if (number.length() <= 400) {
      return Double.isInfinite(Double.parseDouble(number));
    }
    String mantissa = number.split("[eE]", 2)[0].replace("-", "");
    long exponent = 0;
    int e = Math.max(number.indexOf('e'), number.indexOf('E'));
    if (e >= 0) {
      String digits = number.substring(e + 1).replace("+", "");
      try {
        exponent = Long.parseLong(digits);
      } catch (NumberFormatException tooLong) {
        return !digits.startsWith("-");
      }
    }
    int dot = mantissa.indexOf('.');
    String intPart = (dot < 0 ? mantissa : mantissa.substring(0, dot)).replaceFirst("^0+", "");
    long magnitude = intPart.isEmpty() ? -1 : intPart.length() - 1;
    return magnitude + exponent > 308;
  }

  private String string() throws Invalid {
    expect('"');
    StringBuilder out = new StringBuilder();
    while (true) {
      int c = next();
      if (c < 0 || c < 0x20) {
        throw new Invalid();
      }
      if (c == '"') {
        return out.toString();
      }
      if (c != '\\') {
        out.append((char) c);
        continue;
      }
      int e = next();
      switch (e) {
        case '"', '\\', '/' -> out.append((char) e);
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          char u = hex4();
          if (Character.isHighSurrogate(u)
              && s.startsWith("\\u", pos)
              && pos + 6 <= s.length()
              && isHex(s, pos + 2)) {
            char low = (char) Integer.parseInt(s.substring(pos + 2, pos + 6), 16);
            if (Character.isLowSurrogate(low)) {
              pos += 6;
              out.append(u).append(low);
              break;
            }
          }
          out.append(Character.isSurrogate(u) ? '\uFFFD' : u);
        }
        default -> throw new Invalid();
      }
    }
  }

  private char hex4() throws Invalid {
    if (pos + 4 > s.length() || !isHex(s, pos)) {
      throw new Invalid();
    }
    char c = (char) Integer.parseInt(s.substring(pos, pos + 4), 16);
    pos += 4;
    return c;
  }

  private static boolean isHex(String text, int at) {
    if (at + 4 > text.length()) {
      return false;
    }
    for (int i = at; i < at + 4; i++) {
      if (Character.digit(text.charAt(i), 16) < 0 || text.charAt(i) > 'f') {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }

  private void skipWs() {
    while (pos < s.length()) {
      char c = s.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  private void expect(char c) throws Invalid {
    if (next() != c) {
      throw new Invalid();
    }
  }

  private int peek() {
    return pos < s.length() ? s.charAt(pos) : -1;
  }

  private int next() {
    return pos < s.length() ? s.charAt(pos++) : -1;
  }
}
