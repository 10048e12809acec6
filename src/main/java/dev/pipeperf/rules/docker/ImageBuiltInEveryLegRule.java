package dev.pipeperf.rules.docker;

import dev.pipeperf.bake.BakeDefinition;
import dev.pipeperf.bake.BakeTarget;
import dev.pipeperf.estimate.DurationRange;
import dev.pipeperf.graph.GraphEdit;
import dev.pipeperf.graph.JobInstance;
import dev.pipeperf.graph.Node;
import dev.pipeperf.graph.PipelineGraph;
import dev.pipeperf.graph.Subject;
import dev.pipeperf.rules.AnalysisView;
import dev.pipeperf.rules.Effort;
import dev.pipeperf.rules.Remedy;
import dev.pipeperf.rules.Rule;
import dev.pipeperf.rules.RuleContext;
import dev.pipeperf.rules.RuleInfo;
import dev.pipeperf.source.Severity;
import dev.pipeperf.source.SourceFile;
import dev.pipeperf.workflow.Job;
import dev.pipeperf.workflow.Step;
import dev.pipeperf.workflow.Workflow;
import dev.pipeperf.workspace.BuildInvocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A matrix job whose legs all build the same image: the build's inputs (Dockerfile, target, args,
 * platforms, bake variables) do not depend on the matrix values, so every leg but one rebuilds what
 * another leg already built, each on its own billed runner.
 */
@RuleInfo(
    id = "PP023",
    name = "image-built-in-every-leg",
    severity = Severity.MEDIUM,
    effort = Effort.MEDIUM,
    effortHours = 2,
    summary = "Every leg of a matrix job builds the same image")
public final class ImageBuiltInEveryLegRule implements Rule {

  /**
   * What a leg spends on the shared image instead of building it: {@code actions/download-artifact}
   * of the image tarball and {@code docker load} (a few hundred MB). Assumed, not measured.
   */
  static final DurationRange LOAD = DurationRange.ofSeconds(15, 60);

  /**
   * What the build job adds per image: its runner start-up, checkout and builder set-up (which the
   * legs also do) are already in the leg kept as the build; this is the export of the image to a
   * tarball and its {@code actions/upload-artifact}. Assumed, not measured.
   */
  static final DurationRange SHARE = DurationRange.ofSeconds(20, 90);

  /**
   * Below this many seconds of rebuilding per run (all legs together) a build job is not worth it.
   */
  static final double MIN_SAVED_SECONDS = 120;

  private static final Pattern BAKE_VARIABLE = Pattern.compile("(?m)^\\s*variable\\s+\"([^\"]+)\"");

  @Override
  public void finish(AnalysisView view, RuleContext ctx) {
    Set<String> bakeVariables = bakeVariables(view);
    for (Workflow w : view.workspace().workflows()) {
      SourceFile source = view.workspace().sources().get(w.path());
      for (Job job : w.jobs()) {
        if (job.strategy() == null
            || job.strategy().matrix() == null
            || job.strategy().matrix().dynamic()
            || job.uses() != null
            || job.allSteps().isEmpty()) {
          continue;
        }
        List<JobInstance> legs = view.instances(w, job);
        if (legs.size() < 2) {
          continue;
        }
        String header = header(source, job);
        for (Step s : job.allSteps()) {
          List<BuildInvocation> builds = BuildInvocation.of(s);
          if (!builds.isEmpty() && !pushesOrKeepsNothing(view, s, builds)) {
            check(view, ctx, w, job, s, legs, MatrixLegInputs.of(job, s, header, bakeVariables));
          }
        }
      }
    }
  }

