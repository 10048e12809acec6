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

  /**
   * One stage of a Dockerfile that a build step builds (BuildKit builds independent stages in
   * parallel).
   *
   * @param build what is built
   * @param stage the stage's estimate, instruction by instruction
   * @param warm true when a cache backend makes unchanged layers hits
   */
  record BuildStage(
      JobInstance job,
      Step step,
      Build build,
      dev.pipeperf.estimate.docker.StageEstimate stage,
      boolean warm)
      implements Subject {}

  /** The work of a build around its stages: context upload and cache import, or export and push. */
  record BuildIo(
      JobInstance job,
      Step step,
      Build build,
      String what,
      dev.pipeperf.estimate.docker.BuildEstimate estimate)
      implements Subject {}

  /**
   * One image build started by a step: a Dockerfile and target, or a bake target.
   *
   * @param dockerfile the Dockerfile, root-relative ({@code <inline>} for dockerfile-inline)
   * @param target the stage built, or null for the last one
   * @param bakeTarget the bake target, or null for a plain build
   * @param context the build context folder, root-relative, or null when not local
   * @param cacheFrom the cache specs read ({@code type=gha})
   * @param cacheTo the cache specs written
   * @param location where the build is defined: the bake target, or the step
   */
  record Build(
      String dockerfile,
      String target,
      String bakeTarget,
      String context,
      java.util.List<String> cacheFrom,
      java.util.List<String> cacheTo,
      boolean push,
      dev.pipeperf.source.Location location) {}

  /** A job that calls a reusable workflow of another repository: opaque, timed as a whole. */
  record RemoteWorkflow(JobInstance job, String uses) implements Subject {}
}
