package dev.pipeperf.rules.docker;

import dev.pipeperf.dockerfile.Dockerfile;
import dev.pipeperf.dockerfile.Instruction;
import dev.pipeperf.dockerfile.Stage;
import dev.pipeperf.estimate.build.InstructionEstimate;
import dev.pipeperf.estimate.build.StageEstimate;
import dev.pipeperf.graph.GraphEdit;
import dev.pipeperf.graph.Node;
import dev.pipeperf.graph.Subject;
import dev.pipeperf.rules.DockerFacts;
import dev.pipeperf.rules.Effort;
import dev.pipeperf.rules.Remedy;
import dev.pipeperf.rules.Rule;
import dev.pipeperf.rules.RuleContext;
import dev.pipeperf.rules.RuleInfo;
import dev.pipeperf.shell.PackageInstall;
import dev.pipeperf.source.Severity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A single-stage Dockerfile that installs build toolchains (compilers, headers, build tools) into
 * the image it ships: the image is larger to push and pull, and it carries tools an attacker can
 * use. A builder stage keeps them out of the runtime image.
 */
@RuleInfo(
    id = "PP002",
    name = "missing-multi-stage",
    severity = Severity.MEDIUM,
    effort = Effort.MEDIUM,
    effortHours = 6,
    summary = "A single-stage Dockerfile ships its build toolchain in the runtime image")
public final class MissingMultiStageRule implements Rule {

  /** Image hygiene already in place: a non-root user, a health check. */
  private static void practices(Dockerfile df, RuleContext ctx) {
    if (df.stages().isEmpty()) {
      return;
    }
    Stage last = df.stages().get(df.stages().size() - 1);
    for (Instruction i : last.instructions()) {
      if (i.is("USER") && !i.args().isEmpty() && !i.args().get(0).matches("(?i)root|0(:0)?")) {
        ctx.practice(
            "non-root-user",
            i.location(),
            df.path() + " runs as a non-root user (" + i.args().get(0) + ")");
      }
      if (i.is("HEALTHCHECK") && !i.args().isEmpty() && !i.args().get(0).equalsIgnoreCase("NONE")) {
        ctx.practice("healthcheck", i.location(), df.path() + " has a HEALTHCHECK");
      }
    }
    String persisted = null;
    for (Stage s : df.stages()) {
      for (Instruction i : s.instructions()) {
        if (i.isRun()
            && !i.mounts().isEmpty()
            && i.mounts().stream().anyMatch(m -> "cache".equals(m.type()))) {
          persisted = persisted != null ? persisted : cacheMountsPersisted(df, ctx);
          if (!persisted.isEmpty()) {
            ctx.practice(
                "cache-mount",
                i.location(),
                df.path() + " uses a BuildKit cache mount for installs, " + persisted);
          }
        }
      }
    }
  }

  /**
   * Why the cache mounts of a Dockerfile survive between CI builds, or "" when nothing shows they
   * do. A cache mount lives in the builder: on a hosted runner the builder is new each job, so the
   * mount starts empty on every run unless its content is exported and restored
   * (reproducible-containers/buildkit-cache-dance) or the runner is self-hosted and keeps its
   * builder. A Dockerfile no workflow builds is left unsaid: where it is built is not known.
   */
  static String cacheMountsPersisted(Dockerfile df, RuleContext ctx) {
    Set<String> why = new LinkedHashSet<>();
    boolean built = false;
    for (Node io : ctx.view().buildIo()) {
      Subject.BuildIo b = (Subject.BuildIo) io.subject();
      if (!b.build().dockerfile().equals(df.path())) {
        continue;
      }
      built = true;
      boolean dance =
          b.job().job().allSteps().stream()
              .anyMatch(st -> st.action() != null && st.action().endsWith("/buildkit-cache-dance"));
      if (dance) {
        why.add("restored and saved in job " + b.job().job().id() + " by buildkit-cache-dance");
      } else if (b.job().runsOn() != null
          && dev.pipeperf.cost.RunnerKind.fromLabels(b.job().runsOn().labels()).selfHosted()) {
        why.add("kept by the self-hosted runner's builder in job " + b.job().job().id());
      } else {
        return ""; // one build that starts empty is enough: it is not in place everywhere
      }
    }
    return built ? String.join("; ", why) : "";
  }

