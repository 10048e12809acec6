package dev.pipeperf.cli;

import dev.pipeperf.graph.PipelineGraph;
import java.util.List;

/**
 * What a {@code --workflow} that matches nothing tells the user. Such a filter is a usage error in
 * every command: a gate that compares no workflow would pass forever.
 */
final class WorkflowFilter {

  private WorkflowFilter() {}

  /** One message: the filter, a hint about literal quotes, and the workflows there are. */
  static String noMatch(String filter, List<PipelineGraph.WorkflowEntry> workflows) {
    StringBuilder m =
        new StringBuilder("--workflow '").append(filter).append("' matches no workflow");
    String unquoted = filter.strip();
    if (unquoted.length() >= 2
        && (unquoted.startsWith("\"") && unquoted.endsWith("\"")
            || unquoted.startsWith("'") && unquoted.endsWith("'"))) {
      m.append(" (the quotes are part of the value: a shell or `read -a` passed them literally)");
    }
    if (workflows.isEmpty()) {
      return m.append("; the repository has no workflow").toString();
    }
    m.append("; give a workflow's name, file name or path, one of: ");
    int shown = 0;
    for (PipelineGraph.WorkflowEntry w : workflows) {
      if (shown == 12) {
        m.append(", … (").append(workflows.size() - shown).append(" more)");
        break;
      }
      m.append(shown == 0 ? "" : ", ")
          .append(w.displayName())
          .append(" (")
          .append(w.path())
          .append(')');
      shown++;
    }
    return m.toString();
  }
}
