package dev.pipeperf.rules.workflow;

import dev.pipeperf.cost.RunnerKind;
import dev.pipeperf.rules.RuleContext;
import dev.pipeperf.workflow.Job;
import dev.pipeperf.workflow.Trigger;
import dev.pipeperf.workflow.Workflow;
import java.util.Locale;
import java.util.Set;

/**
 * When a missing cache is an omission and when it is a choice: the questions the cache rules
 * (PP022, PP026, PP027, PP028) ask before calling an uncached build waste. A cache only pays when
 * the workflow runs often on the same kind of runner, and release workflows leave caches out on
 * purpose (a poisoned cache would ship in what they publish).
 */
final class CacheIntent {

  /** Events that start a workflow often enough for a cache to be hit. */
  private static final Set<String> FREQUENT =
      Set.of("push", "pull_request", "merge_group", "schedule");

  private CacheIntent() {}

  /**
   * True when the job can use a cache and the workflow starts often enough for it to be hit: a
   * hosted runner (a self-hosted one may keep its files), a workflow started by pushes to branches,
   * pull requests, the merge queue or a schedule (not only by tags, by hand or by another
   * workflow), and no sign that caches are off on purpose.
   */
  static boolean cacheWouldPay(RuleContext ctx, Workflow w, Job job) {
    return job.runsOn() != null
        && !RunnerKind.fromLabels(job.runsOn().labels()).selfHosted()
        && runsOften(w)
        && !releaseWorkflow(w)
        && !cacheModeNone(ctx, w);
  }

  static boolean runsOften(Workflow w) {
    for (Trigger t : w.triggers()) {
      if (FREQUENT.contains(t.event())) {
        boolean tagsOnly =
            t.event().equals("push")
                && (t.filters().contains("tags") || t.filters().contains("tags-ignore"))
                && !t.filters().contains("branches");
        if (!tagsOnly) {
          return true;
        }
      }
    }
    return false;
  }

  /** Release and publish workflows often build without caches on purpose (cache poisoning). */
  static boolean releaseWorkflow(Workflow w) {
    String s = (w.path() + " " + w.displayName()).toLowerCase(Locale.ROOT);
    return s.contains("release")
        || s.contains("publish")
        || s.contains("deploy")
        || w.triggers().stream().anyMatch(t -> t.event().equals("release"));
  }

  /** {@code ACTIONS_CACHE_MODE: none} anywhere in the file: the workflow switched caches off. */
  static boolean cacheModeNone(RuleContext ctx, Workflow w) {
    if ("none".equalsIgnoreCase(w.env().getOrDefault("ACTIONS_CACHE_MODE", ""))) {
      return true;
    }
    var file = ctx.view().workspace().sources().get(w.path());
    if (file != null) {
      for (int i = 1; i <= file.lineCount(); i++) {
        if (file.line(i).matches("\\s*ACTIONS_CACHE_MODE:\\s*['\"]?none['\"]?\\s*(#.*)?")) {
          return true;
        }
      }
    }
    return false;
  }
}
