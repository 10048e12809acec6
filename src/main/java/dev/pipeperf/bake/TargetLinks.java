package dev.pipeperf.bake;

import dev.pipeperf.source.Diagnostic;
import dev.pipeperf.source.Location;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The links between targets that {@code target:} contexts make, checked as buildx checks them. */
final class TargetLinks {

  private TargetLinks() {}

  /**
   * buildx's checks on {@code target:} contexts: the linked target exists, is not the target
   * itself, does not lead back to it, and builds for every platform of a multi-platform user.
   */
  static void check(Map<String, BakeTarget> targets, List<Diagnostic> diagnostics) {
    for (BakeTarget t : targets.values()) {
      Location at = t.locationOf("contexts");
      for (String dep : t.targetDependencies()) {
        BakeTarget d = targets.get(dep);
        if (dep.equals(t.name())) {
          diagnostics.add(
              Diagnostic.error(
                  at, "bake-context-link", "target " + dep + " cannot link to itself"));
        } else if (d == null) {
          diagnostics.add(
              Diagnostic.error(
                  at,
                  "bake-unknown-target",
                  "target \"" + t.name() + "\" uses target:" + dep + ", which is not a target"));
        } else if (t.platforms().size() > 1
            && d.platforms().size() > 1
            && !d.platforms().containsAll(t.platforms())) {
          diagnostics.add(
              Diagnostic.error(
                  at,
                  "bake-context-link",
                  "target "
                      + dep
                      + " can't be used by "
                      + t.name()
                      + " because its platforms "
                      + t.platforms()
                      + " are not a subset of "
                      + d.platforms()));
        } else if (leadsBack(targets, dep, t.name(), new HashSet<>())) {
          diagnostics.add(
              Diagnostic.error(
                  at,
                  "bake-context-link",
                  "infinite loop from " + t.name() + " to " + dep + " through target: contexts"));
        }
      }
    }
  }

  private static boolean leadsBack(
      Map<String, BakeTarget> targets, String from, String to, Set<String> seen) {
    BakeTarget t = targets.get(from);
    if (t == null || !seen.add(from)) {
      return false;
    }
    for (String dep : t.targetDependencies()) {
      if (dep.equals(to) || leadsBack(targets, dep, to, seen)) {
        return true;
      }
    }
    return false;
  }
}
