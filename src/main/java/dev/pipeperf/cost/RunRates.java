package dev.pipeperf.cost;

import dev.pipeperf.source.Diagnostic;
import dev.pipeperf.workflow.Condition;
import dev.pipeperf.workflow.Trigger;
import dev.pipeperf.workflow.Workflow;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Runs per month for every workflow, from the strongest source there is (issue 16): observed
 * history, then {@code runsPerMonth} in config, then the workflow's triggers with the {@link
 * RunActivity} figures, then the flat default. Each workflow's runs are split by the kind of event
 * that starts them, so that the critical path and the bill can be given per event.
 */
public final class RunRates {

  /**
   * The rates, by workflow path, and the problems found on the way (an invalid cron).
   *
   * @param byWorkflow workflow path → its rate
   * @param diagnostics bad schedules, each where it is written
   */
  public record Result(Map<String, RunRate> byWorkflow, List<Diagnostic> diagnostics) {
    public Result {
      byWorkflow = Map.copyOf(byWorkflow);
      diagnostics = List.copyOf(diagnostics);
    }
  }

  /** Sample names of short-lived branches, to ask a branch filter whether it lets them in. */
  private static final List<String> FEATURE_BRANCHES =
      List.of("feature/x", "fix-1", "dependabot/npm_and_yarn/x", "renovate/x", "patch-1");

  /** Activity types a {@code release} fires for one published release, without {@code types:}. */
  private static final int RELEASE_EVENTS_UNFILTERED = 3;

  /** {@code workflow_run} fires for requested, in_progress and completed without {@code types:}. */
  private static final int WORKFLOW_RUN_TYPES = 3;

  private final List<Workflow> workflows;
  private final RunActivity activity;
  private final String defaultBranch;
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private final Map<String, RunRate> done = new LinkedHashMap<>();
  private final Set<String> inProgress = new HashSet<>();

  private RunRates(List<Workflow> workflows, RunActivity activity) {
    this.workflows = workflows;
    this.activity = activity;
    this.defaultBranch = defaultBranch(workflows, activity);
  }

  /**
   * Every workflow's rate.
   *
   * @param configured {@code runsPerMonth} from config: workflow file name, path or name → runs
   * @param observed runs a month counted in the run history, by workflow path (empty without any)
   * @param fallbackRunsPerMonth the flat default for a workflow with no trigger to go by
   */
  public static Result derive(
      List<Workflow> workflows,
      RunActivity activity,
      Map<String, Double> configured,
      Map<String, Double> observed,
      double fallbackRunsPerMonth) {
    RunRates r = new RunRates(workflows, activity);
    Map<String, RunRate> out = new LinkedHashMap<>();
    for (Workflow w : workflows) {
      RunRate derived = r.fromTriggers(w, fallbackRunsPerMonth);
      Double obs = observed.get(w.path());
      Double conf = configuredFor(w, configured);
      if (obs != null) {
        derived = scaled(derived, obs, RunRate.Source.OBSERVED, "counted in the run history");
      } else if (conf != null) {
        derived = scaled(derived, conf, RunRate.Source.CONFIGURED, "runsPerMonth in .pipeperf.yml");
      }
      out.put(w.path(), derived);
    }
    return new Result(out, r.diagnostics);
  }

  /** The assumed default branch: config's first name, else main or master as filters name it. */
  static String defaultBranch(List<Workflow> workflows, RunActivity activity) {
    if (!activity.activityConfigured().contains("defaultBranch")) {
      boolean main = false;
      boolean master = false;
      for (Workflow w : workflows) {
        for (Trigger t : w.triggers()) {
          main |= t.branches().contains("main");
          master |= t.branches().contains("master");
        }
      }
      if (master && !main) {
        return "master";
      }
    }
    return activity.defaultBranch();
  }

  private static Double configuredFor(Workflow w, Map<String, Double> configured) {
    String file = w.path().substring(w.path().lastIndexOf('/') + 1);
    for (String key : List.of(w.path(), file, w.displayName())) {
      if (configured.containsKey(key)) {
        return configured.get(key);
      }
    }
    return null;
  }

