package dev.pipeperf.config;

import java.util.Map;

/**
 * What {@code .pipeperf.yml} says about how often workflows run and who pays (issue 16).
 *
 * @param runsPerMonth per workflow (file name, path or {@code name:}): runs a month, which beats
 *     what its triggers imply
 * @param activity activity figures by key ({@code mergesPerDay}, {@code tagsPerMonth}, {@code
 *     releasesPerMonth}, {@code dispatchesPerMonth}, {@code issueEventsPerMonth}, {@code
 *     otherBranchPushesPerMonth}, {@code otherEventsPerMonth}, {@code pathsShare})
 * @param defaultBranch the repository's default branch, or null (main, or master where the filters
 *     name only master)
 * @param visibility {@code public} or {@code private} (the default), or null
 */
public record RunSettings(
    Map<String, Double> runsPerMonth,
    Map<String, Double> activity,
    String defaultBranch,
    String visibility) {

  public static final RunSettings NONE = new RunSettings(Map.of(), Map.of(), null, null);

  /** The activity keys config accepts. */
  public static final java.util.Set<String> ACTIVITY_KEYS =
      java.util.Set.of(
          "mergesPerDay",
          "tagsPerMonth",
          "releasesPerMonth",
          "dispatchesPerMonth",
          "issueEventsPerMonth",
          "otherBranchPushesPerMonth",
          "otherEventsPerMonth",
          "pathsShare");

  public RunSettings {
    runsPerMonth = runsPerMonth == null ? Map.of() : Map.copyOf(runsPerMonth);
    activity = activity == null ? Map.of() : Map.copyOf(activity);
  }

  /** True for {@code visibility: public}. */
  public boolean publicRepository() {
    return "public".equals(visibility);
  }
}
