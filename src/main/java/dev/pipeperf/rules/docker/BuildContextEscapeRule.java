package dev.pipeperf.rules.docker;

import dev.pipeperf.dockerfile.Dockerfile;
import dev.pipeperf.dockerfile.Instruction;
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
import dev.pipeperf.source.SourceFile;
import dev.pipeperf.workspace.Paths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A build that cannot succeed in CI: the Dockerfile COPYs paths outside its build context, or a
 * dependency manifest it copies points at packages outside the context — by absolute path ({@code
 * file:///Users/...} in pyproject.toml, seed 000's blocker) or by a relative path that leaves it.
 * It works on the author's laptop and fails on the runner.
 */
@RuleInfo(
    id = "PP010",
    name = "build-context-escape",
    severity = Severity.BLOCKER,
    effort = Effort.LOW,
    effortHours = 0.5,
    summary = "A Docker build reads files outside its build context: it will fail in CI")
public final class BuildContextEscapeRule implements Rule {

  private static final Pattern FILE_URL = Pattern.compile("file://(/[^\"'\\s,}]+)");
  private static final Pattern PATH_DEP = Pattern.compile("path\\s*=\\s*[\"']([^\"']+)[\"']");
  private static final Pattern REQ_PATH =
      Pattern.compile("^\\s*(?:-e\\s+)?(\\.\\.?/[^\\s;#]+|/[^\\s;#]+)");
  private static final Pattern NPM_FILE = Pattern.compile("\"file:([^\"]+)\"");

  @Override
  public void finish(AnalysisView view, RuleContext ctx) {
    Map<String, String> contexts = new LinkedHashMap<>();
    // Every build step of a Dockerfile: a fix that moves the context must change each of them.
    Map<String, java.util.Set<Location>> builtAt = new LinkedHashMap<>();
    for (Node io : view.buildIo()) {
      Subject.BuildIo b = (Subject.BuildIo) io.subject();
      if (b.build().context() != null) {
        contexts.putIfAbsent(b.build().dockerfile(), b.build().context());
        if (b.build().context().equals(contexts.get(b.build().dockerfile()))) {
          builtAt
              .computeIfAbsent(b.build().dockerfile(), k -> new java.util.TreeSet<>())
              .add(contextKey(view.workspace().root(), b.build().location()));
        }
      }
    }
    java.util.Set<String> reported = new java.util.HashSet<>();
    for (Dockerfile df : view.workspace().dockerfiles().values()) {
      String context = contexts.getOrDefault(df.path(), Paths.parent(df.path()));
      java.util.Set<Location> where = builtAt.getOrDefault(df.path(), java.util.Set.of());
      // A test case no workflow builds may escape its context on purpose (the test checks that
      // the build fails).
      if (where.isEmpty() && dev.pipeperf.rules.TestFixtures.isFixture(df.path())) {
        continue;
      }
      for (Instruction i : df.instructions()) {
        if (!i.isCopyLike() || i.from() != null) {
          continue;
        }
        for (String src : i.copySources()) {
          if (src.contains("://") || src.startsWith("$")) {
            continue;
          }
          // COPY sources are relative to the context root, a leading / included: only a path
          // that climbs out with .. leaves it.
          String inContext = Paths.normalise(src.replaceFirst("^/+", ""));
          if (Paths.escapesRoot(inContext)) {
            ctx.report(
                i.location(),
                "COPY "
                    + src
                    + " reaches outside the build context "
                    + show(context)
                    + ": the build fails",
                "Build from a context that contains it: set the context to the folder holding both (e.g. the repository root, `context: .` with `file: "
                    + df.path()
                    + "`) and make the COPY paths relative to it.",
                Remedy.NONE,
                null,
                df.path() + ":" + src);
          }
        }
        // Manifests copied into the image: their path dependencies must resolve inside the context.
        for (String src : i.copySources()) {
          for (String manifest : manifests(view.workspace().root(), context, src)) {
            if (reported.add(manifest)) {
              checkManifest(view, ctx, df, context, manifest, where);
            }
          }
        }
      }
    }
  }

  private static List<String> manifests(Path root, String context, String src) {
    String base = Paths.join(context, src.replaceAll("/+$", ""));
    java.util.List<String> out = new java.util.ArrayList<>();
    for (String name : List.of("pyproject.toml", "requirements.txt", "package.json")) {
      if (base.endsWith(name) && Files.isRegularFile(root.resolve(base))) {
        out.add(base);
      } else if (Files.isDirectory(root.resolve(base))
          && Files.isRegularFile(root.resolve(base).resolve(name))) {
        out.add(Paths.join(base, name));
      }
    }
    return out;
  }

  private static void checkManifest(
      AnalysisView view,
      RuleContext ctx,
      Dockerfile df,
      String context,
      String manifest,
      java.util.Set<Location> builtAt) {
    Path root = view.workspace().root();
    SourceFile file = SourceFile.readInside(root, root.resolve(manifest), manifest).model();
    if (file == null) {
      return;
    }
    String dir = Paths.parent(manifest);
    int first = 0;
    int last = 0;
    java.util.List<String> escaping = new java.util.ArrayList<>();
    for (int line = 1; line <= file.lineCount(); line++) {
      String l = file.line(line);
      String target = null;
      Matcher m;
      if ((m = FILE_URL.matcher(l)).find()) {
        target = m.group(1);
      } else if (manifest.endsWith(".toml") && (m = PATH_DEP.matcher(l)).find()) {
        target = m.group(1);
      } else if (manifest.endsWith(".txt") && (m = REQ_PATH.matcher(l)).find()) {
        target = m.group(1);
      } else if (manifest.endsWith(".json") && (m = NPM_FILE.matcher(l)).find()) {
        target = m.group(1);
      }
      if (target == null) {
        continue;
      }
      boolean absolute = target.startsWith("/");
      String resolved = absolute ? target : Paths.join(dir, target);
      boolean outside =
          absolute
              || Paths.escapesRoot(resolved)
              || (!context.isEmpty()
                  && !resolved.startsWith(context + "/")
                  && !resolved.equals(context));
      if (outside) {
        escaping.add(target);
        if (first == 0) {
          first = line;
        }
        last = line;
      }
    }
    if (escaping.isEmpty()) {
      return;
    }
    String lines = first == last ? "line " + first : "lines " + first + "–" + last;
    String build =
        builtAt.isEmpty()
            ? " set"
            : builtAt.size() == 1
                ? " (" + builtAt.iterator().next() + ") set"
                : "s ("
                    + String.join(", ", builtAt.stream().map(Location::toString).toList())
                    + ") set";
    ctx.report(
        file.at(first, 1),
        manifest
            + " ("
            + lines
            + ") depends on "
            + escaping.size()
            + " package(s) outside the build context "
            + show(context)
            + (escaping.stream().anyMatch(t -> t.startsWith("/")) ? " by absolute path" : "")
            + ": the Docker build will fail in CI",
        "1. Build from the repository root: in the workflow build step"
            + build
            + " `context: .` and `file: ./"
            + df.path()
            + "`.\n"
            + "2. In "
            + df.path()
            + ", COPY the local packages (e.g. `COPY packages/ packages/`) and prefix the other COPY sources with `"
            + (context.isEmpty() ? "" : context + "/")
            + "`.\n"
            + "3. In "
            + manifest
            + " ("
            + lines
            + "), make the dependencies relative to the repository: `path = \"../packages/<name>\"` (no file:///Users/...).\n"
            + "4. Regenerate the lock file (e.g. `poetry lock --no-update`) and test: `docker build -f "
            + df.path()
            + " .`",
        Remedy.NONE,
        null,
        manifest);
  }

  /**
   * Where the fix edits a build step: its {@code context:} key when the step has one (the line that
   * changes), else the step itself (a {@code docker build} command, or a step that builds the
   * default context and needs the key added).
   */
  static Location contextKey(Path root, Location step) {
    if (step.line() == 0 || !step.file().endsWith(".yml") && !step.file().endsWith(".yaml")) {
      return step;
    }
    SourceFile file = SourceFile.readInside(root, root.resolve(step.file()), step.file()).model();
    if (file == null) {
      return step;
    }
    // The step's keys sit at its first key's column; the step ends at the first non-blank line
    // indented less than that (the next step's dash or the job's next key).
    int keyIndent = Math.max(0, step.column() - 1);
    for (int line = step.line() + 1; line <= file.lineCount(); line++) {
      String l = file.line(line);
      String trimmed = l.stripLeading();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      int indent = l.length() - trimmed.length();
      if (indent < keyIndent || indent == keyIndent && trimmed.startsWith("-")) {
        break;
      }
      if (indent > keyIndent && CONTEXT_KEY.matcher(trimmed).lookingAt()) {
        return file.at(line, indent + 1);
      }
    }
    return step;
  }

  private static final Pattern CONTEXT_KEY = Pattern.compile("[\"']?context[\"']?\\s*:");

  private static String show(String context) {
    return context.isEmpty() ? "(the repository root)" : "./" + context;
  }
}
