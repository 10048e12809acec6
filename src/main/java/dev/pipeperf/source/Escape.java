package dev.pipeperf.source;

/**
 * The one place that makes repository data safe to print. Names, keys, paths and messages come from
 * files a pull request can write; pipeperf's output lands in CI logs, where the runner executes any
 * line that starts with {@code ::} (after leading whitespace), in pull-request comments (markdown),
 * in HTML files, in mermaid and dot sources, and on terminals that obey ANSI escape sequences. Each
 * method here takes raw data and returns text that cannot leave the place it was put in: it cannot
 * start a new line, start a workflow command, close a table cell, a code span, an HTML element or a
 * graph label, or move a terminal's cursor.
 *
 * <p>Every method is one linear pass over its input.
 */
public final class Escape {

  private Escape() {}

  /**
   * Data on one line of text output (terminal, CI log, {@code path:line:col: message}): line breaks
   * become the visible {@code \n} / {@code \r}, ANSI escape sequences and other control characters
   * are dropped, and a leading {@code ::} or {@code ##[} (a runner command) gets a backslash.
   */
  public static String line(String s) {
    return neutraliseCommand(printable(s, "\\n", "\\r"));
  }

  /**
   * A name or message from a repository file, made fit for any one-line display: line breaks as the
   * visible {@code \n} / {@code \r}, ANSI escape sequences and control characters dropped. Models
   * apply it to what they call a display name, so every format gets one-line names.
   */
  public static String oneLine(String s) {
    return printable(s, "\\n", "\\r");
  }

  /**
   * Text that may span lines (a finding's fix): ANSI escape sequences and control characters
   * dropped, every kind of line break made a plain LF. Whoever prints it still puts each line
   * through {@link #neutraliseCommand}.
   */
  public static String multiLine(String s) {
    return printable(s, "\n", "");
  }

