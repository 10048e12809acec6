package dev.pipeperf.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits a shell script (a Dockerfile {@code RUN}, a workflow {@code run:} block) into simple
 * commands, well enough to see what it runs: on {@code &&}, {@code ||}, {@code ;}, {@code |},
 * {@code &}, newlines and parentheses, outside quotes. Backslash-newline joins lines, comments and
 * heredoc bodies are skipped, redirections are dropped, {@code $(...)} and backquotes stay inside
 * their word. Not a shell: no expansion, no control-flow structure; {@code if}, {@code then},
 * {@code do} and the like are dropped from the front of a command so that the command itself shows.
 */
public final class ShellCommands {

  private static final Set<String> LEADING_KEYWORDS =
      Set.of("if", "then", "else", "elif", "do", "while", "until", "!", "{", "}");

  private final String s;
  private int pos;
  private final List<Command> out = new ArrayList<>();
  private final List<String> words = new ArrayList<>();
  private final List<String> heredocs = new ArrayList<>();
  private final StringBuilder word = new StringBuilder();
  private boolean inWord;
  private int commandStart = -1;

  private ShellCommands(String script) {
    this.s = script;
  }

  /** The commands of {@code script}, in order. Never throws; unbalanced quotes run to the end. */
  public static List<Command> split(String script) {
    if (script == null) {
      return List.of();
    }
    ShellCommands p = new ShellCommands(script);
    p.run();
    return List.copyOf(p.out);
  }

  private void run() {
    while (pos < s.length()) {
      char c = s.charAt(pos);
      switch (c) {
        case ' ', '\t', '\r' -> {
          endWord();
          pos++;
        }
        case '\n' -> {
          endCommand();
          pos++;
          skipHeredocBodies();
        }
        case '\\' -> {
          if (pos + 1 < s.length() && s.charAt(pos + 1) == '\n') {
            pos += 2;
          } else if (pos + 2 < s.length()
              && s.charAt(pos + 1) == '\r'
              && s.charAt(pos + 2) == '\n') {
            pos += 3;
          } else {
            start();
            if (pos + 1 < s.length()) {
              word.append(s.charAt(pos + 1));
            }
            pos += 2;
          }
        }
        case '\'' -> {
          start();
          int end = s.indexOf('\'', pos + 1);
          end = end < 0 ? s.length() : end;
          word.append(s, pos + 1, end);
          pos = end + 1;
        }
        case '"' -> doubleQuote();
        case '`' -> {
          start();
          int end = s.indexOf('`', pos + 1);
          end = end < 0 ? s.length() : end;
          word.append(s, pos, Math.min(s.length(), end + 1));
          pos = end + 1;
        }
        case '$' -> dollar();
        case '#' -> {
          if (inWord) {
            word.append(c);
            pos++;
          } else {
            while (pos < s.length() && s.charAt(pos) != '\n') {
              pos++;
            }
          }
        }
        case ';', '&', '|', '(', ')' -> {
          if (c == '&' && pos + 1 < s.length() && s.charAt(pos + 1) == '>') {
            endWord();
            redirection();
          } else {
            endCommand();
            pos++;
            while (pos < s.length() && (s.charAt(pos) == '&' || s.charAt(pos) == '|')) {
              pos++;
            }
          }
        }
        case '>', '<' -> {
          if (inWord && isAllDigits(word)) {
            // 2>&1: the digits name a file descriptor, not an argument.
            word.setLength(0);
            inWord = false;
          }
          endWord();
          redirection();
        }
        default -> {
          start();
          word.append(c);
          pos++;
        }
      }
    }
    endCommand();
  }

  private static boolean isAllDigits(CharSequence w) {
    for (int i = 0; i < w.length(); i++) {
      if (!Character.isDigit(w.charAt(i))) {
        return false;
      }
    }
    return w.length() > 0;
  }

  private void start() {
    if (commandStart < 0) {
      commandStart = pos;
    }
    inWord = true;
  }

  private void endWord() {
    if (inWord) {
      words.add(word.toString());
      word.setLength(0);
      inWord = false;
    }
  }

  private void endCommand() {
    endWord();
    int i = 0;
    while (i < words.size() && LEADING_KEYWORDS.contains(words.get(i))) {
      i++;
    }
    List<String> rest = words.subList(i, words.size());
    rest.removeIf(w -> w.equals("{") || w.equals("}"));
    if (!rest.isEmpty()) {
      out.add(new Command(new ArrayList<>(rest), commandStart < 0 ? 0 : commandStart));
    }
    words.clear();
    commandStart = -1;
  }

  private void doubleQuote() {
    start();
    pos++;
    while (pos < s.length() && s.charAt(pos) != '"') {
      char c = s.charAt(pos);
      if (c == '\\' && pos + 1 < s.length()) {
        char n = s.charAt(pos + 1);
        if (n == '\n') {
          pos += 2;
          continue;
        }
        if (n == '"' || n == '\\' || n == '$' || n == '`') {
          word.append(n);
          pos += 2;
          continue;
        }
      }
      word.append(c);
      pos++;
    }
    pos++;
  }

  /** {@code $(...)}, {@code ${...}} and {@code $((...))} stay in the word, as written. */
  private void dollar() {
    start();
    int from = pos;
    if (pos + 1 < s.length() && (s.charAt(pos + 1) == '(' || s.charAt(pos + 1) == '{')) {
      char open = s.charAt(pos + 1);
      char close = open == '(' ? ')' : '}';
      int depth = 0;
      pos++;
      while (pos < s.length()) {
        char c = s.charAt(pos);
        if (c == '\\') {
          pos += 2;
          continue;
        }
        if (c == '\'' && open == '(') {
          int end = s.indexOf('\'', pos + 1);
          pos = end < 0 ? s.length() : end + 1;
          continue;
        }
        if (c == open) {
          depth++;
        } else if (c == close && --depth == 0) {
          pos++;
          break;
        }
        pos++;
      }
      word.append(s, from, Math.min(pos, s.length()));
    } else {
      word.append('$');
      pos++;
    }
  }

  /**
   * Drops a redirection and its target ({@code > f}, {@code 2>&1}, {@code &> f}); a heredoc ({@code
   * <<EOF}) is remembered so that its body is skipped after the line ends.
   */
  private void redirection() {
    int opStart = pos;
    while (pos < s.length() && "<>&|-".indexOf(s.charAt(pos)) >= 0) {
      pos++;
    }
    String op = s.substring(opStart, pos);
    boolean heredoc = op.startsWith("<<") && !op.startsWith("<<<");
    while (pos < s.length() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t')) {
      pos++;
    }
    StringBuilder target = new StringBuilder();
    while (pos < s.length()) {
      char c = s.charAt(pos);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ';' || c == '|' || c == '&'
          || c == ')' || c == '<' || c == '>') {
        break;
      }
      if (c != '\'' && c != '"' && c != '\\') {
        target.append(c);
      }
      pos++;
    }
    if (heredoc && target.length() > 0) {
      heredocs.add(target.toString());
    }
  }

  private void skipHeredocBodies() {
    for (String delimiter : heredocs) {
      while (pos < s.length()) {
        int end = s.indexOf('\n', pos);
        int lineEnd = end < 0 ? s.length() : end;
        String line = s.substring(pos, lineEnd).strip();
        pos = end < 0 ? s.length() : end + 1;
        if (line.equals(delimiter)) {
          break;
        }
      }
    }
    heredocs.clear();
  }
}
