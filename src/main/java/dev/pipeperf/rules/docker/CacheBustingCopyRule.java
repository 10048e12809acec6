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
        report(df, stage, wide, i, ctx);
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
    String manifests = manifestsFor(install.runCommand());
    ctx.report(
        wide.location(),
        "COPY "
            + String.join(" ", wide.copySources())
            + " at line "
            + wide.location().line()
            + " comes before the dependency install at line "
            + install.location().line()
            + ": every source change reinstalls the dependencies",
        "Copy the dependency manifests first, install, then copy the source:\n"
            + "COPY "
            + manifests
            + " ./\n"
            + install.original().strip().lines().findFirst().orElse("RUN ...")
            + "\n"
            + wide.original().strip(),
        Remedy.of(edits),
        null,
        df.path() + ":" + stage.index());
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
