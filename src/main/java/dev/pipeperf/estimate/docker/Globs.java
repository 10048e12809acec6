package dev.pipeperf.estimate.docker;

import java.util.regex.Pattern;

/**
 * Glob-to-regex translations: catalogue globs, Go's {@code filepath.Match} and Docker's {@code **}.
 */
final class Globs {

  private Globs() {}

  /**
   * Catalogue globs: {@code *} matches anything (slashes too), {@code ?} one character; ASCII
   * letters match either case. Matched directly rather than through a compiled regex: the build
   * estimator asks this for every base image and package against every catalogue glob.
   */
  static boolean matchesWhole(String glob, String text) {
    int g = 0;
    int t = 0;
    int starG = -1;
    int starT = 0;
    while (t < text.length()) {
      if (g < glob.length() && glob.charAt(g) == '*') {
        starG = g++;
        starT = t;
      } else if (g < glob.length() && matchesOne(glob.charAt(g), text.charAt(t))) {
        g++;
        t++;
      } else if (starG >= 0 && !isLineTerminator(text.charAt(starT))) {
        g = starG + 1;
        t = ++starT;
      } else {
        return false;
      }
    }
    while (g < glob.length() && glob.charAt(g) == '*') {
      g++;
    }
    return g == glob.length();
  }

  /** One glob character against one text character, as the regex {@code .} or a quoted char. */
  private static boolean matchesOne(char g, char c) {
    if (g == '?') {
      return !isLineTerminator(c);
    }
    return g == c || (isAsciiLetter(g) && isAsciiLetter(c) && (g | 0x20) == (c | 0x20));
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /** What a regex {@code .} (without DOTALL) does not match, so the old translation's behaviour. */
  private static boolean isLineTerminator(char c) {
    return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
  }

  /**
   * A path pattern as Docker reads it (moby's patternmatcher, which {@code .dockerignore} and COPY
   * sources share): {@code *} and {@code ?} stay inside one path element, {@code [...]} classes,
   * {@code \} escapes, and {@code **} matches any number of elements. The regex matches the whole
   * path.
   */
  static Pattern dockerPattern(String pattern) {
    StringBuilder re = new StringBuilder("^");
    int n = pattern.length();
    for (int i = 0; i < n; i++) {
      char c = pattern.charAt(i);
      if (c == '*') {
        if (i + 1 < n && pattern.charAt(i + 1) == '*') {
          i++;
          // "**/" matches zero or more directories; a trailing "**" anything.
          if (i + 1 < n && pattern.charAt(i + 1) == '/') {
            i++;
            re.append("(?:.*/)?");
          } else {
            re.append(".*");
          }
        } else {
          re.append("[^/]*");
        }
      } else if (c == '?') {
        re.append("[^/]");
      } else if (c == '[') {
        int close = pattern.indexOf(']', i + 1);
        if (close < 0) {
          re.append("\\[");
        } else {
          String cls = pattern.substring(i + 1, close);
          re.append('[');
          int k = 0;
          if (cls.startsWith("^") || cls.startsWith("!")) {
            re.append('^');
            k = 1;
          }
          for (; k < cls.length(); k++) {
            char ch = cls.charAt(k);
            if (ch == '\\' && k + 1 < cls.length()) {
              ch = cls.charAt(++k);
            }
            re.append(
                ch == '-' ? "-" : Character.isLetterOrDigit(ch) ? String.valueOf(ch) : "\\" + ch);
          }
          re.append(']');
          i = close;
        }
      } else if (c == '\\' && i + 1 < n) {
        re.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    try {
      return Pattern.compile(re.append('$').toString());
    } catch (java.util.regex.PatternSyntaxException e) {
      // Not a pattern Docker would accept either; match it as a literal path.
      return Pattern.compile(Pattern.quote(pattern));
    }
  }

  static boolean hasMeta(String s) {
    return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0;
  }

  /** Go's {@code filepath.Clean} for relative slash paths, without a leading slash; "" → ".". */
  static String clean(String path) {
    String p = path.replace('\\', '/');
    java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
    for (String e : p.split("/")) {
      if (e.isEmpty() || e.equals(".")) {
        continue;
      }
      if (e.equals("..")) {
        if (!parts.isEmpty() && !parts.peekLast().equals("..")) {
          parts.removeLast();
        } else if (!p.startsWith("/")) {
          parts.addLast("..");
        }
        continue;
      }
      parts.addLast(e);
    }
    return parts.isEmpty() ? "." : String.join("/", parts);
  }
}
