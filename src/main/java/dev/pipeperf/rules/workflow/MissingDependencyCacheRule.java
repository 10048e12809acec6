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
import java.util.Locale;
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

  /**
   * setup action → (the cache value to write, the package managers it caches). setup-python's
   * {@code cache:} knows pip, pipenv and poetry; uv keeps its own cache ({@code astral-sh/setup-uv}
   * with {@code enable-cache}), so {@code cache: pip} would not help uv.
   */
  private static final Map<String, Map.Entry<String, Set<String>>> SETUPS =
      Map.of(
          "actions/setup-python", Map.entry("pip", Set.of("PIP", "POETRY")),
          "actions/setup-node", Map.entry("npm", Set.of("NPM", "YARN", "PNPM")),
          "actions/setup-java", Map.entry("maven", Set.of()),
          "actions/setup-go", Map.entry("true", Set.of("GO")));

  @Override
  public void visitJob(Workflow w, Job job, RuleContext ctx) {
    if (cachesOffOnPurpose(ctx, w)) {
      return;
    }
    for (Step setup : job.allSteps()) {
      String action = StepKinds.action(setup);
      if (action == null || !SETUPS.containsKey(action)) {
        continue;
      }
      String cache = setup.with().get("cache");
      // `cache: ""`, `cache: false` or `package-manager-cache: false` is a choice, not an
      // omission (cache-poisoning hardening): nothing to report.
      if ((cache != null && (cache.isBlank() || cache.equalsIgnoreCase("false")))
          || "false".equalsIgnoreCase(setup.with().get("package-manager-cache"))) {
        continue;
      }
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
      // setup-node and setup-python fail the step when the cache key's lock file is missing: a
      // fix without one would break the job, so there is nothing to suggest.
      String folder = null;
      for (Step s : installs) {
        folder = folder != null ? folder : workingDirectory(ctx, s);
      }
      if (!value.equals("true")
          && lockFile(ctx, value, folder == null ? "" : folder + "/") == null) {
        continue;
      }
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
          fix(ctx, action, value, setup, installs),
          Remedy.of(edits),
          w.path(),
          job.id() + "/" + action);
    }
  }

  /**
   * The fix for this file: the cache value, and {@code cache-dependency-path:} naming the lock file
   * when the install runs in a sub-folder (setup-node and setup-python look for the lock file at
   * the root and fail the step when it is not there).
   */
  private static String fix(
      RuleContext ctx, String action, String value, Step setup, List<Step> installs) {
    String folder = null;
    for (Step s : installs) {
      folder = folder != null ? folder : workingDirectory(ctx, s);
    }
    String lock = lockFile(ctx, value, folder == null ? "" : folder + "/");
    StringBuilder sb =
        new StringBuilder("Add `cache: ")
            .append(value)
            .append("` under `with:` of ")
            .append(action)
            .append(" at ")
            .append(setup.location());
    if (folder != null && lock != null) {
      sb.append(" with `cache-dependency-path: ").append(lock).append('`');
      sb.append(" (the install runs in ").append(folder).append(", not at the root)");
    } else if (folder != null) {
      sb.append(" with `cache-dependency-path:` naming the lock file under ")
          .append(folder)
          .append(" (the install runs there, and the step fails when no lock file is at the root)");
    } else if (lock == null && !value.equals("true")) {
      sb.append(
          " once a lock file is committed (the cache key hashes it; none was found at the root)");
    }
    return sb.append('.').toString();
  }

  /** The lock file the cache key hashes, root-relative, when it exists under {@code prefix}. */
  private static String lockFile(RuleContext ctx, String value, String prefix) {
    List<String> names =
        switch (value) {
          case "npm" -> List.of("package-lock.json", "npm-shrinkwrap.json");
          case "yarn" -> List.of("yarn.lock");
          case "pnpm" -> List.of("pnpm-lock.yaml");
          case "pip" -> List.of("requirements.txt", "pyproject.toml", "requirements-dev.txt");
          case "poetry" -> List.of("poetry.lock");
          case "maven" -> List.of("pom.xml");
          case "gradle" -> List.of("build.gradle", "build.gradle.kts", "gradle.properties");
          default -> List.of("go.sum");
        };
    java.nio.file.Path root = ctx.view().workspace().root();
    for (String n : names) {
      if (java.nio.file.Files.isRegularFile(root.resolve(prefix + n))) {
        return prefix + n;
      }
    }
    return null;
  }

  /**
   * The folder an install step runs in: its {@code working-directory:} (the model keeps none, so it
   * is read from the step's lines) or a leading {@code cd folder &&}; null at the root.
   */
  private static String workingDirectory(RuleContext ctx, Step s) {
    var file = ctx.view().workspace().sources().get(s.location().file());
    if (file != null && s.location().line() > 0) {
      int indent = -1;
      for (int i = s.location().line(); i <= file.lineCount(); i++) {
        String line = file.line(i);
        String t = line.strip();
        int lead = line.length() - line.stripLeading().length();
        if (i > s.location().line() && (t.startsWith("- ") && lead <= indent || lead < indent)) {
          break;
        }
        if (indent < 0) {
          indent = lead;
        }
        java.util.regex.Matcher m =
            java.util.regex.Pattern.compile(
                    "^-?\\s*working-directory:\\s*['\"]?([^'\"#]+?)['\"]?\\s*$")
                .matcher(t);
        if (m.find()) {
          String dir = m.group(1).replaceFirst("^\\./", "").replaceFirst("/$", "");
          return dir.isEmpty() || dir.equals(".") || dir.contains("${{") ? null : dir;
        }
      }
    }
    java.util.regex.Matcher cd =
        java.util.regex.Pattern.compile("^\\s*cd\\s+([\\w./-]+)\\s*(&&|;|\\n)")
            .matcher(s.run() == null ? "" : s.run());
    if (cd.find()) {
      String dir = cd.group(1).replaceFirst("^\\./", "").replaceFirst("/$", "");
      return dir.isEmpty() || dir.equals(".") ? null : dir;
    }
    return null;
  }

  /**
   * True when the workflow keeps caches off on purpose: {@code ACTIONS_CACHE_MODE: none} in its or
   * the job's environment, or a release or publish workflow, where a restored cache is a
   * cache-poisoning path into what is shipped.
   */
  private static boolean cachesOffOnPurpose(RuleContext ctx, Workflow w) {
    if ("none".equalsIgnoreCase(w.env().getOrDefault("ACTIONS_CACHE_MODE", ""))) {
      return true;
    }
    var file = ctx.view().workspace().sources().get(w.path());
    if (file != null) {
      for (int i = 1; i <= file.lineCount(); i++) {
        if (file.line(i).matches("\\s*ACTIONS_CACHE_MODE:\\s*['\"]?none['\"]?\\s*(#.*)?")) {
          return true;
        }
      }
    }
    if (w.triggers().stream().anyMatch(t -> t.event().equals("release"))) {
      return true;
    }
    String names = (w.path() + " " + (w.name() == null ? "" : w.name())).toLowerCase(Locale.ROOT);
    return names.matches("(?s).*(release|publish).*");
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
