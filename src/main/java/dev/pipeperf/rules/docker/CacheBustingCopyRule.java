package dev.pipeperf.rules.docker;

import dev.pipeperf.dockerfile.Dockerfile;
import dev.pipeperf.dockerfile.Instruction;
import dev.pipeperf.dockerfile.Stage;
import dev.pipeperf.estimate.docker.InstructionEstimate;
import dev.pipeperf.graph.GraphEdit;
import dev.pipeperf.graph.Node;
import dev.pipeperf.graph.Subject;
import dev.pipeperf.rules.DockerFacts;
import dev.pipeperf.rules.Effort;
import dev.pipeperf.rules.Remedy;
import dev.pipeperf.rules.Rule;
import dev.pipeperf.rules.RuleContext;
import dev.pipeperf.rules.RuleInfo;
import dev.pipeperf.source.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * A wide {@code COPY} (the whole context, or a source folder) before the dependency install in the
 * same stage: any source change invalidates the install's cache, so every build reinstalls every
 * dependency. Copying only the lock files first keeps the install cached.
 */
@RuleInfo(
    id = "PP006",
    name = "cache-busting-copy",
    severity = Severity.MEDIUM,
    effort = Effort.LOW,
    effortHours = 0.5,
    summary =
        "COPY of the whole source comes before the dependency install, so the install is never cached")
public final class CacheBustingCopyRule implements Rule {

  @Override
  public void visitStage(Dockerfile df, Stage stage, RuleContext ctx) {
    Instruction wide = null;
    for (Instruction i : stage.instructions()) {
      if (i.isCopyLike() && i.from() == null && isWide(i)) {
        if (wide == null) {
          wide = i;
        }
        continue;
      }
      if (wide != null && DockerFacts.isDependencyInstall(i)) {
        if (!needsSource(i.runCommand())) {
          // pip install . reads the whole project: moving the source copy after it breaks it.
          report(df, stage, wide, i, ctx);
        }
        return;
      }
    }
  }

  private static boolean isWide(Instruction copy) {
    for (String s : copy.copySources()) {
      String t = s.replaceAll("^\\./", "");
      if (t.equals(".") || t.equals("*") || t.isEmpty()) {
        return true;
      }
    }
    return false;
  }

  private static void report(
      Dockerfile df, Stage stage, Instruction wide, Instruction install, RuleContext ctx) {
    List<GraphEdit> edits = new ArrayList<>();
    for (Node n : DockerFacts.stageNodes(ctx.view(), df)) {
      Subject.BuildStage bs = (Subject.BuildStage) n.subject();
      if (!bs.warm() || bs.stage().stage() != stage) {
        continue;
      }
      // With the install cached, a warm build skips it: the stage loses the install's share.
      InstructionEstimate ie = DockerFacts.instruction(n, install);
      if (ie != null) {
        edits.add(new GraphEdit.ScaleDuration(n.id(), 1 - DockerFacts.share(n, install)));
      }
    }
    String installLine = install.original().strip().lines().findFirst().orElse("RUN ...");
    ctx.report(
        wide.location(),
        "COPY "
            + String.join(" ", wide.copySources())
            + " at line "
            + wide.location().line()
            + " comes before the dependency install at line "
            + install.location().line()
            + ": every source change reinstalls the dependencies",
        "At line "
            + wide.location().line()
            + " of "
            + df.path()
            + ", copy only the dependency manifests:\n"
            + String.join("\n", manifestCopies(df, wide, install, ctx))
            + "\nand move the source copy to after the install at line "
            + install.endLine()
            + " ("
            + installLine.strip()
            + (install.endLine() > install.location().line() ? " …" : "")
            + "):\n"
            + wide.original().strip(),
        Remedy.of(edits),
        null,
        df.path() + ":" + stage.index());
  }

  /** The install reads the project itself ({@code pip install .}): it needs the whole source. */
  static boolean needsSource(String run) {
    return run != null
        && run.matches(
            "(?s).*\\bpip3?\\s+install\\b[^;&|\\n]*?\\s(-e\\s+)?\\.(\\[[^\\]]*\\])?(\\s.*|$)");
  }

  private static final java.util.regex.Pattern REQUIREMENTS =
      java.util.regex.Pattern.compile("\\s-r\\s*(\\S+)");

  /**
   * The COPY lines that bring in what the install reads, keeping the wide COPY's own flags ({@code
   * --chown}, {@code --chmod}, {@code --link}) and destination, one COPY per sub-folder so a
   * manifest lands at the path the install names ({@code -r requirements/prod.txt}). Lock files are
   * named only when they exist beside the Dockerfile, when any does.
   */
  static List<String> manifestCopies(
      Dockerfile df, Instruction wide, Instruction install, RuleContext ctx) {
    String run = install.runCommand() == null ? "" : install.runCommand();
    List<String> files = new ArrayList<>();
    java.util.regex.Matcher m = REQUIREMENTS.matcher(run);
    while (m.find()) {
      files.add(m.group(1).replaceAll("^\\./", ""));
    }
    if (files.isEmpty()) {
      List<String> known = List.of(manifestsFor(run).split(" "));
      java.nio.file.Path root = ctx.view().workspace().root();
      java.nio.file.Path dir = root.resolve(df.path()).getParent();
      List<String> present =
          known.stream()
              .filter(f -> dir != null && java.nio.file.Files.isRegularFile(dir.resolve(f)))
              .toList();
      files.addAll(present.isEmpty() ? known : present);
    }
    StringBuilder flags = new StringBuilder();
    for (var f : wide.flags()) {
      flags
          .append("--")
          .append(f.name())
          .append(f.value() == null ? "" : "=" + f.value())
          .append(' ');
    }
    String dest = wide.copyDestination() == null ? "./" : wide.copyDestination();
    String destDir = dest.endsWith("/") ? dest : dest + "/";
    if (destDir.equals("./") || destDir.equals("./.")) {
      destDir = "./";
    }
    java.util.Map<String, List<String>> byFolder = new java.util.LinkedHashMap<>();
    for (String f : files) {
      int slash = f.lastIndexOf('/');
      byFolder
          .computeIfAbsent(slash < 0 ? "" : f.substring(0, slash + 1), k -> new ArrayList<>())
          .add(f);
    }
    List<String> out = new ArrayList<>();
    for (var e : byFolder.entrySet()) {
      out.add(
          "COPY "
              + flags
              + String.join(" ", e.getValue())
              + " "
              + (e.getKey().isEmpty() ? destDir : destDir + e.getKey()));
    }
    return out;
  }

  private static String manifestsFor(String run) {
    if (run == null) {
      return "<lock files>";
    }
    if (run.contains("npm")) {
      return "package.json package-lock.json";
    }
    if (run.contains("yarn")) {
      return "package.json yarn.lock";
    }
    if (run.contains("pnpm")) {
      return "package.json pnpm-lock.yaml";
    }
    if (run.contains("poetry")) {
      return "pyproject.toml poetry.lock";
    }
    if (run.contains("uv ")) {
      return "pyproject.toml uv.lock";
    }
    if (run.contains("go mod")) {
      return "go.mod go.sum";
    }
    if (run.contains("cargo")) {
      return "Cargo.toml Cargo.lock";
    }
    if (run.contains("bundle")) {
      return "Gemfile Gemfile.lock";
    }
    return "requirements*.txt";
  }
}
