package dev.pipeperf.workspace;

import dev.pipeperf.config.PipeperfConfig;
import dev.pipeperf.source.Diagnostic;
import dev.pipeperf.workflow.ActionDefinition;
import dev.pipeperf.workflow.Workflow;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A repository as pipeperf read it: its configuration, the workflows and local actions it could
 * parse, and every diagnostic met while reading.
 *
 * @param root the analysed folder
 * @param config {@code .pipeperf.yml}, or the defaults
 * @param workflows parsed workflows, by path
 * @param actions local actions by the folder {@code uses: ./folder} names (no leading ./)
 * @param filesRead how many files were read
 */
public record Workspace(
    Path root,
    PipeperfConfig config,
    List<Workflow> workflows,
    Map<String, ActionDefinition> actions,
    int filesRead,
    List<Diagnostic> diagnostics) {

  public Workspace {
    workflows = List.copyOf(workflows);
    actions = Map.copyOf(actions);
    diagnostics = List.copyOf(diagnostics);
  }

  public Optional<Workflow> workflow(String path) {
    return workflows.stream().filter(w -> w.path().equals(path)).findFirst();
  }
}
