package dev.pipeperf.report;

import dev.pipeperf.graph.PipelineGraph;
import dev.pipeperf.review.Timeline;
import java.util.List;

/**
 * Where a report's sections write. The sections decide nothing and know no format; a page prints
 * their blocks as markdown or HTML. Inline text may hold {@code `code`} and {@code **bold**} spans,
 * made with {@link #code} and {@link #bold}.
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

  /** Inline code; a value holding backticks is fenced with more of them. */
  static String code(String s) {
    String fence = s.contains("`") ? "`` " : "`";
    String close = s.contains("`") ? " ``" : "`";
    return fence + s + close;
  }

  static String bold(String s) {
    return "**" + s + "**";
  }
}
