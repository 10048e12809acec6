package dev.pipeperf.rules.workflow;

import dev.pipeperf.graph.GraphEdit;
import dev.pipeperf.graph.JobInstance;
import dev.pipeperf.graph.Node;
import dev.pipeperf.rules.Effort;
import dev.pipeperf.rules.Remedy;
import dev.pipeperf.rules.Rule;
import dev.pipeperf.rules.RuleContext;
import dev.pipeperf.rules.RuleInfo;
import dev.pipeperf.rules.StepKinds;
import dev.pipeperf.shell.PackageInstall;
import dev.pipeperf.source.Severity;
import dev.pipeperf.workflow.Job;
import dev.pipeperf.workflow.Step;
import dev.pipeperf.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A setup action whose dependency cache is off while the job installs dependencies on the runner.
 * With the cache on, installs download from GitHub's cache instead of the registries.
 */
@RuleInfo(
    id = "PP013",
    name = "missing-dependency-cache",
    severity = Severity.MEDIUM,
    effort = Effort.LOW,
    effortHours = 0.5,
    summary = "Dependencies are installed on the runner with no dependency cache")
public final class MissingDependencyCacheRule implements Rule {

  /** What a warm dependency cache leaves of an install: downloads skipped, installs kept. */
  static final double WARM_SHARE = 0.4;

  /** setup action → (the cache value to write, the package managers it caches). */
  private static final Map<String, Map.Entry<String, Set<String>>> SETUPS =
      Map.of(
          "actions/setup-python", Map.entry("pip", Set.of("PIP", "POETRY", "UV")),
          "actions/setup-node", Map.entry("npm", Set.of("NPM", "YARN", "PNPM")),
          "actions/setup-java", Map.entry("maven", Set.of()),
          "actions/setup-go", Map.entry("true", Set.of("GO")));

  @Override
  public void visitJob(Workflow w, Job job, RuleContext ctx) {
    for (Step setup : job.allSteps()) {
      String action = StepKinds.action(setup);
      if (action == null || !SETUPS.containsKey(action)) {
        continue;
      }
      String cache = setup.with().get("cache");
      boolean goDefault = action.equals("actions/setup-go") && cache == null;
      boolean cached =
          goDefault || (cache != null && !cache.isBlank() && !cache.equalsIgnoreCase("false"));
      if (cached) {
        ctx.practice(
            "dependency-cache",
            setup.location(),
            action + " caches dependencies (cache: " + (goDefault ? "default" : cache) + ")");
        continue;
      }
      if (hasCacheAction(job)) {
        continue;
      }
      List<Step> installs = installsFor(job, action);
      if (installs.isEmpty()) {
        continue;
      }
      String value = cacheValue(action, job);
      List<GraphEdit> edits = new ArrayList<>();
      for (JobInstance ji : ctx.view().instances(w, job)) {
        for (Step s : installs) {
          ctx.view()
              .stepNode(ji, s)
              .map(Node::id)
              .ifPresent(id -> edits.add(new GraphEdit.ScaleDuration(id, WARM_SHARE)));
        }
      }
      ctx.report(
          setup.location(),
          action
              + " in job "
              + job.id()
              + " has no dependency cache, and the job installs dependencies",
          "Add `cache: "
              + value
              + "` under `with:` of "
              + action
              + " at "
              + setup.location()
              + (action.equals("actions/setup-python")
                  ? " (and `cache-dependency-path:` if requirements live in a sub-folder)"
                  : "")
              + ".",
          Remedy.of(edits),
          w.path(),
          job.id() + "/" + action);
    }
  }

  private static boolean hasCacheAction(Job job) {
    return job.allSteps().stream()
        .anyMatch(
            s -> {
              String a = StepKinds.action(s);
              return a != null
                  && (a.startsWith("actions/cache") || a.equals("swatinem/rust-cache"));
            });
  }

  private static List<Step> installsFor(Job job, String action) {
    Set<String> managers = SETUPS.get(action).getValue();
    List<Step> out = new ArrayList<>();
    for (Step s : job.allSteps()) {
      if (s.run() == null) {
        continue;
      }
      boolean java =
          action.equals("actions/setup-java")
              && s.run().matches("(?s).*\\b(mvn|mvnw|gradle|gradlew)\\b.*");
      boolean matches = java;
      for (PackageInstall p : StepKinds.installs(s)) {
        matches |= managers.contains(p.manager().name());
      }
      if (matches) {
        out.add(s);
      }
    }
    return out;
  }

  private static String cacheValue(String action, Job job) {
    if (action.equals("actions/setup-node")) {
      for (Step s : job.allSteps()) {
        for (PackageInstall p : StepKinds.installs(s)) {
          if (p.manager().name().equals("YARN")) {
            return "yarn";
          }
          if (p.manager().name().equals("PNPM")) {
            return "pnpm";
          }
        }
      }
      return "npm";
    }
    if (action.equals("actions/setup-java")) {
      return job.allSteps().stream().anyMatch(s -> s.run() != null && s.run().contains("gradle"))
          ? "gradle"
          : "maven";
    }
    if (action.equals("actions/setup-python")) {
      return job.allSteps().stream().anyMatch(s -> s.run() != null && s.run().contains("poetry"))
          ? "poetry"
          : "pip";
    }
    return SETUPS.get(action).getKey();
  }
}
