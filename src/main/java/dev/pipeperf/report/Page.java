package dev.pipeperf.report;

import dev.pipeperf.graph.PipelineGraph;
import dev.pipeperf.review.Timeline;
import java.util.List;

/**
 * Where a report's sections write. The sections decide nothing and know no format; a page prints
 * their blocks as markdown or HTML. Inline text is raw data (a page escapes it for its format with
 * {@link dev.pipeperf.source.Escape}) holding code and bold spans made with {@link #code} and
 * {@link #bold}: private-use characters mark them, so no text from a repository can open or close
 * one.
 */
interface Page {

  void title(String text);

  void section(String id, String title);

  void subsection(String title);

  void paragraph(String inline);

  void bullets(List<String> inline);

  void numbered(List<String> inline);

  void table(List<String> header, List<List<String>> rows);

  /** Text whose lines and spacing matter (a fix, a chart drawn in characters). */
  void preformatted(String text);

  /** A workflow's current and optimised schedule as a Gantt chart. */
  void gantt(Timeline now, Timeline optimised);

  /** A workflow's jobs and their needs, the critical path marked. */
  void jobGraph(Timeline t, PipelineGraph graph, String caption);

  void divider();

  char CODE_OPEN = '\uE000';
  char CODE_CLOSE = '\uE001';
  char BOLD_OPEN = '\uE002';
  char BOLD_CLOSE = '\uE003';

  /** A code span around raw text. */
  static String code(String s) {
    return CODE_OPEN + plain(s) + CODE_CLOSE;
  }

  /** A bold span; it may hold code spans. */
  static String bold(String s) {
    return BOLD_OPEN
        + s.replace(String.valueOf(BOLD_OPEN), "").replace(String.valueOf(BOLD_CLOSE), "")
        + BOLD_CLOSE;
  }

  /** Text with any span markers removed (data never carries them). */
  static String plain(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < CODE_OPEN || c > BOLD_CLOSE) {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /**
   * Inline text in a format: {@code text} escapes raw runs, {@code code} escapes and wraps a code
   * span's content, {@code boldOpen}/{@code boldClose} wrap bold spans.
   */
  static String format(
      String inline,
      java.util.function.UnaryOperator<String> text,
      java.util.function.UnaryOperator<String> code,
      String boldOpen,
      String boldClose) {
    StringBuilder out = new StringBuilder(inline.length() + 16);
    StringBuilder run = new StringBuilder();
    for (int i = 0; i < inline.length(); i++) {
      char c = inline.charAt(i);
      if (c == CODE_OPEN) {
        out.append(text.apply(run.toString()));
        run.setLength(0);
        int end = inline.indexOf(CODE_CLOSE, i + 1);
        if (end < 0) {
          end = inline.length();
        }
        out.append(code.apply(inline.substring(i + 1, end)));
        i = end;
      } else if (c == BOLD_OPEN || c == BOLD_CLOSE) {
        out.append(text.apply(run.toString()));
        run.setLength(0);
        out.append(c == BOLD_OPEN ? boldOpen : boldClose);
      } else if (c != CODE_CLOSE) {
        run.append(c);
      }
    }
    out.append(text.apply(run.toString()));
    return out.toString();
  }
}
