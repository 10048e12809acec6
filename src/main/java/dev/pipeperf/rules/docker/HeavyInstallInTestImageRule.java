package dev.pipeperf.rules.docker;

import dev.pipeperf.dockerfile.Instruction;
import dev.pipeperf.estimate.DurationRange;
import dev.pipeperf.estimate.docker.BuildCatalogue;
import dev.pipeperf.graph.GraphEdit;
import dev.pipeperf.graph.JobInstance;
import dev.pipeperf.graph.Node;
import dev.pipeperf.graph.Subject;
import dev.pipeperf.rules.AnalysisView;
import dev.pipeperf.rules.DockerFacts;
import dev.pipeperf.rules.Effort;
import dev.pipeperf.rules.Remedy;
import dev.pipeperf.rules.Rule;
import dev.pipeperf.rules.RuleContext;
import dev.pipeperf.rules.RuleInfo;
import dev.pipeperf.rules.StepKinds;
import dev.pipeperf.shell.PackageInstall;
import dev.pipeperf.shell.PackageInstalls;
import dev.pipeperf.source.Severity;
import dev.pipeperf.workflow.Step;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The image a test job uses installs browsers, GPU stacks or TeX: minutes of build and a larger
 * image to pull before every test run, for features most test runs do not exercise. A build arg or
 * a separate target builds the test image without them.
 */
@RuleInfo(
    id = "PP007",
    name = "heavy-install-in-test-image",
    severity = Severity.LOW,
    effort = Effort.LOW,
    effortHours = 2,
    summary = "The image used by a test job installs browsers, CUDA or LaTeX")
public final class HeavyInstallInTestImageRule implements Rule {

  @Override
  public void finish(AnalysisView view, RuleContext ctx) {
    Set<String> reported = new java.util.HashSet<>();
    for (Node n : view.buildStages()) {
      Subject.BuildStage bs = (Subject.BuildStage) n.subject();
      JobInstance tests = testJob(view, bs.job());
      if (tests == null) {
        continue;
      }
      for (Instruction i : bs.stage().stage().instructions()) {
        Set<String> heavy = new LinkedHashSet<>();
        for (PackageInstall p : DockerFacts.systemInstalls(i)) {
          p.packages().stream()
              .filter(DockerFacts::isHeavyExtra)
              .map(DockerFacts::bare)
              .forEach(heavy::add);
        }
        if (i.isRun() && i.runCommand() != null && i.runCommand().contains("playwright install")) {
          heavy.add("playwright browsers");
        }
        if (heavy.isEmpty()) {
          continue;
        }
        String key = bs.build().dockerfile() + ":" + i.location().line() + ":" + bs.job().key();
        if (!reported.add(key)) {
          continue;
        }
        DurationRange extra = DurationRange.ZERO;
        BuildCatalogue cat = BuildCatalogue.builtIn();
        for (String h : heavy) {
          BuildCatalogue.HeavyPackage hp = cat.heavy(h);
          if (hp != null) {
            extra = extra.plus(hp.extra());
          }
        }
        // Playwright's browsers are no system package: cost them as the estimator does, per
        // browser the install fetches.
        BuildCatalogue.PerItem browsers =
            cat.dependencyInstalls().get(PackageInstall.Manager.PLAYWRIGHT);
        if (i.isRun() && i.runCommand() != null && browsers != null) {
          for (PackageInstall p : PackageInstalls.find(i.runCommand())) {
            if (p.manager() == PackageInstall.Manager.PLAYWRIGHT) {
              extra =
                  extra.plus(browsers.fixed()).plus(browsers.perItem().times(p.packages().size()));
            }
          }
        }
        List<GraphEdit> edits = new ArrayList<>();
        double stageMid = (bs.warm() ? bs.stage().warm() : bs.stage().cold()).range().mid();
        // Cold builds pay the install; warm ones only when its layer is invalidated.
        var ie = DockerFacts.instruction(n, i);
        boolean paid = !bs.warm() || (ie != null && ie.warm().range().mid() > 1);
        if (paid && stageMid > 0) {
          edits.add(new GraphEdit.ScaleDuration(n.id(), Math.max(0, 1 - extra.mid() / stageMid)));
        }
        String target = bs.build().bakeTarget();
        ctx.finding(
                i.location(),
                (tests == bs.job()
                        ? "the image used by the tests of job " + bs.job().displayName()
                        : "the image job "
                            + bs.job().displayName()
                            + " builds for the tests of job "
                            + tests.displayName())
                    + " installs "
                    + String.join(", ", heavy))
            .fix(
                "Make them optional: `ARG INSTALL_HEAVY=true` and `RUN if [ \"$INSTALL_HEAVY\" = true ]; then "
                    + optionalInstall(heavy)
                    + "; fi` in "
                    + bs.build().dockerfile()
                    + ", and build the test image with "
                    + (target != null
                        ? "`args = { INSTALL_HEAVY = \"false\" }` in bake target \"" + target + "\""
                        : "`--build-arg INSTALL_HEAVY=false`")
                    + " (or a separate target without them); keep them where browser tests run.")
            .remedy(Remedy.of(edits))
            .workflow(bs.job().workflow())
            .subject(key)
            .report();
      }
    }
  }

  /** The install to make optional: the system packages, then Playwright's browsers. */
  private static String optionalInstall(Set<String> heavy) {
    List<String> packages = heavy.stream().filter(h -> !h.equals("playwright browsers")).toList();
    List<String> parts = new ArrayList<>();
    if (!packages.isEmpty()) {
      parts.add("apt-get install -y --no-install-recommends " + String.join(" ", packages));
    }
    if (heavy.contains("playwright browsers")) {
      parts.add("playwright install --with-deps");
    }
    return String.join(" && ", parts);
  }

  /**
   * The job that runs tests on the image: the building job itself, or the first job after it that
   * runs tests (it builds the test image); null when no tests use it.
   */
  private static JobInstance testJob(AnalysisView view, JobInstance job) {
    if (runsTests(job)) {
      return job;
    }
    for (var span : view.graph().jobs()) {
      if (view.graph().upstreamJobs(span.job()).contains(job) && runsTests(span.job())) {
        return span.job();
      }
    }
    return null;
  }

  private static boolean runsTests(JobInstance job) {
    for (Step s : job.job().allSteps()) {
      if (StepKinds.isTest(s)) {
        return true;
      }
    }
    return false;
  }
}
