package dev.pipeperf.workspace;

import dev.pipeperf.shell.Command;
import dev.pipeperf.shell.ShellCommands;
import dev.pipeperf.source.Location;
import dev.pipeperf.workflow.Expressions;
import dev.pipeperf.workflow.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An image build that a workflow step runs: {@code docker/build-push-action} (or depot's), {@code
 * docker build} / {@code docker buildx build} in a script, or a bake ({@code docker/bake-action},
 * {@code docker buildx bake}). Paths are root-relative; a value holding an expression or a shell
 * variable is kept as written and {@link #resolvable()} says so.
 *
 * @param kind how the build is started
 * @param context the build context folder ("" = the root), or null when not a local folder
 * @param dockerfile the Dockerfile, root-relative, or null for bakes
 * @param target the {@code --target} stage, or null for the last stage
 * @param cacheFrom {@code cache-from} specs ({@code type=gha}, {@code type=registry,ref=...})
 * @param cacheTo {@code cache-to} specs
 * @param push whether the image is pushed
 * @param bakeFiles for bakes: the files given ({@code files:}, {@code -f}); empty = the defaults
 * @param bakeTargets for bakes: the targets or groups named; empty = {@code default}
 * @param bakeSet for bakes: {@code --set} / {@code set:} overrides ({@code *.cache-from=...})
 */
public record BuildInvocation(
    Kind kind,
    String context,
    String dockerfile,
    String target,
    List<String> cacheFrom,
    List<String> cacheTo,
    boolean push,
    List<String> platforms,
    List<String> bakeFiles,
    List<String> bakeTargets,
    List<String> bakeSet,
    Location location) {

  /** How a build is started. */
  public enum Kind {
    BUILD_PUSH_ACTION,
    DOCKER_BUILD,
    BAKE_ACTION,
    BAKE_CLI
  }

  public BuildInvocation {
    cacheFrom = List.copyOf(cacheFrom);
    cacheTo = List.copyOf(cacheTo);
    platforms = List.copyOf(platforms);
    bakeFiles = List.copyOf(bakeFiles);
    bakeTargets = List.copyOf(bakeTargets);
    bakeSet = List.copyOf(bakeSet);
  }

  public boolean isBake() {
    return kind == Kind.BAKE_ACTION || kind == Kind.BAKE_CLI;
  }

  /** True when the Dockerfile path holds no expression or variable, so it can be read. */
  public boolean resolvable() {
    return dockerfile != null && !dockerfile.contains("${{") && !dockerfile.contains("$");
  }

  private static final Set<String> BUILD_ACTIONS =
      Set.of("docker/build-push-action", "depot/build-push-action");
  private static final Set<String> BAKE_ACTIONS = Set.of("docker/bake-action", "depot/bake-action");

  /** Flags of {@code docker build} that take a value (the others are switches). */
  private static final Set<String> VALUE_FLAGS =
      Set.of(
          "-f",
          "--file",
          "-t",
          "--tag",
          "--target",
          "--cache-from",
          "--cache-to",
          "--platform",
          "--build-arg",
          "--secret",
          "--ssh",
          "--label",
          "-o",
          "--output",
          "--progress",
          "--builder",
          "--network",
          "--iidfile",
          "--metadata-file",
          "--provenance",
          "--sbom",
          "--attest",
          "--build-context",
          "--add-host",
          "--allow",
          "--annotation",
          "--cgroup-parent",
          "--shm-size",
          "--ulimit",
          "--call",
          "--cpu-shares",
          "--cpuset-cpus",
          "-m",
          "--memory",
          "--isolation",
          "--set",
          "--list",
          "--policy");

  /** The builds a step runs: none, one (an action) or several (a script). */
  public static List<BuildInvocation> of(Step step) {
    List<BuildInvocation> out = new ArrayList<>();
    String action = step.action() == null ? null : step.action().toLowerCase(Locale.ROOT);
    if (action != null && BUILD_ACTIONS.contains(action)) {
      out.add(fromBuildAction(step));
    } else if (action != null && BAKE_ACTIONS.contains(action)) {
      out.add(fromBakeAction(step));
    } else if (step.run() != null && step.run().contains("docker")) {
      for (Command c : ShellCommands.split(step.run())) {
        BuildInvocation b =
            fromCommand(
                c.words(), step.runLocation() != null ? step.runLocation() : step.location());
        if (b != null) {
          out.add(b);
        }
      }
    }
    return out;
  }

  private static BuildInvocation fromBuildAction(Step step) {
    Map<String, String> with = step.with();
    // Without context:, build-push-action builds the Git context of the commit, whose root is
    // the repository root; file: is then relative to that root too.
    String context = with.containsKey("context") ? Paths.normalise(with.get("context")) : "";
    String file = with.get("file");
    String dockerfile = file != null ? Paths.normalise(file) : Paths.join(context, "Dockerfile");
    return new BuildInvocation(
        Kind.BUILD_PUSH_ACTION,
        context,
        dockerfile,
        blankToNull(with.get("target")),
        lines(with.get("cache-from")),
        lines(with.get("cache-to")),
        "true".equalsIgnoreCase(with.getOrDefault("push", "false").strip()),
        csvOrLines(with.get("platforms")),
        List.of(),
        List.of(),
        List.of(),
        step.location());
  }

  private static BuildInvocation fromBakeAction(Step step) {
    Map<String, String> with = step.with();
    List<String> set = lines(with.get("set"));
    return new BuildInvocation(
        Kind.BAKE_ACTION,
        with.containsKey("workdir") ? Paths.normalise(with.get("workdir")) : "",
        null,
        null,
        List.of(),
        List.of(),
        "true".equalsIgnoreCase(with.getOrDefault("push", "false").strip()),
        List.of(),
        csvOrLines(with.get("files")),
        csvOrLines(with.get("targets")),
        set,
        step.location());
  }

  /** A {@code docker ...} command of a script, or null when it builds nothing. */
  static BuildInvocation fromCommand(List<String> words, Location location) {
    if (words.size() < 2 || !words.get(0).equals("docker")) {
      return null;
    }
    int i;
    boolean bake;
    if (words.get(1).equals("build") || words.get(1).equals("bake")) {
      bake = words.get(1).equals("bake");
      i = 2;
    } else if (words.size() >= 3
        && words.get(1).equals("buildx")
        && List.of("build", "b", "bake").contains(words.get(2))) {
      bake = words.get(2).equals("bake");
      i = 3;
    } else if (words.size() >= 3 && words.get(1).equals("image") && words.get(2).equals("build")) {
      bake = false;
      i = 3;
    } else {
      return null;
    }
    String file = null;
    String target = null;
    List<String> cacheFrom = new ArrayList<>();
    List<String> cacheTo = new ArrayList<>();
    List<String> platforms = new ArrayList<>();
    List<String> files = new ArrayList<>();
    List<String> set = new ArrayList<>();
    List<String> positional = new ArrayList<>();
    boolean push = false;
    for (; i < words.size(); i++) {
      String w = words.get(i);
      String flag = w;
      String value = null;
      int eq = w.indexOf('=');
      if (w.startsWith("--") && eq > 0) {
        flag = w.substring(0, eq);
        value = w.substring(eq + 1);
      }
      if (flag.startsWith("-")
          && VALUE_FLAGS.contains(flag)
          && value == null
          && i + 1 < words.size()) {
        value = words.get(++i);
      }
      switch (flag) {
        case "-f", "--file" -> {
          if (bake) {
            files.add(value);
          } else {
            file = value;
          }
        }
        case "--target" -> target = value;
        case "--cache-from" -> cacheFrom.add(value);
        case "--cache-to" -> cacheTo.add(value);
        case "--platform" -> platforms.addAll(List.of(value.split(",")));
        case "--set" -> set.add(value);
        case "--push" -> push = true;
        default -> {
          if (flag.equals("--output") || flag.equals("-o")) {
            push |= value != null && value.contains("push=true");
          } else if (!w.startsWith("-")) {
            positional.add(w);
          }
        }
      }
    }
    if (bake) {
      return new BuildInvocation(
          Kind.BAKE_CLI,
          "",
          null,
          null,
          List.of(),
          List.of(),
          push,
          List.of(),
          files,
          positional,
          set,
          location);
    }
    String context = positional.isEmpty() ? null : positional.get(positional.size() - 1);
    if (context != null
        && (context.equals("-") || context.contains("://") || context.startsWith("git@"))) {
      context = null;
    } else if (context != null) {
      context = Paths.normalise(context);
    }
    String dockerfile =
        file != null
            ? Paths.normalise(file)
            : context == null ? null : Paths.join(context, "Dockerfile");
    return new BuildInvocation(
        Kind.DOCKER_BUILD,
        context,
        dockerfile,
        target,
        cacheFrom,
        cacheTo,
        push,
        platforms,
        List.of(),
        List.of(),
        List.of(),
        location);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** build-push-action's list inputs: one per line (comments with #). */
  private static List<String> lines(String s) {
    List<String> out = new ArrayList<>();
    if (s == null) {
      return out;
    }
    for (String l : s.split("\n")) {
      String t = l.strip();
      if (!t.isEmpty() && !t.startsWith("#")) {
        out.add(t);
      }
    }
    return out;
  }

  /** Inputs written either comma-separated or one per line. */
  private static List<String> csvOrLines(String s) {
    List<String> out = new ArrayList<>();
    for (String l : lines(s)) {
      if (Expressions.containsExpression(l)) {
        out.add(l);
        continue;
      }
      for (String p : l.split(",")) {
        if (!p.isBlank()) {
          out.add(p.strip());
        }
      }
    }
    return out;
  }
}
