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
import java.util.regex.Pattern;

/**
 * A job that builds with Gradle or Maven on a hosted runner and caches none of their downloads:
 * every run fetches the Gradle distribution, the plugins and every dependency jar again. The
 * sibling of PP022 (cargo) for the JVM build tools; a {@code setup-java} step with its cache unset
 * is PP013's.
 */
@RuleInfo(
    id = "PP028",
    name = "missing-jvm-build-cache",
    severity = Severity.MEDIUM,
    effort = Effort.LOW,
    effortHours = 0.5,
    summary = "Gradle or Maven builds on a hosted runner with no dependency cache")
public final class MissingJvmBuildCacheRule implements Rule {

  /**
   * What a warm cache leaves of a Gradle or Maven step: the downloads (distribution, plugins,
   * dependency jars) are restored, compiling and testing still run. Three quarters is the figure
   * used; the saving scales with it.
   */
  static final double WARM_SHARE = 0.75;

  /** The tool as a command: at the start of a line or after {@code &&}, {@code ;}, a pipe. */
  private static final String COMMAND = "(?m)(^|[;&|(]|\\bsudo|\\btime)\\s*(\\./|[\\w./-]*/)?";

  private static final Pattern GRADLE =
      Pattern.compile(COMMAND + "(gradlew|gradle)(\\.bat)?(\\s|$)");
  private static final Pattern MAVEN = Pattern.compile(COMMAND + "(mvnw|mvn)(\\.cmd)?(\\s|$)");

  @Override
  public void visitJob(Workflow w, Job job, RuleContext ctx) {
    if (job.container() != null || !CacheIntent.cacheWouldPay(ctx, w, job)) {
      return;
    }
    List<Step> builds = new ArrayList<>();
    boolean gradle = false;
    for (Step s : job.allSteps()) {
      String a = StepKinds.action(s);
      if (a != null && caches(a, s)) {
        return;
      }
      if (s.run() == null) {
        continue;
      }
      boolean g = GRADLE.matcher(s.run()).find();
      if (g || MAVEN.matcher(s.run()).find()) {
        builds.add(s);
        gradle |= g;
      }
    }
    if (builds.isEmpty()) {
      return;
    }
    List<GraphEdit> edits = new ArrayList<>();
    for (JobInstance ji : ctx.view().instances(w, job)) {
      for (Step s : builds) {
        ctx.view()
            .stepNode(ji, s)
            .map(Node::id)
            .ifPresent(id -> edits.add(new GraphEdit.ScaleDuration(id, WARM_SHARE)));
      }
    }
    Step first = builds.get(0);
    String tool = gradle ? "Gradle" : "Maven";
    ctx.report(
        first.location(),
        "job "
            + job.id()
            + " builds with "
            + tool
            + " ("
            + builds.size()
            + (builds.size() == 1 ? " step" : " steps")
            + ") and caches "
            + (gradle ? "neither ~/.gradle/caches nor ~/.gradle/wrapper" : "no ~/.m2/repository")
            + ": every run downloads every dependency",
        fix(job, first, gradle),
        Remedy.of(edits).onlyIfItSaves(),
        w.path(),
        job.id() + "/jvm-cache");
  }

  private static String fix(Job job, Step first, boolean gradle) {
    if (gradle) {
      return "In job "
          + job.id()
          + ", add before "
          + first.location()
          + " (\""
          + first.displayName()
          + "\"):\n"
          + "  - uses: gradle/actions/setup-gradle@v4\n"
          + "It caches the Gradle distribution, ~/.gradle/caches and the build cache, keyed on"
          + " the build files; pull requests read the default branch's cache without writing"
          + " their own.";
    }
    return "In job "
        + job.id()
        + ", add before "
        + first.location()
        + " (\""
        + first.displayName()
        + "\"):\n"
        + "  - uses: actions/cache@v4\n"
        + "    with:\n"
        + "      path: ~/.m2/repository\n"
        + "      key: ${{ runner.os }}-maven-${{ hashFiles('**/pom.xml') }}\n"
        + "      restore-keys: ${{ runner.os }}-maven-\n"
        + "(or `cache: maven` on an actions/setup-java step, which does the same).";
  }

  /** True when the step caches Gradle's or Maven's downloads, or leaves them out on purpose. */
  private static boolean caches(String a, Step s) {
    if (a.equals("actions/setup-java")) {
      // With `cache:` set it caches; unset, PP013 reports it; `cache: ""` is a choice.
      return true;
    }
    if (a.equals("gradle/actions/setup-gradle")
        || a.equals("gradle/gradle-build-action")
        || a.equals("gradle/actions")) {
      // It caches by default; `cache-disabled: true` is a choice.
      return true;
    }
    if (a.startsWith("actions/cache") || a.equals("buildjet/cache")) {
      return true;
    }
    return a.contains("setup-graalvm") && s.with().containsKey("cache");
  }
}
