package dev.pipeperf.shell;

import java.util.List;

/**
 * One simple command of a shell script: its words with quotes removed, and where it starts.
 *
 * @param words the words, quotes and escapes removed, redirections dropped; never empty
 * @param offset the index in the script of the command's first character
 */
public record Command(List<String> words, int offset) {

  public Command {
    words = List.copyOf(words);
  }

  /**
   * The words from the program name on: leading {@code VAR=value} assignments and wrappers that
   * only run the rest ({@code sudo}, {@code env}, {@code nohup}, {@code time}, {@code exec}, {@code
   * command}, {@code eatmydata}) skipped.
   */
  public List<String> invocation() {
    int i = 0;
    while (i < words.size()) {
      String w = words.get(i);
      if (isAssignment(w)) {
        i++;
      } else if (w.equals("sudo") || w.equals("env")) {
        i++;
        while (i < words.size() && (words.get(i).startsWith("-") || isAssignment(words.get(i)))) {
          boolean takesValue = words.get(i).equals("-u") || words.get(i).equals("-g");
          i += takesValue ? 2 : 1;
        }
      } else if (w.equals("nohup")
          || w.equals("time")
          || w.equals("exec")
          || w.equals("command")
          || w.equals("eatmydata")) {
        i++;
      } else {
        break;
      }
    }
    return words.subList(Math.min(i, words.size()), words.size());
  }

  /** The program run: the first word of {@link #invocation()}, or null when there is none. */
  public String program() {
    List<String> inv = invocation();
    return inv.isEmpty() ? null : inv.get(0);
  }

  static boolean isAssignment(String w) {
    int eq = w.indexOf('=');
    if (eq <= 0) {
      return false;
    }
    for (int i = 0; i < eq; i++) {
      char c = w.charAt(i);
      boolean ok = c == '_' || Character.isLetter(c) || (i > 0 && Character.isDigit(c));
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