  private static RunRate scaled(RunRate derived, double total, RunRate.Source source, String why) {
    List<RunRate.Event> events = new ArrayList<>();
    double before = derived.runsPerMonth();
    if (before > 0) {
      for (RunRate.Event e : derived.events()) {
        double share = e.runsPerMonth() / before;
        events.add(
            e.withRuns(
                total * share,
                why + ", split as the triggers would (" + percent(share) + " " + e.label() + ")"));
      }
    } else {
      events.add(
          new RunRate.Event(
              "any event", new Condition.EventFacts(null, null, null, false), total, why, true));
    }
    return new RunRate(total, source, why, events);
  }

  private static String percent(double share) {
    return Math.round(share * 100) + "%";
  }

  // ---- triggers ----

  private RunRate fromTriggers(Workflow w, double fallback) {
    RunRate known = done.get(w.path());
    if (known != null) {
      return known;
    }
    if (!inProgress.add(w.path())) {
      return new RunRate(0, RunRate.Source.TRIGGERS, "a workflow_run cycle", List.of());
    }
    RunRate rate;
    if (w.triggers().isEmpty()) {
      rate =
          new RunRate(
              fallback,
              RunRate.Source.DEFAULT,
              "no trigger could be read: the flat default of runsPerDay × workingDaysPerMonth",
              List.of(
                  new RunRate.Event(
                      "any event",
                      new Condition.EventFacts(null, null, null, false),
                      fallback,
                      "default",
                      true)));
    } else {
      List<RunRate.Event> events = new ArrayList<>();
      for (Trigger t : w.triggers()) {
        events.addAll(events(w, t));
      }
      double total = events.stream().mapToDouble(RunRate.Event::runsPerMonth).sum();
      String summary =
          events.isEmpty()
              ? "only called by other workflows (workflow_call): billed in the caller"
              : String.join(
                  ", ",
                  events.stream()
                      .map(e -> e.label() + " " + Amount.of(e.runsPerMonth()).format())
                      .toList());
      rate = new RunRate(total, RunRate.Source.TRIGGERS, summary, events);
    }
    inProgress.remove(w.path());
    done.put(w.path(), rate);
    return rate;
  }

  private List<RunRate.Event> events(Workflow w, Trigger t) {
    String ev = t.event();
    String headsDefault = "refs/heads/" + defaultBranch;
    List<RunRate.Event> out = new ArrayList<>();
    switch (ev) {
      case "push" -> push(t, out);
      case "pull_request", "pull_request_target" -> pullRequest(t, out);
      case "merge_group" ->
          out.add(
              event(
                  ev,
                  new Condition.EventFacts(ev, "refs/heads/gh-readonly-queue/", null, false),
                  activity.mergesPerMonth(),
                  Amount.of(activity.mergesPerDay()).format()
                      + " merges a working day × "
                      + days()
                      + " ("
                      + activity.source("mergesPerDay")
                      + ")",
                  true));
      case "schedule" -> schedule(t, headsDefault, out);
      case "workflow_dispatch", "repository_dispatch" ->
          out.add(
              event(
                  ev,
                  new Condition.EventFacts(ev, null, null, false),
                  activity.dispatchesPerMonth(),
                  Amount.of(activity.dispatchesPerMonth()).format()
                      + " a month ("
                      + activity.source("dispatchesPerMonth")
                      + ")",
                  true));
      case "release" -> {
        int kinds = t.types().isEmpty() ? RELEASE_EVENTS_UNFILTERED : t.types().size();
        out.add(
            event(
                ev,
                new Condition.EventFacts(ev, "refs/tags/", null, false),
                activity.releasesPerMonth() * kinds,
                Amount.of(activity.releasesPerMonth()).format()
                    + " releases a month ("
                    + activity.source("releasesPerMonth")
                    + ")"
                    + (t.types().isEmpty()
                        ? " × 3 (without types:, a release fires created, published and released)"
                        : kinds > 1 ? " × " + kinds + " types" : ""),
                false));
      }
      case "workflow_run" -> workflowRun(w, t, headsDefault, out);
      case "workflow_call" -> {
        // Runs only when called: a local caller already holds its jobs in its own graph.
      }
      case "issues",
          "issue_comment",
          "pull_request_review",
          "pull_request_review_comment",
          "discussion",
          "discussion_comment" ->
          out.add(
              event(
                  ev,
                  new Condition.EventFacts(ev, headsDefault, null, false),
                  activity.issueEventsPerMonth(),
                  Amount.of(activity.issueEventsPerMonth()).format()
                      + " a month ("
                      + activity.source("issueEventsPerMonth")
                      + ")",
                  false));
      case "create", "delete" ->
          out.add(
              event(
                  ev,
                  new Condition.EventFacts(ev, null, null, false),
                  activity.mergesPerMonth(),
                  "about one branch per merged pull request: "
                      + Amount.of(activity.mergesPerMonth()).format()
                      + " a month",
                  false));
      default ->
          out.add(
              event(
                  ev,
                  new Condition.EventFacts(ev, headsDefault, null, false),
                  activity.otherEventsPerMonth(),
                  Amount.of(activity.otherEventsPerMonth()).format()
                      + " a month ("
                      + activity.source("otherEventsPerMonth")
                      + ")",
                  false));
    }
    return out;
  }

