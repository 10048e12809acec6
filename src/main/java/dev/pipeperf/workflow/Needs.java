package dev.pipeperf.workflow;

import dev.pipeperf.source.Diagnostic;
import dev.pipeperf.source.Location;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code needs:} lists of one workflow's jobs, after parsing: ids made canonical (GitHub
 * compares them case-insensitively) and checked (duplicates, self, unknown ids, cycles).
 */
final class Needs {

  private Needs() {}

  /**
   * Job ids are case-insensitive on GitHub (like actionlint, pipeperf resolves {@code needs: Build}
   * to job {@code build}); rewrites such needs to the id as defined so the graph links them.
   */
  static List<Job> canonical(List<Job> jobs) {
    Map<String, String> byLower = new java.util.HashMap<>();
    jobs.forEach(j -> byLower.putIfAbsent(j.id().toLowerCase(java.util.Locale.ROOT), j.id()));
    List<Job> out = new ArrayList<>(jobs.size());
    for (Job j : jobs) {
      boolean changed = false;
      List<Need> needs = new ArrayList<>();
      for (Need n : j.needs()) {
        String canonical = byLower.get(n.jobId().toLowerCase(java.util.Locale.ROOT));
        if (canonical != null && !canonical.equals(n.jobId())) {
          needs.add(new Need(canonical, n.location()));
          changed = true;
        } else {
          needs.add(n);
        }
      }
      out.add(
          changed
              ? new Job(
                  j.id(),
                  j.name(),
                  j.location(),
                  j.runsOn(),
                  needs,
                  j.ifCondition(),
                  j.strategy(),
                  j.timeoutMinutes(),
                  j.timeoutLocation(),
                  j.container(),
                  j.services(),
                  j.outputs(),
                  j.environment(),
                  j.uses(),
                  j.with(),
                  j.concurrency(),
                  j.steps())
              : j);
    }
    return out;
  }

  /**
   * Warns of a job needed twice and reports a job that needs itself, an unknown job (with the
   * nearest id when one is close) and every cycle, each at its {@code needs:} entry.
   */
  static void check(List<Job> jobs, List<Diagnostic> diagnostics) {
    Map<String, Job> byId = new HashMap<>();
    for (Job j : jobs) {
      byId.putIfAbsent(j.id(), j);
    }
    for (Job j : jobs) {
      Set<String> seen = new LinkedHashSet<>();
      for (Need n : j.needs()) {
        if (!seen.add(n.jobId())) {
          diagnostics.add(
              Diagnostic.warning(
                  n.location(),
                  "needs-duplicate",
                  "job \"" + j.id() + "\" needs \"" + n.jobId() + "\" twice"));
        } else if (n.jobId().equals(j.id())) {
          diagnostics.add(
              Diagnostic.error(n.location(), "needs-cycle", "job \"" + j.id() + "\" needs itself"));
        } else if (!byId.containsKey(n.jobId())) {
          diagnostics.add(
              Diagnostic.error(
                  n.location(),
                  "unknown-needs",
                  "job \""
                      + j.id()
                      + "\" needs \""
                      + n.jobId()
                      + "\", which is not a job of this workflow"
                      + suggest(n.jobId(), byId.keySet())));
        }
      }
    }
    for (List<String> cycle : NeedsCycles.find(jobs)) {
      Job first = byId.get(cycle.get(0));
      Location at =
          first.needs().stream()
              .filter(n -> n.jobId().equals(cycle.get(1)))
              .findFirst()
              .map(Need::location)
              .orElse(first.location());
      diagnostics.add(
          Diagnostic.error(at, "needs-cycle", "needs form a cycle: " + String.join(" -> ", cycle)));
    }
  }

  private static String suggest(String wrong, Set<String> ids) {
    String best = null;
    int bestDistance = 3;
    for (String id : ids) {
      int d =
          distance(wrong.toLowerCase(java.util.Locale.ROOT), id.toLowerCase(java.util.Locale.ROOT));
      if (d < bestDistance && d * 2 < wrong.length()) { // "biuld" → "build", not "zz" → "a"
        bestDistance = d;
        best = id;
      }
    }
    return best == null ? "" : " (did you mean \"" + best + "\"?)";
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
