package dev.pipeperf.graph;

import dev.pipeperf.bake.BakeDefinition;
import dev.pipeperf.bake.BakeEvaluator;
import dev.pipeperf.bake.BakeTarget;
import dev.pipeperf.dockerfile.Dockerfile;
import dev.pipeperf.dockerfile.DockerfileParser;
import dev.pipeperf.estimate.docker.BuildContext;
import dev.pipeperf.estimate.docker.BuildEstimate;
import dev.pipeperf.estimate.docker.BuildEstimator;
import dev.pipeperf.estimate.docker.CacheBackend;
import dev.pipeperf.source.Diagnostic;
import dev.pipeperf.source.ParseResult;
import dev.pipeperf.source.SourceFile;
import dev.pipeperf.workflow.Step;
import dev.pipeperf.workflow.Workflow;
import dev.pipeperf.workspace.BakeFolders;
import dev.pipeperf.workspace.BuildInvocation;
import dev.pipeperf.workspace.Paths;
import dev.pipeperf.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a build step's invocations into the builds it runs — resolving bake files, groups,
 * inheritance and {@code --set} overrides the way buildx does — and estimates each with the
 * Dockerfile's stages. Build contexts are measured once per (context, Dockerfile).
 */
final class BuildPlanner {

  /** A build to put in the graph: what, its estimate, and the bake targets it waits for. */
  record PlannedBuild(Subject.Build build, BuildEstimate estimate, List<String> dependsOnTargets) {}

  private final Workspace workspace;
  private final BuildEstimator estimator = new BuildEstimator();
  private final Map<String, BuildContext> contexts = new HashMap<>();

  /** Bake evaluations by files and environment: every matrix instance of a step asks again. */
  private final Map<List<Object>, ParseResult<BakeDefinition>> bakeEvaluations = new HashMap<>();

  private final List<Diagnostic> diagnostics;

  /** Step location and target name of each unknown target already reported. */
  private final java.util.Set<String> reported = new java.util.HashSet<>();

  BuildPlanner(Workspace workspace, List<Diagnostic> diagnostics) {
    this.workspace = workspace;
    this.diagnostics = diagnostics;
  }

  List<PlannedBuild> plan(Workflow workflow, Step step) {
    List<PlannedBuild> out = new ArrayList<>();
    for (BuildInvocation b : BuildInvocation.of(step)) {
      if (b.isBake()) {
        out.addAll(bake(workflow, step, b));
      } else if (b.resolvable() && b.context() != null) {
        workspace
            .dockerfile(b.dockerfile())
            .ifPresent(
                df -> {
                  Subject.Build build =
                      new Subject.Build(
                          b.dockerfile(),
                          b.target(),
                          null,
                          b.context(),
                          b.cacheFrom(),
                          b.cacheTo(),
                          b.push(),
                          b.location());
                  out.add(new PlannedBuild(build, estimate(df, build), List.of()));
                });
      }
    }
    return out;
  }

