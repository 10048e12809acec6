package dev.pipeperf.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A tokeniser for GitHub's {@code ${{ }}} expressions, good enough to know what an expression
 * refers to ({@code needs.build.outputs.tag}, {@code matrix.os}, {@code steps.x.outputs.y}) — which
 * is what the graph and the rules need. It does not evaluate anything.
 */
public final class Expressions {

  /** The contexts GitHub defines; a property chain starting with one of them is a reference. */
  public static final Set<String> CONTEXTS =
      Set.of(
          "github",
          "env",
          "vars",
          "job",
          "jobs",
          "steps",
          "runner",
          "secrets",
          "strategy",
          "matrix",
          "needs",
          "inputs");

  private Expressions() {}

  /** True when the text holds a {@code ${{ ... }}}. */
  public static boolean containsExpression(String text) {
    return text != null && text.contains("${{");
  }

  /** The bodies of every {@code ${{ ... }}} in the text, quotes respected. */
  public static List<String> bodies(String text) {
    List<String> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    int i = 0;
    while (true) {
      int start = text.indexOf("${{", i);
      if (start < 0) {
        return out;
      }
      int j = start + 3;
      boolean inString = false;
      int end = -1;
      while (j < text.length()) {
        char c = text.charAt(j);
        if (inString) {
          if (c == '\'') {
            if (j + 1 < text.length() && text.charAt(j + 1) == '\'') {
              j++;
            } else {
              inString = false;
            }
          }
        } else if (c == '\'') {
          inString = true;
        } else if (c == '}' && j + 1 < text.length() && text.charAt(j + 1) == '}') {
          end = j;
          break;
        }
        j++;
      }
      if (end < 0) {
        return out;
      }
      out.add(text.substring(start + 3, end).strip());
      i = end + 2;
    }
  }

  /** A context property chain an expression refers to, e.g. {@code needs, build, outputs, tag}. */
  public record Reference(String context, List<String> path) {
    public Reference {
      path = List.copyOf(path);
    }

    /** The first property after the context ({@code build} in {@code needs.build.outputs.x}). */
    public String first() {
      return path.isEmpty() ? null : path.get(0);
    }

    @Override
    public String toString() {
      return path.isEmpty() ? context : context + "." + String.join(".", path);
    }
  }

  /** References in a text with {@code ${{ }}} wrappers (e.g. a {@code with:} value). */
  public static List<Reference> referencesInTemplate(String text) {
    List<Reference> out = new ArrayList<>();
    for (String body : bodies(text)) {
      out.addAll(references(body));
    }
    return out;
  }

  /**
   * References in a condition ({@code if:} may omit the wrapper) or in a template; both forms are
   * accepted.
   */
  public static List<Reference> referencesInCondition(String text) {
    if (text == null) {
      return List.of();
    }
    return containsExpression(text) ? referencesInTemplate(text) : references(text);
  }

  /** References in one expression body. */
  public static List<Reference> references(String body) {
    List<Reference> out = new ArrayList<>();
    int i = 0;
    int n = body.length();
    char prev = ' ';
    while (i < n) {
      char c = body.charAt(i);
      if (c == '\'') {
        i = skipString(body, i);
        prev = '\'';
        continue;
      }
      if (isIdentStart(c) && prev != '.') {
        int j = identEnd(body, i);
        String ident = body.substring(i, j);
        if (CONTEXTS.contains(ident) && !isCall(body, j)) {
          List<String> path = new ArrayList<>();
          j = readChain(body, j, path);
          out.add(new Reference(ident, path));
        }
        prev = 'a';
        i = j;
        continue;
      }
      if (!Character.isWhitespace(c)) {
        prev = c;
      }
      i++;
    }
    return out;
  }

  private static boolean isCall(String s, int j) {
    while (j < s.length() && s.charAt(j) == ' ') {
      j++;
    }
    return j < s.length() && s.charAt(j) == '(';
  }

  private static int readChain(String s, int j, List<String> path) {
    int n = s.length();
    while (j < n) {
      char c = s.charAt(j);
      if (c == '.' && j + 1 < n && (isIdentStart(s.charAt(j + 1)) || s.charAt(j + 1) == '*')) {
        if (s.charAt(j + 1) == '*') {
          path.add("*");
          j += 2;
        } else {
          int e = identEnd(s, j + 1);
          path.add(s.substring(j + 1, e));
          j = e;
        }
      } else if (c == '[') {
        int close = j + 1;
        if (close < n && s.charAt(close) == '\'') {
          int end = skipString(s, close);
          String key = s.substring(close + 1, Math.max(close + 1, end - 1)).replace("''", "'");
          path.add(key);
          close = end;
        } else {
          while (close < n && s.charAt(close) != ']') {
            close++;
          }
          path.add("*");
        }
        while (close < n && s.charAt(close) != ']') {
          close++;
        }
        j = Math.min(n, close + 1);
      } else {
        break;
      }
    }
    return j;
  }

  private static int skipString(String s, int i) {
    int j = i + 1;
    while (j < s.length()) {
      if (s.charAt(j) == '\'') {
        if (j + 1 < s.length() && s.charAt(j + 1) == '\'') {
          j += 2;
          continue;
        }
        return j + 1;
      }
      j++;
    }
    return j;
  }

  private static boolean isIdentStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  private static int identEnd(String s, int i) {
    int j = i;
    while (j < s.length()) {
      char c = s.charAt(j);
      if (Character.isLetterOrDigit(c) || c == '_' || c == '-') {
        j++;
      } else {
        break;
      }
    }
    return j;
  }
}
