package dev.pipeperf.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds heredoc markers ({@code <<EOF}, {@code 3<<-'EOF'}) in an instruction line the way BuildKit
 * does: lex the line into shell words keeping quotes and escapes, then match each word against
 * {@code ^(\d*)<<(-?)\s*([^<]*)$}. Whether the body is expanded is decided by lexing the terminator
 * twice, with and without quotes, and comparing the quote counts.
 */
final class HeredocWords {

  private HeredocWords() {}

  /** A marker found on the line; the body is read later. */
  record Marker(String name, boolean expand, boolean chomp, int fileDescriptor) {}

  /**
   * The markers on {@code line}, in order. A line that does not lex (an unterminated quote) has
   * none, as in BuildKit; a marker whose terminator does not lex is an error.
   */
  static List<Marker> fromLine(String line) throws ShellLex.LexError {
    List<String> words;
    try {
      words = new ShellLex('\\', true, true, true, false, Map.of()).process(line).words();
    } catch (ShellLex.LexError e) {
      return List.of();
    }
    List<Marker> out = new ArrayList<>();
    for (String word : words) {
      Marker m = parse(word);
      if (m != null) {
        out.add(m);
      }
    }
    return out;
  }

  /** Whether the whole of {@code s} is one heredoc marker (BuildKit's MustParseHeredoc). */
  static boolean isMarker(String s) {
    try {
      return parse(s) != null;
    } catch (ShellLex.LexError e) {
      return false;
    }
  }

  static Marker parse(String word) throws ShellLex.LexError {
    int i = 0;
    while (i < word.length() && word.charAt(i) >= '0' && word.charAt(i) <= '9') {
      i++;
    }
    String digits = word.substring(0, i);
    if (!word.startsWith("<<", i)) {
      return null;
    }
    i += 2;
    boolean chomp = i < word.length() && word.charAt(i) == '-';
    if (chomp) {
      i++;
    }
    while (i < word.length() && " \t\n\f\r".indexOf(word.charAt(i)) >= 0) {
      i++;
    }
    String rest = word.substring(i);
    if (rest.indexOf('<') >= 0 || rest.isEmpty()) {
      return null;
    }
    List<String> plain =
        new ShellLex('\\', false, false, true, false, Map.of()).process(rest).words();
    if (plain.size() != 1) {
      return null;
    }
    List<String> raw = new ShellLex('\\', true, false, true, false, Map.of()).process(rest).words();
    if (raw.size() != plain.size()) {
      throw new ShellLex.LexError(
          "internal lexing of heredoc produced inconsistent results: " + rest);
    }
    String name = plain.get(0);
    boolean expand = quotes(name) == quotes(raw.get(0));
    return new Marker(name, expand, chomp, fileDescriptor(digits));
  }

  private static int quotes(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '\'' || s.charAt(i) == '"') {
        n++;
      }
    }
    return n;
  }

  private static int fileDescriptor(String digits) {
    if (digits.isEmpty()) {
      return 0;
    }
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      return Integer.MAX_VALUE;
    }
  }
}
