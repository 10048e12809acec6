package dev.pipeperf.rules.workflow;

import dev.pipeperf.estimate.DurationRange;
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
import java.util.Locale;

/**
 * A job that downloads a third-party project pinned to a version and builds and installs it from
 * source on every run, with no cache keyed on that version: the same minutes of compiling, run
 * after run, for a result that only changes when someone bumps the version.
 */
@RuleInfo(
    id = "PP026",
    name = "from-source-install",
    severity = Severity.MEDIUM,
    effort = Effort.LOW,
    effortHours = 1,
    summary = "A pinned third-party project is built and installed from source on every run")
public final class FromSourceInstallRule implements Rule {

  @Override
  public void visitJob(Workflow w, Job job, RuleContext ctx) {
    if (!CacheIntent.cacheWouldPay(ctx, w, job)) {
      return;
    }
    String own = ownName(ctx);
    for (Step s : job.allSteps()) {
      if (s.run() == null || mentionsCacheHit(s.ifCondition())) {
        continue;
      }
      for (SourceBuild b : SourceBuild.find(s.run(), own)) {
        if (cached(job, b)) {
          continue;
        }
        report(w, job, s, b, ctx);
      }
    }
  }

  private static void report(Workflow w, Job job, Step s, SourceBuild b, RuleContext ctx) {
    String rest = s.run().substring(0, b.start()) + s.run().substring(b.end());
    DurationRange whole = ctx.view().estimator().script(s.run()).range();
    DurationRange left =
        ctx.view()
            .estimator()
            .script(rest)
            .range()
            .plus(ctx.view().estimator().action("actions/cache").range());
    double factor = mid(whole) <= 0 ? 1 : Math.min(1, mid(left) / mid(whole));
    List<GraphEdit> edits = new ArrayList<>();
    List<JobInstance> legs = ctx.view().instances(w, job);
    for (JobInstance ji : legs) {
      ctx.view()
          .stepNode(ji, s)
          .map(Node::id)
          .ifPresent(id -> edits.add(new GraphEdit.ScaleDuration(id, factor)));
    }
    if (factor >= 1 || edits.isEmpty()) {
      return;
    }
    ctx.report(
        s.runLocation() != null ? s.runLocation() : s.location(),
        "job "
            + job.id()
            + " builds and installs "
            + b.project()
            + " "
            + b.version()
            + " from source on every run"
            + (legs.size() > 1 ? " (" + legs.size() + " legs)" : "")
            + ", with no cache keyed on its version",
        fix(job, s, b),
        Remedy.of(edits).onlyIfItSaves(),
        w.path(),
        job.id() + "/" + b.project());
  }

  private static double mid(DurationRange r) {
    return (r.low() + r.high()) / 2;
  }

