package dev.pipeperf.rules.workflow;

import dev.pipeperf.estimate.DurationRange;
import dev.pipeperf.graph.GraphEdit;
import dev.pipeperf.graph.JobInstance;
import dev.pipeperf.graph.PipelineGraph;
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

/**
 * A job that only downloads an artifact its upstream job uploaded and sends it elsewhere (coverage
 * to Codecov, reports to a bucket): a whole runner start-up, checkout and artifact round trip for a
 * few seconds of upload, and a job that keeps the run open. The producing job can send it itself,
 * as a background step at its end.
 */
@RuleInfo(
    id = "PP019",
    name = "artifact-relay-job",
    severity = Severity.MEDIUM,
    effort = Effort.LOW,
    effortHours = 1,
    summary = "A job only relays an artifact of its upstream job to another service")
public final class ArtifactRelayJobRule implements Rule {

  @Override
  public void visitJob(Workflow w, Job job, RuleContext ctx) {
    if (job.needs().size() != 1 || job.callsReusableWorkflow() || job.environment() != null) {
      // A job in an environment is a gate (reviewers, wait timers, environment secrets): its
      // upload cannot move into the producing job without bypassing them.
      return;
    }
    Job upstream = w.job(job.needs().get(0).jobId()).orElse(null);
    if (upstream == null
        || upstream.allSteps().stream()
            .noneMatch(s -> "actions/upload-artifact".equals(StepKinds.action(s)))) {
      return;
    }
    boolean downloads = false;
    List<Step> sends = new ArrayList<>();
    for (Step s : job.allSteps()) {
      String a = StepKinds.action(s);
      if ("actions/download-artifact".equals(a)) {
        downloads = true;
      } else if (StepKinds.isSetup(s) || s.isControl()) {
        continue;
      } else if (isSend(s)) {
        sends.add(s);
      } else {
        return;
      }
    }
    if (!downloads || sends.isEmpty()) {
      return;
    }
    List<GraphEdit> edits = new ArrayList<>();
    PipelineGraph g = ctx.view().graph();
    DurationRange sendTime = DurationRange.ZERO;
    for (Step s : sends) {
      sendTime =
          sendTime.plus(
              s.uses() != null
                  ? ctx.view().estimator().action(s.uses()).range()
                  : ctx.view().estimator().script(s.run()).range());
    }
    for (JobInstance ji : ctx.view().instances(w, job)) {
      edits.add(new GraphEdit.RemoveJob(ji.key()));
    }
    // The upload moves to the end of the producing job (a background step it waits for).
    for (JobInstance up : ctx.view().instances(w, upstream)) {
      PipelineGraph.JobSpan span = g.span(up);
      if (span != null) {
        edits.add(new GraphEdit.ChangeDuration(g.node(span.end()).id(), sendTime));
      }
    }
    String names = String.join(", ", sends.stream().map(Step::displayName).toList());
    ctx.finding(
            job.location(),
            "job "
                + job.id()
                + " only downloads the artifact of "
                + upstream.id()
                + " to send it on ("
                + names
                + ")")
        .fix(
            "Send it from job "
                + upstream.id()
                + " itself: move "
                + names
                + " to the end of "
                + upstream.id()
                + " as a `background: true` step (drop the upload/download-artifact round trip), and delete job "
                + job.id()
                + " ("
                + job.location()
                + ").")
        .remedy(Remedy.of(edits))
        .workflow(w.path())
        .subject(job.id())
        .report();
  }

  private static boolean isSend(Step s) {
    String a = StepKinds.action(s);
    if (a != null) {
      return a.startsWith("codecov/")
          || a.startsWith("coverallsapp/")
          || a.contains("upload")
          || a.contains("s3")
          || a.contains("gcs")
          || a.contains("slack")
          || a.contains("sonar");
    }
    return s.run() != null
        && s.run()
            .matches(
                "(?s).*\\b(codecov|coveralls|aws\\s+s3\\s+(cp|sync)|gsutil\\s+(cp|rsync)|gcloud\\s+storage\\s+cp|curl\\b.*(-T|--upload-file|-F)).*");
  }
}
