package dev.pipeperf.graph;

import dev.pipeperf.workflow.Step;

/** What a graph node stands for. A closed family: each kind of work pipeperf times. */
public sealed interface Subject {

  /** A job instance's set-up: runner start-up, job container, service containers. */
  record JobSetup(JobInstance job) implements Subject {}

  /** One step of a job (or of a composite action the job uses). */
  record StepWork(JobInstance job, Step step, String path) implements Subject {}

  /** A zero-length point where paths meet: a job's end, a parallel group's end, a wait. */
  record Join(String what) implements Subject {}

  /** A job that calls a reusable workflow of another repository: opaque, timed as a whole. */
  record RemoteWorkflow(JobInstance job, String uses) implements Subject {}
}
