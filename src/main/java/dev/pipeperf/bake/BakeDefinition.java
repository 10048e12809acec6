package dev.pipeperf.bake;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The evaluated bake definition of one or more files: targets and groups by name, in the order they
 * were first defined.
 *
 * @param targets evaluated targets
 * @param groups groups, including those made by matrix expansion
 * @param variables the resolved value of each variable, as its string form where it has one
 */
public record BakeDefinition(
    Map<String, BakeTarget> targets, Map<String, BakeGroup> groups, Map<String, String> variables) {

  public BakeDefinition {
    targets = Collections.unmodifiableMap(new LinkedHashMap<>(targets));
    groups = Collections.unmodifiableMap(new LinkedHashMap<>(groups));
    variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
  }

  /**
   * The target names that building {@code namesOrGroups} builds, groups expanded recursively, in
   * order, without repeats. With no names: the {@code default} group, else the {@code default}
   * target. Unknown names are skipped (the evaluator reported them).
   */
  public List<String> resolveTargets(List<String> namesOrGroups) {
    List<String> names = requested(namesOrGroups);
    List<String> out = new ArrayList<>();
    Set<String> seenGroups = new HashSet<>();
    for (String n : names) {
      expand(n, out, seenGroups);
    }
    return out;
  }

  /**
   * The targets that building {@code namesOrGroups} runs, each after the targets its {@code
   * target:} contexts link to: {@link #resolveTargets} plus the linked targets buildx adds to the
   * build (their result stays in the build cache). A loop of links (reported by the evaluator) is
   * cut where it closes.
   */
  public List<String> buildOrder(List<String> namesOrGroups) {
    Set<String> out = new java.util.LinkedHashSet<>();
    Set<String> entered = new HashSet<>();
    for (String root : resolveTargets(namesOrGroups)) {
      // Iterative depth-first walk: a long chain of links must not exhaust the stack.
      java.util.Deque<java.util.Iterator<String>> stack = new java.util.ArrayDeque<>();
      java.util.Deque<String> names = new java.util.ArrayDeque<>();
      if (out.contains(root) || !entered.add(root)) {
        continue;
      }
      stack.push(targets.get(root).targetDependencies().iterator());
      names.push(root);
      while (!stack.isEmpty()) {
        java.util.Iterator<String> deps = stack.peek();
        if (deps.hasNext()) {
          String dep = deps.next();
          BakeTarget t = targets.get(dep);
          if (t != null && !out.contains(dep) && entered.add(dep)) {
            stack.push(t.targetDependencies().iterator());
            names.push(dep);
          }
        } else {
          stack.pop();
          out.add(names.pop());
        }
      }
    }
    return new ArrayList<>(out);
  }

  /**
   * The requested names that are neither a target nor a group (with none requested: {@code
   * default}, when the files define neither a default group nor a default target). buildx refuses
   * to build these ("failed to find target").
   */
  public List<String> unknownNames(List<String> namesOrGroups) {
    List<String> names = requested(namesOrGroups);
    List<String> out = new ArrayList<>();
    for (String n : names) {
      if (!targets.containsKey(n) && !groups.containsKey(n) && !out.contains(n)) {
        out.add(n);
      }
    }
    return out;
  }

  /**
   * The names as buildx reads them from the command line: {@code default} when none, and dots
   * replaced by underscores (compose service names may hold dots, target names may not).
   */
  static List<String> requested(List<String> namesOrGroups) {
    if (namesOrGroups == null || namesOrGroups.isEmpty()) {
      return List.of("default");
    }
    return namesOrGroups.stream().map(n -> n.replace('.', '_')).toList();
  }

  private void expand(String name, List<String> out, Set<String> seenGroups) {
    BakeGroup g = groups.get(name);
    if (g != null) {
      if (!seenGroups.add(name)) {
        return;
      }
      for (String t : g.targets()) {
        if (t.equals(name) && targets.containsKey(t)) {
          addTarget(t, out);
        } else {
          expand(t, out, seenGroups);
        }
      }
      return;
    }
    if (targets.containsKey(name)) {
      addTarget(name, out);
    }
  }

  private static void addTarget(String name, List<String> out) {
    if (!out.contains(name)) {
      out.add(name);
    }
  }
}
