package dev.pipeperf.workspace;

import dev.pipeperf.bake.BakeDefinition;
import dev.pipeperf.config.PipeperfConfig;
import dev.pipeperf.dockerfile.Dockerfile;
import dev.pipeperf.source.Diagnostic;
import dev.pipeperf.source.SourceFile;
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
 * @param dockerfiles parsed Dockerfiles, by path relative to the root
 * @param bakeFiles bake files read ({@code docker-bake.hcl}, files workflows name), by path
 * @param bakes per folder holding default bake files, their evaluation without environment
 * @param sources every file read, by path (for suppression comments and reports)
 * @param filesRead how many files were read
 */
public record Workspace(
    Path root,
    PipeperfConfig config,
    List<Workflow> workflows,
    Map<String, ActionDefinition> actions,
    Map<String, Dockerfile> dockerfiles,
    Map<String, SourceFile> bakeFiles,
    Map<String, BakeDefinition> bakes,
    Map<String, SourceFile> sources,
    int filesRead,
    List<Diagnostic> diagnostics) {

  public Workspace {
    workflows = List.copyOf(workflows);
    actions = Map.copyOf(actions);
    dockerfiles = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(dockerfiles));
    sources = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(sources));
    bakeFiles = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(bakeFiles));
    bakes = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(bakes));
    diagnostics = List.copyOf(diagnostics);
  }

  /**
   * The Dockerfile at a root-relative path ({@code ./a/../Dockerfile} is normalised), if parsed.
   */
  public Optional<Dockerfile> dockerfile(String path) {
    return Optional.ofNullable(dockerfiles.get(Paths.normalise(path)));
  }

  public Optional<Workflow> workflow(String path) {
    return workflows.stream().filter(w -> w.path().equals(path)).findFirst();
  }
}