  private List<PlannedBuild> bake(Workflow workflow, Step step, BuildInvocation b) {
    String workdir = b.context() == null ? "" : b.context();
    List<SourceFile> files = new ArrayList<>();
    if (b.bakeFiles().isEmpty()) {
      for (String name : BakeEvaluator.DEFAULT_FILES) {
        SourceFile f = workspace.bakeFiles().get(Paths.join(workdir, name));
        if (f != null) {
          files.add(f);
        }
      }
    } else {
      for (String name : b.bakeFiles()) {
        SourceFile f = workspace.bakeFiles().get(Paths.join(workdir, name));
        if (f != null) {
          files.add(f);
        }
      }
    }
    if (files.isEmpty()) {
      return List.of();
    }
    Map<String, String> env = new LinkedHashMap<>(workflow.env());
    env.putAll(step.env());
    ParseResult<BakeDefinition> r =
        bakeEvaluations.computeIfAbsent(
            List.of(files.stream().map(SourceFile::path).toList(), env),
            k -> BakeEvaluator.evaluate(files, env));
    if (!r.hasModel()) {
      return List.of();
    }
    BakeDefinition def = r.model();
    List<String> requested = b.bakeTargets().isEmpty() ? List.of("default") : b.bakeTargets();
    reportUnknownTargets(b, files, def, requested);
    java.util.Set<String> asked = new java.util.HashSet<>(def.resolveTargets(requested));
    List<PlannedBuild> out = new ArrayList<>();
    // Linked targets (target: contexts) build first, in the same build; their result stays in
    // the build cache, so they push nothing.
    for (String name : def.buildOrder(requested)) {
      BakeTarget t = def.targets().get(name);
      if (t == null) {
        continue;
      }
      String context = t.context() == null ? workdir : Paths.join(workdir, t.context());
      List<String> cacheFrom = specs(t.cacheFrom());
      List<String> cacheTo = specs(t.cacheTo());
      boolean push = asked.contains(name) && (b.push() || Boolean.TRUE.equals(t.push()));
      for (String set : b.bakeSet()) {
        int eq = set.indexOf('=');
        if (eq < 0) {
          continue;
        }
        String key = set.substring(0, eq);
        String value = set.substring(eq + 1);
        String[] parts = key.split("\\.", 2);
        if (parts.length != 2 || !(parts[0].equals("*") || parts[0].equals(name))) {
          continue;
        }
        switch (parts[1]) {
          case "cache-from" -> cacheFrom = List.of(value);
          case "cache-to" -> cacheTo = List.of(value);
          case "output" ->
              push |=
                  asked.contains(name)
                      && (value.contains("type=registry") || value.contains("push=true"));
          default -> {}
        }
      }
      Dockerfile df;
      String dockerfilePath;
      if (t.dockerfileInline() != null) {
        dockerfilePath = "<inline:" + name + ">";
        ParseResult<Dockerfile> inline =
            DockerfileParser.parse(
                SourceFile.of(
                    Paths.join(workdir, "docker-bake.hcl") + "#" + name, t.dockerfileInline()));
        df = inline.model();
      } else {
        String file = t.dockerfile() == null ? "Dockerfile" : t.dockerfile();
        dockerfilePath = file.startsWith("/") ? file : Paths.join(context, file);
        df = workspace.dockerfile(dockerfilePath).orElse(null);
      }
      if (df == null) {
        continue;
      }
      Subject.Build build =
          new Subject.Build(
              dockerfilePath, t.target(), name, context, cacheFrom, cacheTo, push, t.location());
      out.add(new PlannedBuild(build, estimate(df, build), t.targetDependencies()));
    }
    return out;
  }

  /**
   * A bake step that names a target its files do not define fails in buildx with {@code failed to
   * find target X}; without targets it asks for {@code default}. Said once per step and name. Names
   * holding an expression, and folders whose compose files buildx would also read, are left alone:
   * pipeperf does not see every target there.
   */
  private void reportUnknownTargets(
      BuildInvocation b, List<SourceFile> files, BakeDefinition def, List<String> requested) {
    if (b.bakeFiles().isEmpty() && BakeFolders.hasComposeFile(workspace.root(), b.context())) {
      return;
    }
    for (String name : def.unknownNames(requested)) {
      if (name.contains("$") || !reported.add(b.location() + "\u0000" + name)) {
        continue;
      }
      diagnostics.add(
          Diagnostic.warning(
              b.location(),
              "bake-unknown-target",
              "docker buildx bake fails here: failed to find target "
                  + name
                  + (b.bakeTargets().isEmpty()
                      ? " (no target is named, and "
                          + files.stream().map(SourceFile::path).toList()
                          + " define no \"default\" group or target)"
                      : " (" + files.stream().map(SourceFile::path).toList() + ")")));
    }
  }

  private BuildEstimate estimate(Dockerfile df, Subject.Build build) {
    CacheBackend cache = CacheBackend.NONE;
    for (String spec : build.cacheFrom()) {
      CacheBackend c = CacheBackend.fromCacheSpec(spec);
      if (c != CacheBackend.NONE) {
        cache = c;
        break;
      }
    }
    BuildContext ctx =
        contexts.computeIfAbsent(build.context() + "\u0000" + build.dockerfile(), k -> open(build));
    return estimator.estimate(df, build.target(), ctx, cache, build.push());
  }

  private BuildContext open(Subject.Build build) {
    if (build.context() == null || Paths.escapesRoot(build.context())) {
      return BuildContext.unknown();
    }
    Path dir = workspace.root().resolve(build.context());
    if (!Files.isDirectory(dir)) {
      return BuildContext.unknown();
    }
    return BuildContext.open(dir, workspace.root().resolve(build.dockerfile()));
  }

  /**
   * Bake's parsed cache entries back to buildx spec strings: {type=gha, mode=max} →
   * type=gha,mode=max.
   */
  private static List<String> specs(List<Map<String, String>> entries) {
    List<String> out = new ArrayList<>();
    for (Map<String, String> e : entries) {
      List<String> parts = new ArrayList<>();
      e.forEach((k, v) -> parts.add(k + "=" + v));
      out.add(String.join(",", parts));
    }
    return out;
  }
}
