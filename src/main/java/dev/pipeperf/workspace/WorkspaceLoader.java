package dev.pipeperf.workspace;

import dev.pipeperf.bake.BakeDefinition;
import dev.pipeperf.bake.BakeEvaluator;
import dev.pipeperf.config.ConfigLoader;
import dev.pipeperf.config.PipeperfConfig;
import dev.pipeperf.dockerfile.Dockerfile;
import dev.pipeperf.dockerfile.DockerfileParser;
import dev.pipeperf.source.Diagnostic;
import dev.pipeperf.source.Location;
import dev.pipeperf.source.ParseResult;
import dev.pipeperf.source.SourceFile;
import dev.pipeperf.workflow.ActionDefinition;
import dev.pipeperf.workflow.ActionParser;
import dev.pipeperf.workflow.Job;
import dev.pipeperf.workflow.Step;
import dev.pipeperf.workflow.Workflow;
import dev.pipeperf.workflow.WorkflowParser;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Discovers and reads a repository's files (spec §2): workflows directly under {@code
 * .github/workflows}, the local actions they use, and {@code .pipeperf.yml}. Never runs anything
 * and never follows a link out of the root.
 */
public final class WorkspaceLoader {

  private final Path root;
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private final List<PathMatcher> excludes = new ArrayList<>();
  private final Map<String, SourceFile> sources = new LinkedHashMap<>();
  private int filesRead;