  private void check(
      AnalysisView view,
      RuleContext ctx,
      Workflow w,
      Job job,
      Step s,
      List<JobInstance> legs,
      MatrixLegInputs inputs) {
    if (inputs.unknown()) {
      return;
    }
    PipelineGraph g = view.graph();
    // Legs that build the same image, by the matrix values the build depends on and the runner.
    Map<List<Object>, List<JobInstance>> groups = new LinkedHashMap<>();
    Map<JobInstance, List<Node>> buildNodes = new LinkedHashMap<>();
    for (JobInstance ji : legs) {
      List<Node> nodes = new ArrayList<>();
      for (Node n : g.nodesOf(ji)) {
        if ((n.subject() instanceof Subject.BuildStage bs && bs.step() == s)
            || (n.subject() instanceof Subject.BuildIo io && io.step() == s)) {
          nodes.add(n);
        }
      }
      if (nodes.isEmpty() || view.stepNode(ji, s).isEmpty()) {
        return; // the graph does not model this build in every leg: nothing to compare
      }
      buildNodes.put(ji, nodes);
      List<Object> key = new ArrayList<>();
      key.addAll(
          MatrixLegInputs.groupOf(
              ji.instance() == null ? Map.of() : ji.instance().values(), inputs.keys()));
      key.add(ji.runsOn() == null ? "" : String.valueOf(ji.runsOn().labels()));
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(ji);
    }
    int redundant = legs.size() - groups.size();
    if (redundant < 1) {
      return;
    }
    JobInstance first = legs.get(0);
    double buildSeconds = buildSpan(view, buildNodes.get(first)).mid();
    // What sharing costs back: the build job's export and upload per image, a load per leg.
    double net =
        redundant * buildSeconds - groups.size() * SHARE.plus(LOAD).mid() - redundant * LOAD.mid();
    // ... and in the low-estimate world too (short build, quick sharing): a minute at least, as
    // jobs are billed by the started minute.
    double worst =
        redundant * buildSpan(view, buildNodes.get(first)).low()
            - groups.size() * SHARE.plus(LOAD).low()
            - redundant * LOAD.low();
    if (net < MIN_SAVED_SECONDS || worst < 60) {
      return;
    }
    List<GraphEdit> edits = new ArrayList<>();
    for (List<JobInstance> group : groups.values()) {
      JobInstance builder = group.get(0);
      List<Node> exports = lastNodes(g, buildNodes.get(builder));
      for (JobInstance leg : group.subList(1, group.size())) {
        buildNodes.get(leg).forEach(n -> edits.add(new GraphEdit.RemoveNode(n.id())));
        Node step = view.stepNode(leg, s).orElseThrow();
        edits.add(new GraphEdit.ChangeDuration(step.id(), LOAD));
        String setup = g.node(g.span(leg).start()).id();
        // The leg starts when the image is there: `needs:` the build job.
        exports.forEach(e -> edits.add(new GraphEdit.AddEdge(e.id(), setup)));
      }
    }
    DurationRange extra = SHARE.plus(LOAD).times(groups.size());
    // The saving is in billed minutes; the run itself gets longer (the legs wait for the build and
    // load the image), which the report says rather than hides.
    DurationRange before = view.schedule().path(w.path()).length();
    DurationRange after =
        dev.pipeperf.graph.CriticalPath.of(g, dev.pipeperf.graph.Scenario.apply(g, edits))
            .path(w.path())
            .length();
    double longer = after.mid() - before.mid();
    String what = what(builds(s));
    ctx.report(
        s.location(),
        "all "
            + legs.size()
            + " legs of matrix job "
            + job.id()
            + " build "
            + what
            + (groups.size() == 1
                ? ", the same result in each (its inputs use no matrix value)"
                : ", only "
                    + groups.size()
                    + " different results (it depends on "
                    + dependsOn(inputs, legs)
                    + " only)")
            + ": "
            + redundant
            + " builds of about "
            + DurationRange.formatSeconds(buildSeconds)
            + " each per run repeat another leg's"
            + (longer >= 1
                ? " (sharing it makes the run about "
                    + DurationRange.formatSeconds(longer)
                    + " longer: the legs wait for the build and fetch its result)"
                : ""),
        fix(w, job, s, what, localOutput(view, s, builds(s)), inputs, groups.size(), legs.size()),
        new Remedy(edits, 0, new double[] {extra.low(), extra.high()}).onlyIfItSaves(),
        w.path(),
        job.id() + "/" + s.index() + "/same-image");
  }

  private static String dependsOn(MatrixLegInputs inputs, List<JobInstance> legs) {
    List<String> parts = new ArrayList<>();
    inputs.keys().forEach(k -> parts.add("matrix." + k));
    if (legs.stream()
            .map(j -> j.runsOn() == null ? "" : j.runsOn().labels().toString())
            .distinct()
            .count()
        > 1) {
      parts.add("the runner");
    }
    return String.join(", ", parts);
  }