  /**
   * An output line pipeperf is about to print that it did not write as a workflow command: a
   * backslash before a {@code ::} or {@code ##[} at its start (after whitespace, which the runner
   * skips), so the runner shows it instead of executing it.
   */
  public static String neutraliseCommand(String line) {
    int i = 0;
    while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
      i++;
    }
    if (line.startsWith("::", i) || line.startsWith("##[", i)) {
      return line.substring(0, i) + "\\" + line.substring(i);
    }
    return line;
  }

  /** Whether a line, as the runner reads it, would be executed as a workflow command. */
  public static boolean isCommand(String line) {
    String t = line.stripLeading();
    return t.startsWith("::") || t.startsWith("##[");
  }

  /**
   * The message of a GitHub workflow command ({@code ::error …::message}), escaped as the runner's
   * toolkit expects: {@code %25}, {@code %0D}, {@code %0A}; control characters are dropped.
   */
  public static String annotationData(String s) {
    return printable(s, "\n", "\r").replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** A property of a workflow command ({@code file=}, {@code title=}): as data, plus : and ,. */
  public static String annotationProperty(String s) {
    return annotationData(s).replace(":", "%3A").replace(",", "%2C");
  }

  /**
   * Markdown inline text, also in a table cell: on one line, with pipes, backticks and HTML tags
   * escaped so a name cannot close a cell, open a code span or inject markup.
   */
  public static String markdown(String s) {
    String t = printable(s, " ", " ");
    StringBuilder sb = new StringBuilder(t.length() + 8);
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      switch (c) {
        case '|' -> sb.append("\\|");
        case '`' -> sb.append("\\`");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        default -> sb.append(c);
      }
    }
    return neutraliseCommand(sb.toString());
  }

  /**
   * Text inside a markdown code span ({@code `…`}): on one line; a backtick inside cannot be
   * escaped in a code span, so it becomes a prime ({@code ′}); a pipe, which GitHub's tables split
   * on even inside code, becomes {@code \|}.
   */
  public static String markdownCode(String s) {
    return printable(s, " ", " ").replace("`", "′").replace("|", "\\|");
  }

  /**
   * HTML element content and attribute values: the five special characters; control characters
   * dropped; line breaks kept as LF (a fix in {@code <pre>} spans lines), so whoever writes the
   * file still passes each line through {@link #neutraliseCommand}, as the CLI does.
   */
  public static String html(String s) {
    String t = printable(s, "\n", "");
    StringBuilder sb = new StringBuilder(t.length() + 16);
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /**
   * A mermaid label inside {@code ["…"]}: on one line, quotes and angle brackets as mermaid entity
   * codes ({@code #quot;}), and {@code #} itself so data cannot forge an entity, backticks (which
   * open a markdown string) replaced.
   */
  public static String mermaidLabel(String s) {
    String t = printable(s, " ", " ");
    StringBuilder sb = new StringBuilder(t.length() + 8);
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      switch (c) {
        case '#' -> sb.append("#35;");
        case '"' -> sb.append("#quot;");
        case '<' -> sb.append("#lt;");
        case '>' -> sb.append("#gt;");
        case '`' -> sb.append("#96;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /**
   * Text in a mermaid gantt or other statement where {@code :}, {@code #} and {@code ;} are syntax
   * and no entity codes work: on one line, those characters replaced by look-alikes.
   */
  public static String mermaidStatement(String s) {
    return printable(s, " ", " ")
        .replace("\"", "'")
        .replace(":", "∶")
        .replace("#", "♯")
        .replace(";", ",")
        .replace("`", "′");
  }

  /**
   * A dot (Graphviz) quoted string, quotes included: on one line, {@code \} and {@code "} escaped.
   */
  public static String dotString(String s) {
    return "\""
        + printable(s, "\n", "\r")
            .replace("\\", "\\\\")
            .replace("\"", "\\\"")
            .replace("\n", "\\n")
            .replace("\r", "")
        + "\"";
  }

  /**
   * A short excerpt of a file's content for a diagnostic: at most {@code max} characters on one
   * line, so a message can show what it did not understand without echoing a secret file.
   */
  public static String excerpt(String s, int max) {
    String t = line(s);
    return t.length() <= max ? t : t.substring(0, Math.max(0, max - 1)) + "…";
  }

  /**
   * Drops ANSI escape sequences (CSI, OSC, two-character ESC sequences and the C1 CSI) and control
   * characters other than tab, and replaces line breaks — LF, CR, and the Unicode ones — by {@code
   * lf} and {@code cr}.
   */
  static String printable(String s, String lf, String cr) {
    if (s == null) {
      return "";
    }
    if (clean(s)) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length());
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == '\n'
          || c == '\u2028'
          || c == '\u2029'
          || c == '\u0085'
          || c == '\u000B'
          || c == '\u000C') {
        sb.append(lf);
      } else if (c == '\r') {
        sb.append(cr);
      } else if (c == '\u001B') {
        i = skipEscape(s, i);
      } else if (c == '\u009B') {
        i = skipCsi(s, i + 1);
      } else if (c == '\u009D') {
        i = skipOsc(s, i + 1);
      } else if (c == '\t' || !Character.isISOControl(c)) {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static boolean clean(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((Character.isISOControl(c) && c != '\t') || c == '\u2028' || c == '\u2029') {
        return false;
      }
    }
    return true;
  }

  /** Returns the index of the escape sequence's last character, starting at ESC at {@code i}. */
  private static int skipEscape(String s, int i) {
    if (i + 1 >= s.length()) {
      return i;
    }
    char next = s.charAt(i + 1);
    if (next == '[') {
      return skipCsi(s, i + 2);
    }
    if (next == ']' || next == 'P' || next == '_' || next == '^' || next == 'X') {
      return skipOsc(s, i + 2);
    }
    return i + 1; // a two-character sequence such as ESC c (reset) or ESC 7
  }

  /** CSI: parameter and intermediate bytes, then one final byte in {@code @}–{@code ~}. */
  private static int skipCsi(String s, int from) {
    int j = from;
    while (j < s.length() && s.charAt(j) >= 0x20 && s.charAt(j) <= 0x3F) {
      j++;
    }
    while (j < s.length() && s.charAt(j) >= 0x20 && s.charAt(j) <= 0x2F) {
      j++;
    }
    return j < s.length() && s.charAt(j) >= 0x40 && s.charAt(j) <= 0x7E ? j : j - 1;
  }

  /** OSC and other strings: up to BEL or ESC \ (string terminator), or the end. */
  private static int skipOsc(String s, int from) {
    for (int j = from; j < s.length(); j++) {
      char c = s.charAt(j);
      if (c == '\u0007' || c == '\u009C') {
        return j;
      }
      if (c == '\u001B') {
        return j + 1 < s.length() && s.charAt(j + 1) == '\\' ? j + 1 : j - 1;
      }
    }
    return s.length() - 1;
  }
}