  @Override
  public void visitDockerfile(Dockerfile df, RuleContext ctx) {
    practices(df, ctx);
    if (df.stages().size() > 1) {
      boolean copiesFromBuilder =
          df.stages().stream()
              .flatMap(s -> s.instructions().stream())
              .anyMatch(i -> i.isCopyLike() && i.from() != null);
      if (copiesFromBuilder) {
        ctx.practice(
            "multi-stage-build",
            df.stages().get(0).location(),
            "multi-stage build ("
                + df.stages().size()
                + " stages) keeps build tools out of the runtime image");
      }
      return;
    }
    if (df.stages().isEmpty()) {
      return;
    }
    Stage stage = df.stages().get(0);
    Set<String> tools = new LinkedHashSet<>();
    Instruction first = null;
    List<Instruction> toolInstalls = new ArrayList<>();
    for (Instruction i : stage.instructions()) {
      boolean here = false;
      for (PackageInstall p : DockerFacts.systemInstalls(i)) {
        for (String pkg : p.packages()) {
          String b = DockerFacts.bare(pkg);
          if (DockerFacts.TOOLCHAIN.contains(b) || b.endsWith("-dev") || b.endsWith("-devel")) {
            tools.add(b);
            here = true;
          }
        }
      }
      if (i.isRun()
          && i.runCommand() != null
          && i.runCommand()
              .matches(
                  "(?s).*\\b(pip3?\\s+install\\s+.*\\bpoetry\\b|npm\\s+ci\\b(?!.*--omit=dev)|npm\\s+install\\b(?!.*--omit=dev)).*")) {
        tools.add(i.runCommand().contains("poetry") ? "poetry" : "node devDependencies");
        here = true;
      }
      if (here) {
        toolInstalls.add(i);
        if (first == null) {
          first = i;
        }
      }
    }
    if (first == null) {
      return;
    }
    // Remedy: the runtime image loses the toolchain layers, so pushing and pulling it is faster
    // by their share of the image's size.
    List<GraphEdit> edits = new ArrayList<>();
    double shrink = 0;
    for (Node n : DockerFacts.stageNodes(ctx.view(), df)) {
      StageEstimate se = DockerFacts.estimate(n);
      double total = se.sizeMb();
      double tool = 0;
      for (InstructionEstimate ie : se.instructions()) {
        if (toolInstalls.contains(ie.instruction())) {
          tool += ie.sizeMb() * 0.7;
        }
      }
      shrink = Math.max(shrink, total <= 0 ? 0 : Math.min(0.8, tool / total));
    }
    if (shrink > 0) {
      for (Node io : ctx.view().buildIo()) {
        Subject.BuildIo b = (Subject.BuildIo) io.subject();
        if (b.what().equals("export")
            && b.build().dockerfile().equals(df.path())
            && b.build().push()) {
          edits.add(new GraphEdit.ScaleDuration(io.id(), 1 - shrink));
        }
      }
    }
    String base = stage.baseName() == null ? "<base>" : stage.baseName();
    ctx.report(
        first.location(),
        "single-stage "
            + df.path()
            + " installs build tools ("
            + String.join(", ", tools)
            + ") into the image it ships",
        "Split it into a builder and a runtime stage:\n"
            + "FROM "
            + base
            + " AS builder\n"
            + "  install "
            + String.join(", ", tools)
            + " and build (e.g. `pip install --prefix=/install -r requirements.txt`, `npm ci && npm run build`)\n"
            + "FROM "
            + base
            + " AS runtime\n"
            + "  install only runtime libraries, then COPY --from=builder /install /usr/local (and the built assets)",
        Remedy.of(edits),
        null,
        df.path());
  }
}