  private static String fix(
      Workflow w,
      Job job,
      Step s,
      String what,
      String folder,
      MatrixLegInputs inputs,
      int images,
      int legs) {
    String buildJob = "build-" + slug(what);
    String tar = "/tmp/" + slug(what) + ".tar";
    String perValue =
        images == 1
            ? ""
            : " Give it `strategy.matrix` over "
                + (inputs.keys().isEmpty()
                    ? "the runners the legs use"
                    : "matrix." + String.join(", matrix.", inputs.keys()))
                + (inputs.keys().isEmpty()
                    ? ""
                    : " (and the runners, where the legs' runners differ)")
                + " only ("
                + images
                + " images instead of "
                + legs
                + "), carry the same values into the build, and name the artifact after them.";
    String output =
        s.action() != null && s.action().toLowerCase(Locale.ROOT).contains("bake")
            ? "add `*.output=type=docker,dest="
                + tar
                + "` to its `set:` (keep the image name: `name=` in the same output)"
            : s.action() != null
                ? "set `outputs: type=docker,dest=" + tar + "` (keep its `tags:`)"
                : "add `--output type=docker,dest=" + tar + "` to the command";
    if (folder != null) {
      // The build writes files (binaries), not an image: share the folder.
      return "Build once, before the matrix: a job "
          + buildJob
          + " in "
          + w.path()
          + " with the steps of "
          + job.id()
          + " up to and including the build at "
          + s.location()
          + ", then `actions/upload-artifact` of "
          + folder
          + " (name: "
          + slug(what)
          + ")."
          + perValue
          + " In "
          + job.id()
          + ", add `needs: "
          + buildJob
          + "` and replace the build step with `actions/download-artifact` (same name, path: "
          + folder
          + "). The legs then start after the build: the run's critical path grows by the"
          + " build job's set-up and the download, while every leg stops rebuilding.";
    }
    return "Build the image once, before the matrix: a job "
        + buildJob
        + " in "
        + w.path()
        + " with the steps of "
        + job.id()
        + " up to and including the build at "
        + s.location()
        + "; in that step "
        + output
        + ", then `actions/upload-artifact` the tarball (name: "
        + slug(what)
        + ")."
        + perValue
        + " In "
        + job.id()
        + ", add `needs: "
        + buildJob
        + "` and replace the build step with `actions/download-artifact` (same name, path /tmp)"
        + " and `docker load -i "
        + tar
        + "`. The legs then start after the build: the run's critical path grows by the"
        + " build job's set-up and the load, while every leg stops rebuilding.";
  }

  /** A build that pushes per leg (tags, platforms) or exports only its cache is left alone. */
  private static boolean pushesOrKeepsNothing(
      AnalysisView view, Step s, List<BuildInvocation> builds) {
    String with = String.join("\n", s.with().values());
    if (builds.stream().anyMatch(BuildInvocation::push)
        || with.contains("push=true")
        || with.contains("type=registry")
        || with.contains("type=cacheonly")
        || (s.run() != null && s.run().contains("type=cacheonly"))) {
      return true;
    }
    for (BuildInvocation b : builds) {
      if (b.isBake() && b.bakeSet().stream().noneMatch(x -> x.contains(".output="))) {
        // The target's own output decides: a cache-only target leaves no image to share.
        for (BakeDefinition def : view.workspace().bakes().values()) {
          for (String name :
              def.resolveTargets(
                  b.bakeTargets().isEmpty() ? List.of("default") : b.bakeTargets())) {
            BakeTarget t = def.targets().get(name);
            if (t != null && t.output().stream().anyMatch(o -> "cacheonly".equals(o.get("type")))) {
              return true;
            }
          }
        }
      }
    }
    return false;
  }