  private String days() {
    return Amount.of(activity.workingDaysPerMonth()).format() + " working days";
  }

  private static RunRate.Event event(
      String label, Condition.EventFacts facts, double runs, String why, boolean waited) {
    return new RunRate.Event(label, facts, runs, why, waited);
  }

  private RunRate.Event pathShare(Trigger t, RunRate.Event e) {
    if (!t.pathFiltered()) {
      return e;
    }
    return e.withRuns(
        e.runsPerMonth() * activity.pathsShare(),
        e.assumption()
            + " × "
            + percent(activity.pathsShare())
            + " let through by the paths filter ("
            + activity.source("pathsShare")
            + ")");
  }

  private void push(Trigger t, List<RunRate.Event> out) {
    boolean branchFilter = !t.branches().isEmpty() || !t.branchesIgnore().isEmpty();
    boolean tagFilter = !t.tags().isEmpty() || !t.tagsIgnore().isEmpty();
    boolean branchesRun = branchFilter || !tagFilter;
    boolean tagsRun = tagFilter || !branchFilter;
    if (branchesRun) {
      BranchReach reach = reach(t.branches(), t.branchesIgnore());
      if (reach.defaultBranch) {
        out.add(
            pathShare(
                t,
                event(
                    "push to " + defaultBranch,
                    new Condition.EventFacts("push", "refs/heads/" + defaultBranch, null, false),
                    activity.mergesPerMonth(),
                    Amount.of(activity.mergesPerDay()).format()
                        + " merges a working day × "
                        + days()
                        + " ("
                        + activity.source("mergesPerDay")
                        + ")",
                    true)));
      }
      if (reach.featureBranches) {
        out.add(
            pathShare(
                t,
                event(
                    "push to other branches",
                    new Condition.EventFacts(
                        "push", "refs/heads/", "refs/heads/" + defaultBranch, false),
                    activity.pullRequestPushesPerMonth(),
                    "each pull-request push is a branch push: "
                        + Amount.of(activity.runsPerDay()).format()
                        + " a working day × "
                        + days()
                        + " ("
                        + activity.source("runsPerDay")
                        + ")",
                    true)));
      } else if (reach.namedBranches) {
        out.add(
            pathShare(
                t,
                event(
                    "push to " + String.join(", ", reach.named),
                    new Condition.EventFacts(
                        "push", "refs/heads/", "refs/heads/" + defaultBranch, false),
                    activity.otherBranchPushesPerMonth(),
                    Amount.of(activity.otherBranchPushesPerMonth()).format()
                        + " pushes a month to branches other than "
                        + defaultBranch
                        + " ("
                        + activity.source("otherBranchPushesPerMonth")
                        + ")",
                    true)));
      }
    }
    if (tagsRun) {
      // Path filters are not evaluated for tag pushes (GitHub docs, "Running your workflow only
      // when a push of specific tags occurs").
      out.add(
          event(
              "push tag",
              new Condition.EventFacts("push", "refs/tags/", null, false),
              activity.tagsPerMonth(),
              Amount.of(activity.tagsPerMonth()).format()
                  + " tag pushes a month ("
                  + activity.source("tagsPerMonth")
                  + ")",
              false));
    }
  }

