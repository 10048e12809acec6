package dev.pipeperf.rules.docker;

import dev.pipeperf.dockerfile.Dockerfile;
import dev.pipeperf.dockerfile.Instruction;
import dev.pipeperf.dockerfile.Stage;
import dev.pipeperf.estimate.docker.InstructionEstimate;
import dev.pipeperf.estimate.docker.StageEstimate;
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
    if (toolImage(df.path()) && !builtAndPushed(df, ctx)) {
      // A dev container, CI or cross-compile image, or a test fixture: its product is the
      // toolchain (or it ships nowhere), so splitting the toolchain out would break it.
      return;
    }
    Stage stage = df.stages().get(0);
    Set<String> tools = new LinkedHashSet<>();
    Instruction first = null;
    List<Instruction> toolInstalls = new ArrayList<>();
    for (Instruction i : stage.instructions()) {
      boolean here = false;
      Set<String> removed = removedInSameRun(i.runCommand());
      for (PackageInstall p : DockerFacts.systemInstalls(i)) {
        for (String pkg : p.packages()) {
          String b = DockerFacts.bare(pkg);
          if (removed.contains(b) || removed.contains("*")) {
            continue; // apk del .build-deps / apt-get purge in the same RUN: never in a layer
          }
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
        fixText(df, stage, base, first, tools),
        Remedy.of(edits),
        null,
        df.path());
  }

  /** Path words of images whose product is the toolchain itself (dev, CI, cross-compile). */
  private static final Set<String> TOOL_IMAGE_WORDS =
      Set.of(
          ".devcontainer",
          "devcontainer",
          "dev",
          "ci",
          "toolchain",
          "builder",
          "gh-builder",
          "build",
          "buildenv",
          "cross",
          "lint",
          "sdk");

  /**
   * True for a Dockerfile whose name says its product is a toolchain: a dev container, a CI, build,
   * lint or cross-compile image ({@code .devcontainer/Dockerfile}, {@code ci.Dockerfile}, {@code
   * docker/gh-builder/Dockerfile.py311}, {@code .docker/cross/aarch64.Dockerfile}), or a test
   * fixture.
   */
  static boolean toolImage(String path) {
    if (dev.pipeperf.rules.TestFixtures.isFixture(path)) {
      return true;
    }
    for (String word : path.toLowerCase(java.util.Locale.ROOT).split("[/._-]+")) {
      if (TOOL_IMAGE_WORDS.contains(word)) {
        return true;
      }
    }
    return path.contains(".devcontainer/") || path.contains("gh-builder");
  }

  /** True when a workflow builds and pushes this Dockerfile: then it ships, whatever its name. */
  private static boolean builtAndPushed(Dockerfile df, RuleContext ctx) {
    return ctx.view().buildIo().stream()
        .map(n -> (Subject.BuildIo) n.subject())
        .anyMatch(
            b ->
                b.build().dockerfile().equals(df.path())
                    && b.build().push()
                    && !toolImageByName(b.build()));
  }

  private static boolean toolImageByName(Subject.Build b) {
    return b.bakeTarget() != null && toolImage(b.bakeTarget());
  }

  private static final java.util.regex.Pattern REMOVAL =
      java.util.regex.Pattern.compile(
          "\\b(?:apk\\s+(?:--no-cache\\s+)?del|apt-get\\s+(?:-\\S+\\s+)*(?:purge|remove|autoremove)"
              + "|apt\\s+(?:purge|remove)|(?:yum|dnf|microdnf)\\s+(?:-\\S+\\s+)*remove)\\b([^;&|\\n]*)");

  private static final java.util.regex.Pattern VIRTUAL =
      java.util.regex.Pattern.compile("\\bapk\\s+add\\b[^;&|\\n]*?(?:--virtual|-t)[ =](\\S+)");

  /**
   * The packages a RUN removes again before it ends ({@code apk del .build-deps}, {@code apt-get
   * purge -y gcc}): they are never in a layer, so the image does not ship them. {@code *} when an
   * {@code apk add --virtual NAME} group is deleted by name (all of that install goes).
   */
  static Set<String> removedInSameRun(String run) {
    Set<String> out = new java.util.HashSet<>();
    if (run == null) {
      return out;
    }
    Set<String> virtual = new java.util.HashSet<>();
    java.util.regex.Matcher v = VIRTUAL.matcher(run.replace("\\\n", " "));
    while (v.find()) {
      virtual.add(v.group(1));
    }
    if (run.matches("(?s).*\\bapt-mark\\s+auto\\b.*") && run.contains("--auto-remove")) {
      out.add("*"); // official-images idiom: mark all new packages auto, then purge them
    }
    java.util.regex.Matcher m = REMOVAL.matcher(run.replace("\\\n", " "));
    while (m.find()) {
      for (String w : m.group(1).trim().split("\\s+")) {
        if (w.isEmpty() || w.startsWith("-")) {
          continue;
        }
        out.add(virtual.contains(w) ? "*" : DockerFacts.bare(w));
      }
    }
    return out;
  }

  private static final java.util.regex.Pattern PIP_REQUIREMENTS =
      java.util.regex.Pattern.compile("\\bpip3?\\s+install\\b[^;&|\\n]*?\\s-r\\s+(\\S+)");

  /**
   * The split written for this file: its base image, its package manager, its requirements file or
   * npm install, and the line the toolchain install is on, not a template.
   */
  static String fixText(
      Dockerfile df, Stage stage, String base, Instruction first, Set<String> tools) {
    String manager = null;
    String requirements = null;
    boolean npm = false;
    for (Instruction i : stage.instructions()) {
      for (PackageInstall p : DockerFacts.systemInstalls(i)) {
        if (manager == null) {
          manager =
              switch (p.manager()) {
                case APT -> "apt-get";
                case APK -> "apk";
                default -> p.manager().name().toLowerCase(java.util.Locale.ROOT);
              };
        }
      }
      String run = i.runCommand();
      if (run != null) {
        java.util.regex.Matcher m = PIP_REQUIREMENTS.matcher(run);
        if (requirements == null && m.find()) {
          requirements = m.group(1);
        }
        npm |= run.matches("(?s).*\\bnpm\\s+(ci|install)\\b.*");
      }
    }
    List<String> system =
        tools.stream()
            .filter(t -> !t.equals("node devDependencies") && !t.equals("poetry"))
            .toList();
    StringBuilder fix =
        new StringBuilder("Split " + df.path() + " into a builder and a runtime stage:\n");
    fix.append("FROM ").append(base).append(" AS builder\n");
    fix.append("  keep the install at line ")
        .append(first.location().line())
        .append(" (")
        .append(String.join(", ", tools))
        .append(") here");
    List<String> build = new ArrayList<>();
    if (requirements != null) {
      build.add("RUN pip install --prefix=/install -r " + requirements);
    }
    if (npm) {
      build.add("RUN npm ci && npm run build");
    }
    fix.append(
        build.isEmpty() ? " with the steps that compile" : ", then " + String.join(" and ", build));
    fix.append('\n');
    fix.append("FROM ").append(base).append(" AS runtime\n");
    if (manager != null && !system.isEmpty()) {
      fix.append("  install with ")
          .append(manager)
          .append(" only the runtime libraries (none of ")
          .append(String.join(", ", system))
          .append(")\n");
    }
    List<String> bring = new ArrayList<>();
    if (requirements != null) {
      bring.add("COPY --from=builder /install /usr/local");
    }
    if (npm) {
      bring.add("RUN npm ci --omit=dev and COPY --from=builder the build output");
    }
    fix.append("  ")
        .append(
            bring.isEmpty()
                ? "COPY --from=builder only what the image runs (binaries, built assets)"
                : String.join(", ", bring));
    fix.append(", then the rest of the file as it is (COPY, USER, CMD).");
    return fix.toString();
  }
}
