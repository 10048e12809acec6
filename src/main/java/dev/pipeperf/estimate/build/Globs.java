package dev.pipeperf.estimate.build;

import java.util.regex.Pattern;

/**
 * Glob-to-regex translations: catalogue globs, Go's {@code filepath.Match} and Docker's {@code **}.
 */
final class Globs {

  private Globs() {}

  /** Catalogue globs: {@code *} matches anything (slashes too), {@code ?} one character. */
  static boolean matchesWhole(String glob, String text) {
    StringBuilder re = new StringBuilder();
    for (char c : glob.toCharArray()) {
      switch (c) {
        case '*' -> re.append(".*");
        case '?' -> re.append('.');
        default -> re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE).matcher(text).matches();
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