  /**
   * The folder a build writes its result to ({@code type=local,dest=…}, a bare path, bake's {@code
   * outdir()}), or null when it produces an image.
   */
  private static String localOutput(AnalysisView view, Step s, List<BuildInvocation> builds) {
    List<String> specs = new ArrayList<>();
    for (BuildInvocation b : builds) {
      b.bakeSet().stream()
          .filter(x -> x.contains(".output="))
          .forEach(x -> specs.add(x.substring(x.indexOf(".output=") + 8)));
      if (b.isBake() && specs.isEmpty()) {
        for (BakeDefinition def : view.workspace().bakes().values()) {
          for (String name :
              def.resolveTargets(
                  b.bakeTargets().isEmpty() ? List.of("default") : b.bakeTargets())) {
            BakeTarget t = def.targets().get(name);
            if (t != null) {
              for (Map<String, String> o : t.output()) {
                specs.add(
                    String.join(
                        ",",
                        o.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
              }
            }
          }
        }
      }
    }
    if (s.with().containsKey("outputs")) {
      specs.add(s.with().get("outputs"));
    }
    if (s.run() != null) {
      Matcher m = Pattern.compile("(?:-o|--output)[ =]+(\\S+)").matcher(s.run());
      while (m.find()) {
        specs.add(m.group(1));
      }
    }
    for (String spec : specs) {
      String type = null;
      String dest = null;
      for (String field : spec.strip().split(",")) {
        int eq = field.indexOf('=');
        if (eq < 0) {
          dest = field.strip();
        } else if (field.substring(0, eq).strip().equals("type")) {
          type = field.substring(eq + 1).strip();
        } else if (field.substring(0, eq).strip().equals("dest")) {
          dest = field.substring(eq + 1).strip();
        }
      }
      if ((type == null || type.equals("local")) && dest != null && !dest.isEmpty()) {
        return dest;
      }
    }
    return null;
  }

  private static List<BuildInvocation> builds(Step s) {
    return BuildInvocation.of(s);
  }

  private static String what(List<BuildInvocation> builds) {
    BuildInvocation b = builds.get(0);
    if (b.isBake()) {
      return "bake target "
          + (b.bakeTargets().isEmpty() ? "default" : String.join(", ", b.bakeTargets()));
    }
    return b.dockerfile() + (b.target() != null ? " (target " + b.target() + ")" : "");
  }

  private static String slug(String what) {
    String s =
        what.replaceFirst("^bake target ", "")
            .replaceAll("\\(target ", "")
            .replaceAll("[^A-Za-z0-9]+", "-")
            .replaceAll("(^-+|-+$)", "")
            .toLowerCase(Locale.ROOT);
    return s.isEmpty() ? "image" : s;
  }

  /** The build's time in one leg: from its first node's start to its last node's finish. */
  private static DurationRange buildSpan(AnalysisView view, List<Node> nodes) {
    double sLo = Double.MAX_VALUE;
    double sHi = Double.MAX_VALUE;
    double fLo = 0;
    double fHi = 0;
    for (Node n : nodes) {
      sLo = Math.min(sLo, view.schedule().earliestStart(n.index()).low());
      sHi = Math.min(sHi, view.schedule().earliestStart(n.index()).high());
      fLo = Math.max(fLo, view.schedule().earliestFinish(n.index()).low());
      fHi = Math.max(fHi, view.schedule().earliestFinish(n.index()).high());
    }
    return DurationRange.ofSeconds(Math.max(0, fLo - sLo), Math.max(0, fHi - sHi));
  }

  /** The build nodes nothing else of the build waits for: where the image is complete. */
  private static List<Node> lastNodes(PipelineGraph g, List<Node> nodes) {
    Set<Node> in = new LinkedHashSet<>(nodes);
    List<Node> out = new ArrayList<>();
    for (Node n : nodes) {
      if (g.successorsOf(n).stream().noneMatch(in::contains)) {
        out.add(n);
      }
    }
    return out;
  }

  /** The job's lines before its first step: runs-on, env, container, strategy. */
  private static String header(SourceFile source, Job job) {
    if (source == null) {
      return "";
    }
    int from = job.location().line();
    int to = job.steps().isEmpty() ? from : job.steps().get(0).location().line() - 1;
    StringBuilder b = new StringBuilder();
    for (int l = from; l <= Math.min(to, source.lineCount()); l++) {
      b.append(source.line(l)).append('\n');
    }
    return b.toString();
  }

  private static Set<String> bakeVariables(AnalysisView view) {
    Set<String> out = new TreeSet<>();
    for (SourceFile f : view.workspace().bakeFiles().values()) {
      Matcher m = BAKE_VARIABLE.matcher(f.text());
      while (m.find()) {
        out.add(m.group(1));
      }
      if (f.path().endsWith(".json")) {
        // docker-bake.json: "variable": {"NAME": {...}}: any quoted name may be one.
        Matcher q = Pattern.compile("\"([A-Z_][A-Z0-9_]*)\"\\s*:").matcher(f.text());
        while (q.find()) {
          out.add(q.group(1));
        }
      }
    }
    return out;
  }
}
