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
import dev.pipeperf.source.Severity;
import dev.pipeperf.workflow.Job;
import dev.pipeperf.workflow.Step;
import dev.pipeperf.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A job that compiles Rust with cargo on a hosted runner and caches nothing: every run downloads
 * the crates and compiles every dependency again, which is most of a cold Rust build.
 */
@RuleInfo(
    id = "PP022",
    name = "missing-rust-cache",
    severity = Severity.MEDIUM,
    effort = Effort.LOW,
    effortHours = 0.5,
    summary = "cargo compiles on a hosted runner with no Rust build cache",
    savingOnly = true)
public final class MissingRustCacheRule implements Rule {

  /**
   * What a warm {@code Swatinem/rust-cache} leaves of a cargo step: the registry and the compiled
   * dependencies in {@code target/} are restored, the workspace's own crates still compile, and the
   * restore itself takes its share. Half is the figure used; the saving scales with it.
   */
  static final double WARM_SHARE = 0.5;

  /** cargo commands that compile (fmt, fetch, install of a tool are not a build of this code). */
  private static final Pattern COMPILE =
      Pattern.compile(
          "\\bcargo\\s+(?:\\+\\S+\\s+)?(build|test|clippy|check|doc|nextest|miri\\s+test|llvm-cov"
              + "|bench|run|hack|insta\\s+test)\\b");

  private static final Pattern MANIFEST =
      Pattern.compile("--manifest-path[ =]+(\\S+)/Cargo\\.toml");

  @Override
  public void visitJob(Workflow w, Job job, RuleContext ctx) {
    if (!CacheIntent.cacheWouldPay(ctx, w, job) || mentionsWrapper(w.env())) {
      return;
    }
    List<Step> cargo = new ArrayList<>();
    Step firstCargo = null;
    for (Step s : job.allSteps()) {
      if (caches(s, job)) {
        return;
      }
      if (firstCargo == null && s.run() != null && s.run().matches("(?s).*\\bcargo\\b.*")) {
        firstCargo = s;
      }
      if (s.run() != null && COMPILE.matcher(s.run()).find()) {
        cargo.add(s);
      }
    }
    if (cargo.isEmpty()) {
      return;
    }
    List<GraphEdit> edits = new ArrayList<>();
    for (JobInstance ji : ctx.view().instances(w, job)) {
      for (Step s : cargo) {
        ctx.view()
            .stepNode(ji, s)
            .map(Node::id)
            .ifPresent(id -> edits.add(new GraphEdit.ScaleDuration(id, WARM_SHARE)));
      }
    }
    Step first = cargo.get(0);
    ctx.report(
        first.location(),
        "job "
            + job.id()
            + " compiles Rust with cargo ("
            + cargo.size()
            + (cargo.size() == 1 ? " step" : " steps")
            + ") and caches neither ~/.cargo nor target/: every run compiles every dependency",
        fix(w, job, first, firstCargo),
        Remedy.of(edits).onlyIfItSaves(),
        w.path(),
        job.id() + "/rust-cache");
  }

  private static String fix(Workflow w, Job job, Step first, Step firstCargo) {
    StringBuilder with = new StringBuilder();
    Matcher m = MANIFEST.matcher(first.run());
    if (m.find()) {
      with.append("\n      workspaces: ").append(m.group(1));
    }
    String saveIf = siblingSaveIf(w);
    boolean prOnly =
        job.ifCondition() != null
            && job.ifCondition().replace(" ", "").contains("github.event_name=='pull_request'");
    if (saveIf != null && !prOnly) {
      with.append("\n      save-if: ").append(saveIf);
    }
    with.append("\n      shared-key: ").append(job.id());
    return "In job "
        + job.id()
        + ", add before the first cargo step ("
        + firstCargo.location()
        + "):\n"
        + "  - uses: Swatinem/rust-cache@v2\n"
        + "    with:"
        + with
        + (prOnly
            ? "\nThe job runs only on pull requests, so its cache is per pull request (later"
                + " pushes to it hit); running it on pushes to the default branch too gives every"
                + " pull request a cache to start from."
            : "");
  }

  /** The {@code save-if} another job of the workflow gives rust-cache: the repo's own policy. */
  private static String siblingSaveIf(Workflow w) {
    for (Job j : w.jobs()) {
      for (Step s : j.allSteps()) {
        String a = StepKinds.action(s);
        if (a != null && a.equals("swatinem/rust-cache") && s.with().containsKey("save-if")) {
          return s.with().get("save-if");
        }
      }
    }
    return null;
  }

  private static boolean caches(Step s, Job job) {
    String a = StepKinds.action(s);
    if (a != null) {
      if (a.startsWith("actions/cache")
          || a.endsWith("/rust-cache")
          || a.contains("sccache")
          || a.equals("buildjet/cache")) {
        return true;
      }
      if (a.equals("actions-rust-lang/setup-rust-toolchain")) {
        // It runs rust-cache itself unless told not to.
        return !"false".equalsIgnoreCase(s.with().getOrDefault("cache", "true"));
      }
      if (a.equals("moonrepo/setup-rust")) {
        return !"false".equalsIgnoreCase(s.with().getOrDefault("cache", "true"));
      }
    }
    return mentionsWrapper(s.env()) || (s.run() != null && s.run().contains("RUSTC_WRAPPER"));
  }

  private static boolean mentionsWrapper(Map<String, String> env) {
    return env.containsKey("RUSTC_WRAPPER") || env.containsKey("CARGO_TARGET_DIR");
  }
}
