package dev.pipeperf.rules.workflow;

import dev.pipeperf.rules.Effort;
import dev.pipeperf.rules.Remedy;
import dev.pipeperf.rules.Rule;
import dev.pipeperf.rules.RuleContext;
import dev.pipeperf.rules.RuleInfo;
import dev.pipeperf.source.Severity;
import dev.pipeperf.workflow.Concurrency;
import dev.pipeperf.workflow.Job;
import dev.pipeperf.workflow.Step;
import dev.pipeperf.workflow.Trigger;
import dev.pipeperf.workflow.Workflow;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A workflow on {@code push} to every branch and on {@code pull_request}: a pull request opened
 * from a branch of the repository itself starts it twice for every commit, once per event, and both
 * runs test the same code.
 */
@RuleInfo(
    id = "PP021",
    name = "duplicate-pull-request-runs",
    severity = Severity.MEDIUM,
    effort = Effort.LOW,
    effortHours = 0.25,
    summary = "push on every branch and pull_request both run the workflow for the same commit")
public final class DuplicatePullRequestRunsRule implements Rule {

  /**
   * The share of a workflow's runs that are the push twin of a pull-request run. When half of the
   * pushes go to branches with an open pull request in the same repository, a third of the runs are
   * twins; repositories whose pull requests mostly come from forks have fewer. A quarter is the
   * figure used, and the saving scales with it.
   */
  static final double TWIN_SHARE = 0.25;

  private static final Pattern BRANCH_REF = Pattern.compile("refs/heads/([A-Za-z0-9._/-]+)");

  @Override
  public void visitWorkflow(Workflow w, RuleContext ctx) {
    Trigger push = w.trigger("push").orElse(null);
    Trigger pr = w.trigger("pull_request").orElse(null);
    if (push == null || pr == null || !pushesEveryBranch(push) || !opensOnNewCommits(pr)) {
      return;
    }
    if (sharesOneCancellingGroup(w.concurrency()) || onlyNamedFiles(push)) {
      return;
    }
    boolean everyRootIsEventSpecific = true;
    for (Job j : w.jobs()) {
      if (sharesOneCancellingGroup(j.concurrency()) || skipsTheTwin(j.ifCondition())) {
        return;
      }
      if (j.needs().isEmpty()) {
        everyRootIsEventSpecific &=
            j.ifCondition() != null && j.ifCondition().contains("github.event_name");
      }
    }
    if (everyRootIsEventSpecific) {
      // Each event runs its own jobs: the twins do different work.
      return;
    }
    Set<String> targets = mergeTargets(w, pr, ctx.view().workspace().workflows());
    String branches = targets.isEmpty() ? "main" : String.join(", ", targets);
    String fix =
        "Restrict `push:` at "
            + push.location()
            + " to the long-lived branches (those pull requests merge into)"
            + (targets.isEmpty() ? " (your default branch; main assumed)" : "")
            + ":\n"
            + "  push:\n"
            + "    branches: ["
            + branches
            + "]\n"
            + "Pull requests keep their runs through `pull_request`; a branch without a pull"
            + " request no longer runs this workflow until one is opened.";
    ctx.finding(
            push.location(),
            "workflow "
                + w.displayName()
                + " runs on push to every branch and on pull_request: each commit to a pull request"
                + " from a branch of this repository runs it twice")
        .fix(fix)
        .remedy(new Remedy(List.of(), TWIN_SHARE, new double[] {0, 0}))
        .workflow(w.path())
        .subject("push+pull_request")
        .report();
  }

  /**
   * {@code push} with no branch or tag filter fires on every branch; branches-ignore still does.
   */
  private static boolean pushesEveryBranch(Trigger push) {
    Set<String> f = push.filters();
    if (f.contains("tags") || f.contains("tags-ignore")) {
      // Tag filters alone restrict push to tags: branch pushes do not run it.
      return f.contains("branches") && push.branches().contains("**");
    }
    return !f.contains("branches") || push.branches().contains("**");
  }

  /**
   * A push filter that names files, no patterns: the workflow runs only when those few files
   * change, so its twins are rare and not worth a finding.
   */
  private static boolean onlyNamedFiles(Trigger push) {
    return push.filters().contains("paths")
        && !push.paths().isEmpty()
        && push.paths().stream().noneMatch(p -> p.contains("*"));
  }

  /** The default pull_request types (opened, synchronize, reopened) run on every new commit. */
  private static boolean opensOnNewCommits(Trigger pr) {
    return !pr.filters().contains("types");
  }

  /**
   * A group that is the same for the push and the pull_request run of one branch (head_ref for the
   * pull request, ref_name for the push) with cancel-in-progress cancels one of the twins.
   */
  private static boolean sharesOneCancellingGroup(Concurrency c) {
    return c != null
        && c.mayCancelInProgress()
        && c.group() != null
        && c.group().contains("head_ref")
        && c.group().contains("ref_name")
        && !c.group().contains("pull_request.number")
        && !c.group().contains("event_name");
  }

  /** A job condition that tells the twins apart (the usual same-repository guard). */
  private static boolean skipsTheTwin(String condition) {
    if (condition == null) {
      return false;
    }
    return condition.contains("head.repo") || condition.contains("github.repository");
  }

  /** The branches pull requests merge into, as the file names them. */
  private static Set<String> mergeTargets(Workflow w, Trigger pr, List<Workflow> all) {
    Set<String> out = new LinkedHashSet<>();
    addLiteral(pr.branches(), out);
    if (!out.isEmpty()) {
      return out;
    }
    // The long-lived branches the repository's other workflows run on when pushed to.
    for (Workflow other : all) {
      other.trigger("push").ifPresent(p -> addLiteral(p.branches(), out));
    }
    for (Job j : w.jobs()) {
      addRefs(j.ifCondition(), out);
      for (Step s : j.allSteps()) {
        addRefs(s.ifCondition(), out);
      }
    }
    return out;
  }

  private static void addLiteral(List<String> branches, Set<String> out) {
    for (String b : branches) {
      if (!b.contains("*") && !b.startsWith("!") && !b.contains("${{")) {
        out.add(b);
      }
    }
  }

  private static void addRefs(String text, Set<String> out) {
    if (text == null) {
      return;
    }
    Matcher m = BRANCH_REF.matcher(text);
    while (m.find()) {
      out.add(m.group(1));
    }
  }
}
