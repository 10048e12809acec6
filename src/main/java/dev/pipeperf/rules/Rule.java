package dev.pipeperf.rules;

import dev.pipeperf.dockerfile.Dockerfile;
import dev.pipeperf.dockerfile.Instruction;
import dev.pipeperf.dockerfile.Stage;
import dev.pipeperf.workflow.Job;
import dev.pipeperf.workflow.Step;
import dev.pipeperf.workflow.Workflow;

/**
 * A rule: one class, annotated with {@link RuleInfo}, overriding only the visitor hooks it needs.
 * The engine makes a fresh instance per run, so a rule may keep state between hooks and use it in
 * {@link #finish}.
 */
public interface Rule {

  default void visitWorkflow(Workflow workflow, RuleContext ctx) {}

  default void visitJob(Workflow workflow, Job job, RuleContext ctx) {}

  default void visitStep(Workflow workflow, Job job, Step step, RuleContext ctx) {}

  default void visitDockerfile(Dockerfile dockerfile, RuleContext ctx) {}

  default void visitStage(Dockerfile dockerfile, Stage stage, RuleContext ctx) {}

  default void visitInstruction(
      Dockerfile dockerfile, Stage stage, Instruction instruction, RuleContext ctx) {}

  /** Called once after every model was visited: whole-graph rules work here. */
  default void finish(AnalysisView view, RuleContext ctx) {}

  /** The rule's metadata. */
  default RuleInfo info() {
    RuleInfo info = getClass().getAnnotation(RuleInfo.class);
    if (info == null) {
      throw new IllegalStateException(getClass().getName() + " has no @RuleInfo");
    }
    return info;
  }
}