  /** The fix for this step: a cache of the install keyed on the version, the build on a miss. */
  private static String fix(Job job, Step s, SourceBuild b) {
    String id = b.project().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + "-cache";
    String key =
        "${{ runner.os }}-${{ runner.arch }}-" + b.project() + "-" + keyVersion(b.version());
    String path;
    String install;
    switch (b.installer()) {
      case "pip", "setup.py" -> {
        path = "~/.cache/" + b.project() + "-wheels";
        install =
            "build a wheel there instead of installing the checkout (`pip wheel --no-deps -w "
                + path
                + " .`), and install it in a step that always runs (`pip install "
                + path
                + "/*.whl`); or install the released package at that version from the package"
                + " index if it is published there";
      }
      case "cargo" -> {
        path = "~/.cache/" + b.project();
        install =
            "install there (`cargo install --root "
                + path
                + " --path .`) and add `"
                + path
                + "/bin` to `$GITHUB_PATH` in a step that always runs";
      }
      case "go" -> {
        path = "~/.cache/" + b.project() + "/bin";
        install =
            "install there (`GOBIN="
                + path
                + " go install ./...`) and add `"
                + path
                + "` to `$GITHUB_PATH` in a step that always runs";
      }
      default -> {
        if (b.prefix() != null) {
          path = b.prefix().replace("$HOME", "~").replace("/home/runner", "~");
          install = "it already installs into " + b.prefix();
        } else {
          path = "~/.cache/" + b.project();
          install =
              "install into that prefix instead of /usr/local ("
                  + (b.installer().equals("cmake") || b.installer().equals("ninja")
                      ? "`-DCMAKE_INSTALL_PREFIX=$HOME/.cache/" + b.project() + "`"
                      : "`./configure --prefix=$HOME/.cache/" + b.project() + "`")
                  + ", without sudo) and add `"
                  + path
                  + "/bin` to `$GITHUB_PATH` in a step that always runs (and its `lib` to"
                  + " `LD_LIBRARY_PATH` if something links against it)";
        }
      }
    }
    String guard = "steps." + id + ".outputs.cache-hit != 'true'";
    return "In job "
        + job.id()
        + ", before "
        + s.location()
        + " (\""
        + s.displayName()
        + "\"), restore what it builds, keyed on the version of "
        + b.project()
        + ":\n"
        + "  - uses: actions/cache@v4\n"
        + "    id: "
        + id
        + "\n"
        + "    with:\n"
        + "      path: "
        + path
        + "\n"
        + "      key: "
        + key
        + "\n"
        + "then give the build "
        + (s.ifCondition() == null
            ? "`if: " + guard + "`"
            : "`&& " + guard + "` at the end of its `if:`")
        + " and "
        + install
        + ". A version bump changes the key, so the cache never serves a stale build."
        + systemPackages(s.run());
  }

  private static final java.util.regex.Pattern PACKAGE_INSTALL =
      java.util.regex.Pattern.compile(
          "(?:apt-get|apt|apk|dnf|yum|zypper|brew)\\s+(?:-\\S+\\s+)*(?:install|add)\\b");

  /**
   * A build step that also installs system packages (its build dependencies, and the libraries the
   * binary loads at run time, such as liblz4 or libfuse) must keep that install when a cache hit
   * skips the build: said in the fix, since skipping the whole step would break the job.
   */
  static String systemPackages(String run) {
    if (run == null || !PACKAGE_INSTALL.matcher(run).find()) {
      return "";
    }
    return " Keep the step's system-package install out of that `if:` (move it into a step of its"
        + " own that always runs): the installed binary loads libraries it installs.";
  }

  /** The version as a cache key can name it: shell variables become {@code ${{ env.X }}}. */
  private static String keyVersion(String version) {
    if (version.startsWith("${{")) {
      return version;
    }
    return version.replaceAll("\\$\\{(\\w+)\\}|\\$(\\w+)", "\\${{ env.$1$2 }}");
  }

  /**
   * True when the job already caches this build: an {@code actions/cache} step whose key or path
   * names the project or its version.
   */
  private static boolean cached(Job job, SourceBuild b) {
    String project = b.project().toLowerCase(Locale.ROOT);
    String version = b.version().replaceAll("[${}\\s]|env\\.", "").toLowerCase(Locale.ROOT);
    for (Step s : job.allSteps()) {
      String a = StepKinds.action(s);
      if (a == null || !(a.startsWith("actions/cache") || a.endsWith("/cache"))) {
        continue;
      }
      String text =
          (s.with().getOrDefault("key", "") + " " + s.with().getOrDefault("path", ""))
              .toLowerCase(Locale.ROOT);
      if (text.contains(project) || (!version.isEmpty() && text.contains(version))) {
        return true;
      }
    }
    return false;
  }

  private static boolean mentionsCacheHit(String condition) {
    return condition != null && condition.contains("cache-hit");
  }

  /**
   * The analysed repository's own name (its folder, or the part after {@code owner__} in the
   * corpus' naming): cloning itself is building the product, not a third-party install.
   */
  private static String ownName(RuleContext ctx) {
    var root = ctx.view().workspace().root().toAbsolutePath().normalize().getFileName();
    String name = root == null ? "" : root.toString();
    int sep = name.indexOf("__");
    return sep >= 0 ? name.substring(sep + 2) : name;
  }
}