  private WorkspaceLoader(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /**
   * Loads a repository. {@code configFile} is an explicit config path, or null to use {@code
   * .pipeperf.yml} at the root when present. A broken config is a diagnostic, and the result
   * carries the defaults.
   */
  public static Workspace load(Path root, Path configFile) {
    return new WorkspaceLoader(root).run(configFile);
  }

  /** Reads only the configuration; null model when it is broken. */
  public static ParseResult<PipeperfConfig> readConfig(Path root, Path configFile) {
    Path file = configFile != null ? configFile : root.resolve(ConfigLoader.FILE_NAME);
    if (!Files.isRegularFile(file)) {
      if (configFile != null) {
        return ParseResult.failed(
            List.of(
                Diagnostic.error(
                    Location.ofFile(configFile.toString()), "config", "config file not found")));
      }
      return ParseResult.of(PipeperfConfig.DEFAULT, List.of());
    }
    String shown = configFile != null ? configFile.toString() : ConfigLoader.FILE_NAME;
    ParseResult<SourceFile> src = SourceFile.read(file, shown);
    if (!src.hasModel()) {
      return ParseResult.failed(src.diagnostics());
    }
    return ConfigLoader.parse(src.model());
  }

  private Workspace run(Path configFile) {
    ParseResult<PipeperfConfig> cfg = readConfig(root, configFile);
    diagnostics.addAll(cfg.diagnostics());
    PipeperfConfig config = cfg.hasModel() ? cfg.model() : PipeperfConfig.DEFAULT;
    for (String glob : config.exclude()) {
      excludes.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
    }
    List<Workflow> workflows = new ArrayList<>();
    for (Path p : workflowFiles()) {
      SourceFile file = read(p);
      if (file == null) {
        continue;
      }
      ParseResult<Workflow> r = WorkflowParser.parse(file);
      diagnostics.addAll(r.diagnostics());
      if (r.hasModel()) {
        workflows.add(r.model());
      }
    }
    Map<String, ActionDefinition> actions = localActions(workflows);
    Map<String, Dockerfile> dockerfiles = new LinkedHashMap<>();
    java.util.Set<String> wanted = new java.util.TreeSet<>();
    RepositoryWalk walk = RepositoryWalk.of(root, excludes);
    diagnostics.addAll(walk.diagnostics());
    wanted.addAll(walk.dockerfiles());
    wanted.addAll(BuildReferences.dockerfilesNamedBy(workflows));
    for (String path : wanted) {
      Path p = root.resolve(path);
      if (!Files.isRegularFile(p) || leavesRoot(p)) {
        continue;
      }
      SourceFile file = read(p);
      if (file == null) {
        continue;
      }
      ParseResult<Dockerfile> r = DockerfileParser.parse(file);
      diagnostics.addAll(r.diagnostics());
      if (r.hasModel()) {
        dockerfiles.put(path, r.model());
      }
    }
    Map<String, SourceFile> bakeFiles = new LinkedHashMap<>();
    java.util.Set<String> bakeWanted = new java.util.TreeSet<>(walk.bakeFiles());
    bakeWanted.addAll(BuildReferences.bakeFilesNamedBy(workflows));
    for (String path : bakeWanted) {
      Path p = root.resolve(path);
      if (Files.isRegularFile(p) && !leavesRoot(p)) {
        SourceFile file = read(p);
        if (file != null) {
          bakeFiles.put(path, file);
        }
      }
    }
    Map<String, BakeDefinition> bakes = new LinkedHashMap<>();
    java.util.Set<String> dirs = new java.util.TreeSet<>();
    walk.bakeFiles().forEach(f -> dirs.add(Paths.parent(f)));
    for (String dir : dirs) {
      List<SourceFile> set = new ArrayList<>();
      for (String name : BakeEvaluator.DEFAULT_FILES) {
        SourceFile f = bakeFiles.get(Paths.join(dir, name));
        if (f != null) {
          set.add(f);
        }
      }
      if (set.isEmpty()) {
        continue;
      }
      ParseResult<BakeDefinition> r = BakeEvaluator.evaluate(set, Map.of());
      diagnostics.addAll(r.diagnostics());
      if (r.hasModel()) {
        bakes.put(dir, r.model());
      }
    }
    return new Workspace(
        root,
        config,
        workflows,
        actions,
        dockerfiles,
        bakeFiles,
        bakes,
        sources,
        filesRead,
        diagnostics);
  }

  private List<Path> workflowFiles() {
    Path dir = root.resolve(".github").resolve("workflows");
    List<Path> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        String n = p.getFileName().toString();
        if ((n.endsWith(".yml") || n.endsWith(".yaml"))
            && Files.isRegularFile(p)
            && !excluded(p)
            && !leavesRoot(p)) {
          out.add(p);
        }
      }
    } catch (IOException e) {
      diagnostics.add(
          Diagnostic.error(
              Location.ofFile(relative(dir)), "unreadable-file", "cannot list: " + e.getMessage()));
    }
    out.sort(null);
    return out;
  }

  /**
   * Local actions named by {@code uses: ./path}, transitively through composite actions. {@code ./}
   * is the runner's workspace: after {@code actions/checkout} with {@code path: src}, the
   * repository's {@code .github/actions/x} is used as {@code ./src/.github/actions/x}.
   */
  private Map<String, ActionDefinition> localActions(List<Workflow> workflows) {
    Map<String, ActionDefinition> actions = new LinkedHashMap<>();
    Deque<Map.Entry<Step, List<String>>> pending = new ArrayDeque<>();
    for (Workflow w : workflows) {
      for (Job j : w.jobs()) {
        List<String> checkouts = new ArrayList<>();
        for (Step s : j.allSteps()) {
          pending.add(Map.entry(s, List.copyOf(checkouts)));
          String path = s.with().get("path");
          if (s.uses() != null && s.uses().startsWith("actions/checkout@") && path != null) {
            String p = normalise(path);
            if (!p.isEmpty() && !p.startsWith("..") && !p.contains("${{")) {
              checkouts.add(p);
            }
          }
        }
      }
    }
    int budget = 1_000;
    while (!pending.isEmpty() && budget-- > 0) {
      Map.Entry<Step, List<String>> next = pending.pop();
      Step s = next.getKey();
      String uses = s.uses();
      if (uses == null || !uses.startsWith("./")) {
        continue;
      }
      String folder = normalise(uses);
      if (actions.containsKey(folder) || folder.startsWith("..")) {
        continue;
      }
      Path file = actionFile(folder);
      for (String checkout : next.getValue()) {
        if (file == null && folder.startsWith(checkout + "/")) {
          file = actionFile(folder.substring(checkout.length() + 1));
        }
      }
      if (file == null) {
        diagnostics.add(
            Diagnostic.warning(
                s.location(),
                "missing-local-action",
                "local action " + uses + " has no action.yml in this repository"));
        actions.put(folder, null);
        continue;
      }
      SourceFile src = read(file);
      if (src == null) {
        continue;
      }
      ParseResult<ActionDefinition> r = ActionParser.parse(src);
      diagnostics.addAll(r.diagnostics());
      if (r.hasModel()) {
        actions.put(folder, r.model());
        Step.flatten(r.model().steps()).forEach(a -> pending.add(Map.entry(a, next.getValue())));
      }
    }
    actions.values().removeIf(java.util.Objects::isNull);
    return actions;
  }

  /** The action.yml (or action.yaml) of a repository folder, or null when it has none. */
  private Path actionFile(String folder) {
    Path dir = root.resolve(folder).normalize();
    Path file =
        Files.isRegularFile(dir.resolve("action.yml"))
            ? dir.resolve("action.yml")
            : dir.resolve("action.yaml");
    return dir.startsWith(root) && Files.isRegularFile(file) && inside(file) ? file : null;
  }

  /** {@code ./.github/actions/setup/} → {@code .github/actions/setup}. */
  public static String normalise(String uses) {
    return Paths.normalise(uses);
  }

  private SourceFile read(Path p) {
    ParseResult<SourceFile> r = SourceFile.read(p, relative(p));
    filesRead++;
    diagnostics.addAll(r.diagnostics());
    if (r.hasModel()) {
      sources.put(r.model().path(), r.model());
    }
    return r.model();
  }

  private boolean inside(Path p) {
    try {
      Path real = p.toRealPath();
      return real.startsWith(root.toRealPath());
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * True, with a diagnostic, when {@code p} resolves (through links) to a file outside the root:
   * pipeperf runs on untrusted pull requests, whose links must not make it read the runner's files.
   */
  private boolean leavesRoot(Path p) {
    if (inside(p)) {
      return false;
    }
    diagnostics.add(
        Diagnostic.warning(
            Location.ofFile(relative(p)),
            "outside-root",
            "a link to a file outside the analysed repository; not followed"));
    return true;
  }

  private boolean excluded(Path p) {
    Path rel = root.relativize(p);
    return excludes.stream().anyMatch(m -> m.matches(rel));
  }

  private String relative(Path p) {
    return root.relativize(p.toAbsolutePath().normalize()).toString().replace('\\', '/');
  }
}