  private void pullRequest(Trigger t, List<RunRate.Event> out) {
    String ev = t.event();
    BranchReach base = reach(t.branches(), t.branchesIgnore());
    boolean everyPush =
        t.types().isEmpty() || t.types().contains("synchronize") || t.types().contains("edited");
    double perBase;
    String why;
    if (base.defaultBranch || base.featureBranches) {
      if (everyPush) {
        perBase = activity.pullRequestPushesPerMonth();
        why =
            Amount.of(activity.runsPerDay()).format()
                + " pull-request pushes a working day × "
                + days()
                + " ("
                + activity.source("runsPerDay")
                + ")";
      } else {
        int kinds = (int) t.types().stream().filter(x -> !x.equals("reopened")).count();
        perBase = activity.mergesPerMonth() * kinds;
        why =
            "types "
                + String.join(", ", t.types())
                + ": once per pull request, "
                + Amount.of(activity.mergesPerMonth()).format()
                + " pull requests a month"
                + (kinds > 1 ? " × " + kinds : "");
      }
    } else {
      perBase = activity.otherBranchPushesPerMonth();
      why =
          "pull requests into "
              + String.join(", ", base.named)
              + " only: "
              + Amount.of(perBase).format()
              + " a month ("
              + activity.source("otherBranchPushesPerMonth")
              + ")";
    }
    String ref = ev.equals("pull_request_target") ? "refs/heads/" + defaultBranch : "refs/pull/";
    out.add(
        pathShare(t, event(ev, new Condition.EventFacts(ev, ref, null, true), perBase, why, true)));
  }

  private void schedule(Trigger t, String headsDefault, List<RunRate.Event> out) {
    double total = 0;
    List<String> parts = new ArrayList<>();
    for (Trigger.Schedule s : t.schedules()) {
      try {
        CronSchedule c = CronSchedule.of(s.cron());
        total += c.runsPerMonth();
        String zone = "UTC";
        if (s.timezone() != null) {
          try {
            zone = ZoneId.of(s.timezone()).getId();
          } catch (DateTimeException e) {
            diagnostics.add(
                Diagnostic.warning(
                    s.location(),
                    "schedule",
                    "timezone " + s.timezone() + " is not an IANA time zone name"));
          }
        }
        parts.add(c.describe() + " (" + zone + ")");
      } catch (CronSchedule.InvalidCron e) {
        diagnostics.add(
            Diagnostic.error(
                s.location(), "schedule", "invalid cron `" + s.cron() + "`: " + e.getMessage()));
      }
    }
    if (parts.isEmpty()) {
      return;
    }
    out.add(
        event(
            "schedule",
            new Condition.EventFacts("schedule", headsDefault, null, false),
            total,
            String.join("; ", parts),
            false));
  }

