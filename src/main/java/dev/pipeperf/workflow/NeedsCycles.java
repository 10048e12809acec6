package dev.pipeperf.workflow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Finds cycles among a workflow's {@code needs}, each reported once, as GitHub refuses them. */
final class NeedsCycles {

  private NeedsCycles() {}

  /** Each cycle as job ids, first id repeated at the end: {@code [a, b, a]}. */
  static List<List<String>> find(List<Job> jobs) {
    Map<String, Job> byId = new HashMap<>();
    jobs.forEach(j -> byId.putIfAbsent(j.id(), j));
    Map<String, Integer> state = new HashMap<>(); // 1 = on stack, 2 = done
    List<List<String>> cycles = new ArrayList<>();
    for (Job j : jobs) {
      if (!state.containsKey(j.id())) {
        visit(j.id(), byId, state, new ArrayList<>(), cycles);
      }
    }
    return cycles;
  }

  private static void visit(
      String id,
      Map<String, Job> byId,
      Map<String, Integer> state,
      List<String> stack,
      List<List<String>> cycles) {
    // Iterative would be safer for huge graphs; jobs per workflow are bounded (GitHub: 256 per
    // matrix, a few hundred per file), so recursion depth stays small.
    state.put(id, 1);
    stack.add(id);
    Job job = byId.get(id);
    if (job != null) {
      for (Need n : job.needs()) {
        String next = n.jobId();
        if (next.equals(id) || !byId.containsKey(next)) {
          continue;
        }
        Integer s = state.get(next);
        if (s == null) {
          visit(next, byId, state, stack, cycles);
        } else if (s == 1) {
          List<String> cycle = new ArrayList<>(stack.subList(stack.indexOf(next), stack.size()));
          cycle.add(next);
          cycles.add(cycle);
        }
      }
    }
    stack.remove(stack.size() - 1);
    state.put(id, 2);
  }
}
