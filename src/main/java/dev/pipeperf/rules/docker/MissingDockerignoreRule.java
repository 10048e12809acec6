package dev.pipeperf.rules.docker;

import dev.pipeperf.estimate.docker.BuildContext;
import dev.pipeperf.estimate.docker.DockerIgnore;
import dev.pipeperf.graph.GraphEdit;
import dev.pipeperf.graph.Node;
import dev.pipeperf.graph.Subject;
import dev.pipeperf.rules.AnalysisView;
import dev.pipeperf.rules.Effort;
import dev.pipeperf.rules.Remedy;
import dev.pipeperf.rules.Rule;
import dev.pipeperf.rules.RuleContext;
import dev.pipeperf.rules.RuleInfo;
import dev.pipeperf.source.Location;
import dev.pipeperf.source.Severity;
import dev.pipeperf.workspace.Paths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A build context with no {@code .dockerignore}, or one that leaves {@code .git}, {@code
 * node_modules}, virtualenvs, tests or docs in: all of it is sent to the builder on every build,
 * and a wide {@code COPY . .} changes whenever any of it does.
 */
@RuleInfo(
    id = "PP005",
    name = "missing-dockerignore",
    severity = Severity.LOW,
    effort = Effort.LOW,
    effortHours = 0.5,
    summary = "A build context has no .dockerignore, or sends .git, node_modules, tests or docs")
public final class MissingDockerignoreRule implements Rule {

  /** A folder sent to the builder is worth mentioning from this size on. */
  static final long MIN_BYTES = 1_000_000;

  /** Folders worth naming when a .dockerignore keeps them out, in the order they are named. */
  static final List<String> NAMED =
      List.of(
          ".git",
          "node_modules",
          ".venv",
          "venv",
          "__pycache__",
          ".tox",
          "target",
          "dist",
          "build",
          "tests",
          "test",
          "docs",
          ".github");

  /**
   * What the .dockerignore really keeps out, read from its patterns: the well-known folders it
   * excludes, else its own first patterns; null when it excludes nothing. Never a claim the file
   * does not make.
   */
  static String practiceText(String path, DockerIgnore ignore) {
    DockerIgnore.Matcher m = ignore.matcher();
    List<String> named = NAMED.stream().filter(m::excludes).toList();
    if (!named.isEmpty()) {
      return path + " keeps " + String.join(", ", named) + " out of the build context";
    }
    List<String> own = ignore.patterns().stream().filter(p -> !p.startsWith("!")).toList();
    if (own.isEmpty()) {
      return null; // a file of comments and exceptions keeps nothing out: no practice to show
    }
    return path
        + " excludes "
        + String.join(", ", own.subList(0, Math.min(3, own.size())))
        + (own.size() > 3 ? " and " + (own.size() - 3) + " more patterns" : "")
        + " from the build context";
  }

  @Override
  public void finish(AnalysisView view, RuleContext ctx) {
    Map<String, List<Node>> byContext = new LinkedHashMap<>();
    for (Node io : view.buildIo()) {
      Subject.BuildIo b = (Subject.BuildIo) io.subject();
      if (b.what().equals("prepare")
          && b.build().context() != null
          && !Paths.escapesRoot(b.build().context())) {
        byContext
            .computeIfAbsent(
                b.build().context() + "|" + b.build().dockerfile(), k -> new ArrayList<>())
            .add(io);
      }
    }
    java.util.Set<String> reported = new java.util.HashSet<>();
    for (List<Node> ios : byContext.values()) {
      Subject.BuildIo b = (Subject.BuildIo) ios.get(0).subject();
      Path root = view.workspace().root();
      Path contextDir = root.resolve(b.build().context());
      Path dockerfile = root.resolve(b.build().dockerfile());
      Path own = dockerfile.resolveSibling(dockerfile.getFileName() + ".dockerignore");
      Path shared = contextDir.resolve(".dockerignore");
      boolean hasIgnore = Files.isRegularFile(own) || Files.isRegularFile(shared);
      BuildContext context = BuildContext.open(contextDir, dockerfile);
      // Folders under a megabyte cost nothing worth a finding.
      Map<String, Long> big = new java.util.TreeMap<>(context.includedBigFolders());
      big.values().removeIf(bytes -> bytes < MIN_BYTES);
      if (hasIgnore && big.isEmpty()) {
        Path which = Files.isRegularFile(own) ? own : shared;
        String text = practiceText(rel(root, which), context.ignore());
        if (text != null) {
          ctx.practice("dockerignore", Location.ofFile(rel(root, which)), text);
        }
        continue;
      }
      String where = Paths.join(b.build().context(), ".dockerignore");
      if (!reported.add(where)) {
        continue;
      }
      long bigBytes = big.values().stream().mapToLong(Long::longValue).sum();
      double share =
          context.totalBytes() <= 0 ? 0 : Math.min(1, (double) bigBytes / context.totalBytes());
      List<GraphEdit> edits = new ArrayList<>();
      if (share > 0) {
        for (Node io : ios) {
          Subject.BuildIo x = (Subject.BuildIo) io.subject();
          double upload = x.estimate().contextUpload().range().mid();
          double total = io.estimate().range().mid();
          double cut = total <= 0 ? 0 : upload * share / total;
          edits.add(new GraphEdit.ScaleDuration(io.id(), 1 - Math.min(1, cut)));
        }
      }
      List<String> exclude =
          new ArrayList<>(
              List.of(
                  ".git",
                  "**/node_modules",
                  "**/__pycache__",
                  ".venv",
                  "tests",
                  "docs",
                  "*.md",
                  ".github"));
      big.keySet()
          .forEach(
              k -> {
                String f = k.toLowerCase(Locale.ROOT);
                if (!exclude.contains(f)) {
                  exclude.add(0, f);
                }
              });
      String message =
          hasIgnore
              ? "the build context "
                  + (b.build().context().isEmpty() ? "." : b.build().context())
                  + " still sends "
                  + String.join(", ", big.keySet())
                  + " ("
                  + mb(bigBytes)
                  + ")"
              : "the build context "
                  + (b.build().context().isEmpty() ? "." : b.build().context())
                  + " has no .dockerignore"
                  + (bigBytes > 0
                      ? " and sends " + String.join(", ", big.keySet()) + " (" + mb(bigBytes) + ")"
                      : "");
      ctx.report(
          b.build().location(),
          message,
          (hasIgnore ? "Add to " : "Create ")
              + where
              + " with:\n"
              + String.join("\n", exclude.stream().distinct().toList())
              + "\n(keep anything the Dockerfile COPYs; `!path` re-includes a file).",
          Remedy.of(edits),
          b.job().workflow(),
          where);
    }
  }

  private static String rel(Path root, Path p) {
    return root.relativize(p).toString().replace('\\', '/');
  }

  private static String mb(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
  }
}
