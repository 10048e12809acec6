package dev.pipeperf.rules;

import dev.pipeperf.source.Escape;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A fix as text: replace the range from {@code (line, column)} up to, not including, {@code
 * (endLine, endColumn)} of {@code file} by {@code replacement}; an empty range inserts. Lines and
 * columns are 1-based, columns count UTF-16 characters as the parsers' locations do. A finding's
 * prose fix says what to do; its edits say it so that a program can do it: SARIF's {@code fixes},
 * the JSON report, and the tests that apply them and re-parse the result.
 *
 * @param file the file to change, relative to the analysed root
 * @param replacement the new text, line breaks included
 */
public record TextEdit(
    String file, int line, int column, int endLine, int endColumn, String replacement) {

  /** Only the characters a file may hold: no escape sequences smuggled in through names. */
  public TextEdit {
    if (line < 1 || column < 1 || endLine < line || (endLine == line && endColumn < column)) {
      throw new IllegalArgumentException(
          "bad range " + line + ":" + column + "-" + endLine + ":" + endColumn);
    }
    replacement = Escape.multiLine(replacement);
  }

  /** Inserts whole lines before line {@code line} (one past the last line appends). */
  public static TextEdit insertLines(String file, int line, List<String> lines) {
    StringBuilder text = new StringBuilder();
    lines.forEach(l -> text.append(l).append('\n'));
    return new TextEdit(file, line, 1, line, 1, text.toString());
  }

  /** True when the edit only inserts. */
  public boolean isInsertion() {
    return line == endLine && column == endColumn;
  }

  /**
   * The text with the edits of {@code file} applied (the others are ignored); edits must not
   * overlap. A position past the end of a line or of the text is clamped to it, so an insertion
   * "before line n+1" appends (adding the missing line break first).
   */
  public static String apply(String text, String file, List<TextEdit> edits) {
    List<TextEdit> mine = new ArrayList<>();
    for (TextEdit e : edits) {
      if (e.file().equals(file)) {
        mine.add(e);
      }
    }
    mine.sort(
        Comparator.comparingInt(TextEdit::line).thenComparingInt(TextEdit::column).reversed());
    String out = text;
    for (TextEdit e : mine) {
      int lineCount = lineStarts(out).size();
      String insert = e.replacement();
      if (e.line() > lineCount && !out.isEmpty() && !out.endsWith("\n")) {
        out = out + "\n";
      }
      int start = offset(out, e.line(), e.column());
      int end = offset(out, e.endLine(), e.endColumn());
      out = out.substring(0, start) + insert + out.substring(end);
    }
    return out;
  }

  private static List<Integer> lineStarts(String text) {
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n' && i + 1 < text.length()) {
        starts.add(i + 1);
      }
    }
    return starts;
  }

  private static int offset(String text, int line, int column) {
    List<Integer> starts = lineStarts(text);
    if (line > starts.size()) {
      return text.length();
    }
    int start = starts.get(line - 1);
    int lineEnd = text.indexOf('\n', start);
    if (lineEnd < 0) {
      lineEnd = text.length();
    }
    return Math.min(start + column - 1, lineEnd);
  }
}
