package dev.pipeperf.rules.workflow;

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
import java.util.Set;

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

  /** Packaging tools a job upgrades before installing: no test tool, nothing to pin. */
  private static final Set<String> INSTALLERS = Set.of("pip", "setuptools", "wheel");

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
      ctx.finding(
              s.runLocation() != null ? s.runLocation() : s.location(),
              "test job " + job.id() + " installs " + String.join(" ", packages) + " on every run")
          .fix(
              "Pin "
                  + String.join(", ", packages)
                  + " in the test requirements (e.g. requirements/test.txt) or the test image, so they are"
                  + " installed once at build time with the rest, and remove this install from "
                  + s.location()
                  + ".")
          .remedy( // No saving: the packages, once in the requirements, are still installed on
              // every run
              // unless those are cached; what the fix buys is pinned, reviewable tools (hygiene).
              Remedy.NONE)
          .workflow(w.path())
          .subject(job.id() + "/" + s.displayName())
          .report();
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

  /**
   * The packages named on the command line: not requirement files, not the project itself (with or
   * without extras: {@code .[test]}), not local paths, URLs or built wheels, and not the installer
   * upgrading itself ({@code pip install --upgrade pip setuptools wheel}).
   */
  private static List<String> named(PackageInstall p) {
    boolean python = !Set.of("NPM", "YARN", "PNPM").contains(p.manager().name());
    return p.packages().stream()
        .filter(
            x ->
                !x.startsWith("-")
                    && !x.startsWith(".")
                    && !x.startsWith("/")
                    && !x.startsWith("~")
                    && !x.startsWith("git+")
                    && !x.startsWith("file:")
                    && !x.contains("://")
                    && !(python && (x.contains("/") || x.endsWith(".whl") || x.endsWith(".tar.gz")))
                    && !(python && INSTALLERS.contains(x.toLowerCase(Locale.ROOT))))
        .toList();
  }
}
