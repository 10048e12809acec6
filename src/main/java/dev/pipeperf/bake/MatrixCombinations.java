package dev.pipeperf.bake;

import dev.pipeperf.bake.hcl.EvalError;
import dev.pipeperf.bake.hcl.Value;
import dev.pipeperf.source.Location;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A target's {@code matrix}: every combination of its axes, as buildx expands them. */
final class MatrixCombinations {

  private MatrixCombinations() {}

  /**
   * The combinations, the first axis varying fastest; an error for a matrix that is not a map of
   * lists or that expands to more than 10,000 targets.
   */
  static List<Map<String, Value>> combinations(Value matrix, Location where) {
    if (!(matrix instanceof Value.Obj o)) {
      throw new EvalError(where, "bake-matrix", "matrix must be a map of lists");
    }
    List<Map<String, Value>> combos = new ArrayList<>();
    combos.add(new LinkedHashMap<>());
    for (Map.Entry<String, Value> axis : o.entries().entrySet()) {
      if (!(axis.getValue() instanceof Value.Seq values)) {
        throw new EvalError(
            where, "bake-matrix", "matrix values must be lists; \"" + axis.getKey() + "\" is not");
      }
      List<Map<String, Value>> next = new ArrayList<>();
      for (Value v : values.items()) {
        for (Map<String, Value> c : combos) {
          Map<String, Value> n = new LinkedHashMap<>(c);
          n.put(axis.getKey(), v);
          next.add(n);
        }
      }
      combos = next;
      if (combos.size() > 10_000) {
        throw new EvalError(where, "bake-matrix", "matrix expands to more than 10000 targets");
      }
    }
    return combos;
  }
}
