package dev.pipeperf.rules.workflow;

import dev.pipeperf.estimate.Estimate;
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

/**
 * A test job that installs named test tools at run time ({@code pip install pytest-cov ...}, {@code
 * npm install -g ...}): paid on every run, and unpinned. They belong in the requirements or the
 * test image.
 */
@RuleInfo(
    id = "PP008",
    name = "ci-time-package-install",
    severity = Severity.LOW,
    effort = Effort.LOW,
    effortHours = 1,
    summary =
        "A test job installs test tools at run time instead of from its requirements or image")
public final class CiTimePackageInstallRule implements Rule {

  @Override
  public void visitJob(Workflow w, Job job, RuleContext ctx) {
    if (job.allSteps().stream().noneMatch(StepKinds::isTest)) {
      return;
    }
    for (Step s : job.allSteps()) {
      List<String> packages = new ArrayList<>();
      for (PackageInstall p : StepKinds.installs(s)) {
        if (isAdHoc(p)) {
          packages.addAll(named(p));
        }
      }
      if (packages.isEmpty()) {
        continue;
      }
      List<GraphEdit> edits = new ArrayList<>();
      String rest = withoutAdHocInstalls(s.run());
      for (JobInstance ji : ctx.view().instances(w, job)) {
        Node n = ctx.view().stepNode(ji, s).orElse(null);
        if (n != null) {
          Estimate without = ctx.view().estimator().script(rest);
          double share = ratio(without, ctx.view().estimator().script(s.run()));
          edits.add(new GraphEdit.ScaleDuration(n.id(), share));
        }
      }
      ctx.report(
          s.runLocation() != null ? s.runLocation() : s.location(),
          "test job " + job.id() + " installs " + String.join(" ", packages) + " on every run",
          "Pin "
              + String.join(", ", packages)
              + " in the test requirements (e.g. requirements/test.txt) or the test image, so they are"
              + " installed once at build time with the rest, and remove this install from "
              + s.location()
              + ".",
          Remedy.of(edits),
          w.path(),
          job.id() + "/" + s.displayName());
    }
  }

  /** An install of named packages by a language package manager (not only -r files or .). */
  private static boolean isAdHoc(PackageInstall p) {
    String m = p.manager().name();
    boolean language =
        m.equals("PIP")
            || m.equals("NPM")
            || m.equals("UV")
            || m.equals("YARN")
            || m.equals("PNPM");
    return language && !named(p).isEmpty();
  }

  /** The packages named on the command line: not requirement files, not the project itself. */
  private static List<String> named(PackageInstall p) {
    return p.packages().stream()
        .filter(
            x ->
                !x.startsWith("-")
                    && !x.equals(".")
                    && !x.startsWith("./")
                    && !x.startsWith("/")
                    && !x.startsWith("git+"))
        .toList();
  }

  private static String withoutAdHocInstalls(String run) {
    StringBuilder sb = new StringBuilder();
    for (String line : run.split("\n")) {
      boolean adHoc = false;
      for (PackageInstall p : dev.pipeperf.shell.PackageInstalls.find(line)) {
        adHoc |= isAdHoc(p);
      }
      if (!adHoc) {
        sb.append(line).append('\n');
      }
    }
    return sb.toString();
  }

  private static double ratio(Estimate part, Estimate whole) {
    double w = whole.range().mid();
    return w <= 0 ? 0 : Math.min(1, part.range().mid() / w);
  }
}
