package dev.pipeperf.rules;

import dev.pipeperf.rules.docker.BaseImagePrebakeRule;
import dev.pipeperf.rules.docker.BuildContextEscapeRule;
import dev.pipeperf.rules.docker.CacheBustingCopyRule;
import dev.pipeperf.rules.docker.DuplicatedDockerfilesRule;
import dev.pipeperf.rules.docker.HeavyInstallInTestImageRule;
import dev.pipeperf.rules.docker.ImageBuiltInEveryLegRule;
import dev.pipeperf.rules.docker.MissingDockerignoreRule;
import dev.pipeperf.rules.docker.MissingMultiStageRule;
import dev.pipeperf.rules.docker.WeakBuildCacheRule;
import dev.pipeperf.rules.graph.ParseErrorRule;
import dev.pipeperf.rules.workflow.ArtifactRelayJobRule;
import dev.pipeperf.rules.workflow.CiTimePackageInstallRule;
import dev.pipeperf.rules.workflow.ColdStartCpuBoostRule;
import dev.pipeperf.rules.workflow.DuplicatePullRequestRunsRule;
import dev.pipeperf.rules.workflow.FromSourceInstallRule;
import dev.pipeperf.rules.workflow.MissingConcurrencyCancelRule;
import dev.pipeperf.rules.workflow.MissingDependencyCacheRule;
import dev.pipeperf.rules.workflow.MissingJvmBuildCacheRule;
import dev.pipeperf.rules.workflow.MissingRustCacheRule;
import dev.pipeperf.rules.workflow.MissingTimeoutRule;
import dev.pipeperf.rules.workflow.NeedlessNeedsRule;
import dev.pipeperf.rules.workflow.ParallelizableJobsRule;
import dev.pipeperf.rules.workflow.ParallelizableStepsRule;
import dev.pipeperf.rules.workflow.PerRunCleanupJobRule;
import dev.pipeperf.rules.workflow.RedundantRetagJobRule;
import dev.pipeperf.rules.workflow.RepeatedToolSetupRule;
import dev.pipeperf.rules.workflow.SerialTestSuiteRule;
import java.util.List;

/** Every built-in rule, by constructor: one explicit list, fresh instances per run. */
public final class BuiltinRules {

  private BuiltinRules() {}

  public static List<Rule> all() {
    return List.of(
        new ParseErrorRule(),
        new RedundantRetagJobRule(),
        new MissingMultiStageRule(),
        new DuplicatedDockerfilesRule(),
        new WeakBuildCacheRule(),
        new MissingDockerignoreRule(),
        new CacheBustingCopyRule(),
        new HeavyInstallInTestImageRule(),
        new CiTimePackageInstallRule(),
        new SerialTestSuiteRule(),
        new BuildContextEscapeRule(),
        new NeedlessNeedsRule(),
        new BaseImagePrebakeRule(),
        new MissingDependencyCacheRule(),
        new MissingConcurrencyCancelRule(),
        new MissingTimeoutRule(),
        new ColdStartCpuBoostRule(),
        new ParallelizableStepsRule(),
        new ParallelizableJobsRule(),
        new ArtifactRelayJobRule(),
        new PerRunCleanupJobRule(),
        new DuplicatePullRequestRunsRule(),
        new MissingRustCacheRule(),
        new ImageBuiltInEveryLegRule(),
        new FromSourceInstallRule(),
        new RepeatedToolSetupRule(),
        new MissingJvmBuildCacheRule());
  }
}