  private void workflowRun(Workflow w, Trigger t, String headsDefault, List<RunRate.Event> out) {
    int kinds = t.types().isEmpty() ? WORKFLOW_RUN_TYPES : t.types().size();
    BranchReach reach =
        t.branches().isEmpty() && t.branchesIgnore().isEmpty()
            ? null
            : reach(t.branches(), t.branchesIgnore());
    double total = 0;
    List<String> parts = new ArrayList<>();
    boolean waited = false;
    for (String name : t.workflows()) {
      Workflow up = find(name);
      if (up == null || up == w) {
        parts.add(name + " (not in this repository: 0)");
        continue;
      }
      RunRate upstream = fromTriggers(up, 0);
      double runs = 0;
      for (RunRate.Event e : upstream.events()) {
        if (reach == null || admitsRunOf(reach, e)) {
          runs += e.runsPerMonth();
          waited |= e.waited();
        }
      }
      total += runs * kinds;
      parts.add(name + " " + Amount.of(runs).format());
    }
    out.add(
        event(
            "workflow_run",
            new Condition.EventFacts("workflow_run", headsDefault, null, false),
            total,
            "follows "
                + String.join(" + ", parts)
                + (reach == null ? "" : " (on the branches its filter names)")
                + (kinds == 1
                    ? ""
                    : " × "
                        + kinds
                        + (t.types().isEmpty()
                            ? " (without types:, requested, in_progress and completed each fire)"
                            : " types")),
            waited));
  }

  /** Whether a workflow_run branch filter lets in the runs of an upstream event. */
  private boolean admitsRunOf(BranchReach reach, RunRate.Event e) {
    String ref = e.facts().ref();
    if (ref == null) {
      return reach.defaultBranch;
    }
    if (ref.equals("refs/heads/" + defaultBranch) || e.facts().eventName().equals("schedule")) {
      return reach.defaultBranch;
    }
    if (ref.startsWith("refs/tags/")) {
      return false;
    }
    return reach.featureBranches;
  }

  private Workflow find(String name) {
    for (Workflow w : workflows) {
      String file = w.path().substring(w.path().lastIndexOf('/') + 1);
      if (name.equals(w.displayName()) || name.equals(w.path()) || name.equals(file)) {
        return w;
      }
    }
    return null;
  }

  // ---- branch filters ----

  /** Which branches a filter lets in: the default one, short-lived ones, other named ones. */
  private record BranchReach(
      boolean defaultBranch, boolean featureBranches, boolean namedBranches, List<String> named) {}

  private BranchReach reach(List<String> branches, List<String> ignore) {
    boolean def = admits(branches, ignore, defaultBranch);
    boolean feature = FEATURE_BRANCHES.stream().anyMatch(b -> admits(branches, ignore, b));
    List<String> named = new ArrayList<>();
    for (String b : branches) {
      if (!b.startsWith("!") && !matches(b, defaultBranch)) {
        named.add(b);
      }
    }
    return new BranchReach(def, feature, !named.isEmpty(), named);
  }

  /** GitHub's filter semantics: patterns in order, a later {@code !pattern} excludes again. */
  static boolean admits(List<String> branches, List<String> ignore, String branch) {
    if (!branches.isEmpty()) {
      boolean in = false;
      for (String p : branches) {
        if (p.startsWith("!")) {
          if (in && matches(p.substring(1), branch)) {
            in = false;
          }
        } else if (matches(p, branch)) {
          in = true;
        }
      }
      return in;
    }
    for (String p : ignore) {
      if (matches(p, branch)) {
        return false;
      }
    }
    return true;
  }

  /**
   * GitHub's filter glob: {@code *} any characters but {@code /}, {@code **} any characters, {@code
   * ?} zero or one of the preceding character, {@code +} one or more, {@code [..]} a class.
   * Patterns are short; the regex is built without backtracking-prone nesting.
   */
  static boolean matches(String pattern, String name) {
    if (pattern.length() > 256) {
      return false;
    }
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '*') {
        if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '*') {
          re.append(".*");
          i++;
        } else {
          re.append("[^/]*");
        }
      } else if (c == '?' || c == '+') {
        re.append(c);
      } else if (c == '[') {
        int close = pattern.indexOf(']', i);
        if (close < 0) {
          re.append("\\[");
        } else {
          re.append('[').append(pattern, i + 1, close).append(']');
          i = close;
        }
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    try {
      return Pattern.compile(re.toString()).matcher(name.toLowerCase(Locale.ROOT)).matches()
          || Pattern.compile(re.toString()).matcher(name).matches();
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
