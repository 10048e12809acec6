package dev.pipeperf.cost;

import java.util.List;

/**
 * How busy the repository is: what turns a workflow's triggers into runs a month (issue 16). Every
 * figure comes from {@code .pipeperf.yml} when set; the {@link #DEFAULTS} are small, stated in
 * every report beside the figure they produce, and chosen as of 2026-12-03:
 *
 * <ul>
 *   <li>{@code runsPerDay = 12} pushes to pull-request branches a working day (the former "pipeline
 *       runs a day", see {@link CostInputs}); each starts a {@code pull_request} run, and a {@code
 *       push} run where push is not limited to other branches;
 *   <li>{@code mergesPerDay = 3} pushes to the default branch a working day: about four pushes per
 *       pull request before it is merged;
 *   <li>{@code tagsPerMonth = 2}, {@code releasesPerMonth = 2}: a release every other week;
 *   <li>{@code dispatchesPerMonth = 2}: manual runs ({@code workflow_dispatch}, {@code
 *       repository_dispatch}) are rare where another trigger does the routine work;
 *   <li>{@code issueEventsPerMonth = 20}: issues, comments and reviews, per event;
 *   <li>{@code otherBranchPushesPerMonth = 4}: pushes to a named branch that is not the default one
 *       ({@code develop}, {@code release/*}), about one a week;
 *   <li>{@code otherEventsPerMonth = 4}: any other event (check runs, labels, deployments...);
 *   <li>{@code pathsShare = 0.5}: the share of pushes a {@code paths:} / {@code paths-ignore:}
 *       filter lets through, not knowing which files a change touches.
 * </ul>
 *
 * @param runsPerDay pushes to pull-request branches a working day
 * @param workingDaysPerMonth working days a month
 * @param mergesPerDay pushes to the default branch a working day
 * @param tagsPerMonth tag pushes a month
 * @param releasesPerMonth releases a month
 * @param dispatchesPerMonth manual or API dispatches a month, per workflow
 * @param issueEventsPerMonth issue, comment and review events a month, per event kind
 * @param otherBranchPushesPerMonth pushes to a long-lived branch other than the default, a month
 * @param otherEventsPerMonth any other event a month
 * @param pathsShare share of runs a path filter lets through, 0–1
 * @param defaultBranches the names the default branch may have (the first is assumed)
 * @param activityConfigured which of these came from config (their names)
 */
public record RunActivity(
    double runsPerDay,
    double workingDaysPerMonth,
    double mergesPerDay,
    double tagsPerMonth,
    double releasesPerMonth,
    double dispatchesPerMonth,
    double issueEventsPerMonth,
    double otherBranchPushesPerMonth,
    double otherEventsPerMonth,
    double pathsShare,
    List<String> defaultBranches,
    List<String> activityConfigured) {

  /** The documented defaults (see the class comment for their basis). */
  public static final RunActivity DEFAULTS =
      new RunActivity(12, 21, 3, 2, 2, 2, 20, 4, 4, 0.5, List.of("main", "master"), List.of());

  public RunActivity {
    defaultBranches = List.copyOf(defaultBranches);
    activityConfigured = List.copyOf(activityConfigured);
    if (defaultBranches.isEmpty()) {
      throw new IllegalArgumentException("name a default branch");
    }
    if (pathsShare < 0 || pathsShare > 1) {
      throw new IllegalArgumentException("pathsShare must lie in 0–1");
    }
  }

  /** The default branch as pipeperf assumes it. */
  public String defaultBranch() {
    return defaultBranches.get(0);
  }

  /** Pull-request pushes a month. */
  public double pullRequestPushesPerMonth() {
    return runsPerDay * workingDaysPerMonth;
  }

  /** Default-branch pushes (merged pull requests) a month. */
  public double mergesPerMonth() {
    return mergesPerDay * workingDaysPerMonth;
  }

  /** "(default)" or "(configured)" for one of the figures, by its config key. */
  String source(String key) {
    return activityConfigured.contains(key) ? "configured" : "default";
  }
}
