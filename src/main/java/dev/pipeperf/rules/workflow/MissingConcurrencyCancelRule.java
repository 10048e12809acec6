package dev.pipeperf.rules.workflow;

import dev.pipeperf.rules.Effort;
import dev.pipeperf.rules.Remedy;
import dev.pipeperf.rules.Rule;
import dev.pipeperf.rules.RuleContext;
import dev.pipeperf.rules.RuleInfo;
import dev.pipeperf.rules.TextEdit;
import dev.pipeperf.source.Location;
import dev.pipeperf.source.Severity;
import dev.pipeperf.source.SourceFile;
import dev.pipeperf.workflow.Job;
import dev.pipeperf.workflow.Trigger;
import dev.pipeperf.workflow.Workflow;
import java.util.List;

/**
 * A workflow that runs on pull requests without {@code concurrency} + {@code cancel-in-progress}:
 * every push to a pull request leaves the previous, now useless run billing to the end.
 */
@RuleInfo(
    id = "PP014",
    name = "missing-concurrency-cancel",
    severity = Severity.LOW,
    effort = Effort.LOW,
    effortHours = 0.25,
    summary = "A pull-request workflow does not cancel superseded runs")
public final class MissingConcurrencyCancelRule implements Rule {

  /**
   * The share of pull-request runs superseded by a newer push while still running. Public data on
   * this is thin; 15% is a conservative reading of teams that push fix-ups to open pull requests (a
   * second push within a run's duration). The saving scales with it.
   */
  static final double SUPERSEDED_SHARE = 0.15;

  /**
   * Below this many billable minutes per run (high estimate), cancelling a superseded run saves
   * under a minute and a half: a labeller or a one-step check is not worth the reviewer's time.
   */
  static final double MIN_BILLED_MINUTES_PER_RUN = 10;

  @Override
  public void visitWorkflow(Workflow w, RuleContext ctx) {
    if (w.concurrency() != null) {
      ctx.practice(
          "concurrency",
          w.concurrency().location(),
          w.concurrency().mayCancelInProgress()
              ? "cancels superseded runs (concurrency with cancel-in-progress)"
              : "serialises runs (concurrency group " + w.concurrency().group() + ")");
    }
    if (!w.runsOnPullRequests()
        || (w.concurrency() != null && w.concurrency().mayCancelInProgress())) {
      return;
    }
    // `cancel-in-progress: false` written out is a choice (a run that must finish, such as a
    // review comment); a pull_request filtered to this very file only runs when CI is edited.
    if (w.concurrency() != null
        && "false".equalsIgnoreCase(String.valueOf(w.concurrency().cancelInProgress()).strip())) {
      return;
    }
    if (w.triggers().stream()
        .filter(Trigger::firesOnPullRequestPush)
        .allMatch(
            t -> !t.paths().isEmpty() && t.paths().stream().allMatch(p -> p.equals(w.path())))) {
      return;
    }
    // Only pushes to a pull request supersede a run: `types: [opened, labeled]` never does.
    if (w.triggers().stream().noneMatch(Trigger::firesOnPullRequestPush)) {
      return;
    }
    var cost = ctx.view().costs().get(w.path());
    if (cost == null || cost.perRun().minutes().high() < MIN_BILLED_MINUTES_PER_RUN) {
      return;
    }
    List<Job> jobs = w.jobs();
    if (!jobs.isEmpty()
        && jobs.stream()
            .allMatch(j -> j.concurrency() != null && j.concurrency().mayCancelInProgress())) {
      return;
    }
    Location at =
        w.triggers().stream()
            .filter(t -> t.event().startsWith("pull_request"))
            .findFirst()
            .map(Trigger::location)
            .orElse(w.location());
    List<String> block =
        List.of(
            "concurrency:",
            "  group: ${{ github.workflow }}-${{ github.event.pull_request.number || github.ref }}",
            "  cancel-in-progress: " + cancelCondition(w));
    RuleContext.FindingBuilder finding =
        ctx.finding(
                at,
                "workflow "
                    + w.displayName()
                    + " runs on pull requests but does not cancel superseded runs")
            .fix("Add at the top level of " + w.path() + ":\n" + String.join("\n", block))
            .remedy(new Remedy(List.of(), SUPERSEDED_SHARE, new double[] {0, 0}))
            .workflow(w.path())
            .subject("concurrency");
    topLevelJobsLine(ctx.view().workspace().sources().get(w.path()))
        .ifPresent(line -> finding.edit(TextEdit.insertLines(w.path(), line, block)));
    finding.report();
  }

  /**
   * The line of the top-level {@code jobs:} key, before which the block goes (where a reader looks
   * for a workflow's settings); empty when the file is not at hand or writes it some other way.
   */
  static java.util.OptionalInt topLevelJobsLine(SourceFile file) {
    if (file == null) {
      return java.util.OptionalInt.empty();
    }
    for (int i = 1; i <= file.lineCount(); i++) {
      String line = file.line(i);
      if (line.equals("jobs:") || line.startsWith("jobs: #") || line.startsWith("jobs:  #")) {
        return java.util.OptionalInt.of(i);
      }
    }
    return java.util.OptionalInt.empty();
  }

  /**
   * The cancel condition for this workflow's pull-request event: {@code github.event_name ==
   * 'pull_request'} is false on {@code pull_request_target}, so such a fix would cancel nothing;
   * pushes to a branch are never cancelled (every commit of main keeps its run).
   */
  static String cancelCondition(Workflow w) {
    boolean plain = w.triggers().stream().anyMatch(t -> t.event().equals("pull_request"));
    boolean target = w.triggers().stream().anyMatch(t -> t.event().equals("pull_request_target"));
    if (plain && target) {
      return "${{ startsWith(github.event_name, 'pull_request') }}";
    }
    return "${{ github.event_name == '"
        + (target ? "pull_request_target" : "pull_request")
        + "' }}";
  }
}
