package dev.pipeperf.dockerfile;

/**
 * The shell patterns of {@code ${X#pat}}, {@code ${X%pat}} and {@code ${X/pat/rep}} ({@code *},
 * {@code ?}, backslash escapes), matched without regular expressions so that no input can make
 * matching blow up. Values longer than {@link #MAX} are returned untouched: these only ever hold
 * image names and tags, and the bound keeps the quadratic search cheap.
 */
final class ShellGlob {

  static final int MAX = 256;

  private ShellGlob() {}

  static String trimPrefix(String pattern, String value, boolean greedy) {
    if (value.length() > MAX || pattern.length() > MAX) {
      return value;
    }
    int n = value.length();
    for (int k = 0; k <= n; k++) {
      int len = greedy ? n - k : k;
      if (matches(pattern, value.substring(0, len))) {
        return value.substring(len);
      }
    }
    return value;
  }

  static String trimSuffix(String pattern, String value, boolean greedy) {
    if (value.length() > MAX || pattern.length() > MAX) {
      return value;
    }
    int n = value.length();
    for (int k = 0; k <= n; k++) {
      int start = greedy ? k : n - k;
      if (matches(pattern, value.substring(start))) {
        return value.substring(0, start);
      }
    }
    return value;
  }

  static String replace(String value, String pattern, String replacement, boolean all) {
    if (value.length() > MAX || pattern.length() > MAX) {
      return value;
    }
    StringBuilder out = new StringBuilder();
    int i = 0;
    int n = value.length();
    boolean replaced = false;
    while (i <= n) {
      int end = -1;
      if (!replaced || all) {
        for (int e = n; e >= i; e--) {
          if (matches(pattern, value.substring(i, e))) {
            end = e;
            break;
          }
        }
      }
      if (end >= 0) {
        out.append(replacement);
        replaced = true;
        if (end > i) {
          i = end;
          continue;
        }
      }
      if (i < n) {
        out.append(value.charAt(i));
      }
      i++;
    }
    return out.toString();
  }

  /**
   * Whether the whole of {@code s} matches {@code pattern}: iterative, O(len(s) * len(pattern)).
   */
  static boolean matches(String pattern, String s) {
    // Decode the pattern into tokens: -1 = '*', -2 = '?', otherwise a literal char.
    int[] tok = new int[pattern.length()];
    int m = 0;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length()) {
        tok[m++] = pattern.charAt(++i);
      } else if (c == '*') {
        tok[m++] = -1;
      } else if (c == '?') {
        tok[m++] = -2;
      } else {
        tok[m++] = c;
      }
    }
    int si = 0;
    int pi = 0;
    int star = -1;
    int mark = 0;
    while (si < s.length()) {
      if (pi < m && (tok[pi] == -2 || tok[pi] == s.charAt(si))) {
        si++;
        pi++;
      } else if (pi < m && tok[pi] == -1) {
        star = pi++;
        mark = si;
      } else if (star >= 0) {
        pi = star + 1;
        si = ++mark;
      } else {
        return false;
      }
    }
    while (pi < m && tok[pi] == -1) {
      pi++;
    }
    return pi == m;
  }
}
