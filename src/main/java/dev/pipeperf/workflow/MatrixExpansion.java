package dev.pipeperf.workflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Expands {@code strategy.matrix} as GitHub documents it: the cartesian product of the axes (in
 * file order), then each {@code exclude} entry removes every combination it matches (partially),
 * then each {@code include} entry is added to every combination whose original values it does not
 * overwrite, or becomes a combination of its own when it fits none.
 */
final class MatrixExpansion {

  private MatrixExpansion() {}

  static Matrix expand(YamlTree yaml, Node node) {
    if (node instanceof ScalarNode s) {
      // matrix: ${{ fromJSON(needs.setup.outputs.matrix) }} — size known only at run time.
      return new Matrix(List.of(), List.of(new MatrixInstance(Map.of())), true, yaml.at(s));
    }
    if (!(node instanceof MappingNode)) {
      yaml.error(node, "syntax", "matrix: must be a mapping");
      return null;
    }
    Map<String, NodeTuple> m = yaml.mapping(node);
    Map<String, List<Object>> axes = new LinkedHashMap<>();
    boolean dynamic = false;
    List<Map<String, Object>> include = new ArrayList<>();
    List<Map<String, Object>> exclude = new ArrayList<>();
    for (Map.Entry<String, NodeTuple> e : m.entrySet()) {
      Node v = e.getValue().getValueNode();
      String key = e.getKey();
      if (key.equals("include") || key.equals("exclude")) {
        List<Map<String, Object>> target = key.equals("include") ? include : exclude;
        if (v instanceof SequenceNode seq) {
          for (Node item : seq.getValue()) {
            if (yaml.toJava(item) instanceof Map<?, ?> map) {
              @SuppressWarnings("unchecked")
              Map<String, Object> typed = (Map<String, Object>) map;
              target.add(typed);
            } else if (item instanceof ScalarNode si
                && Expressions.containsExpression(si.getValue())) {
              dynamic = true;
            } else {
              yaml.error(item, "syntax", "matrix." + key + " items must be mappings");
            }
          }
        } else if (v instanceof ScalarNode sv && Expressions.containsExpression(sv.getValue())) {
          dynamic = true;
        } else if (!YamlTree.isNull(v)) {
          yaml.error(v, "syntax", "matrix." + key + " must be a list");
        }
        continue;
      }
      if (v instanceof SequenceNode seq) {
        List<Object> values = new ArrayList<>();
        for (Node item : seq.getValue()) {
          values.add(yaml.toJava(item));
        }
        if (values.isEmpty()) {
          yaml.error(
              v,
              "matrix-empty",
              "matrix axis \"" + key + "\" has no values, so the job never runs");
        }
        axes.put(key, values);
      } else if (v instanceof ScalarNode sv && Expressions.containsExpression(sv.getValue())) {
        dynamic = true;
        axes.put(key, List.of(sv.getValue()));
      } else {
        yaml.error(v, "syntax", "matrix axis \"" + key + "\" must be a list of values");
      }
    }
    long size = 1;
    for (List<Object> values : axes.values()) {
      size *= Math.max(1, values.size());
      if (size > Matrix.MAX_INSTANCES * 16L) {
        break;
      }
    }
    if (size > Matrix.MAX_INSTANCES * 16L) {
      yaml.error(
          node,
          "matrix-too-large",
          "matrix has more than "
              + Matrix.MAX_INSTANCES * 16
              + " combinations; GitHub allows "
              + Matrix.MAX_INSTANCES);
      return new Matrix(
          List.copyOf(axes.keySet()), List.of(new MatrixInstance(Map.of())), true, yaml.at(node));
    }
    List<Map<String, Object>> combos = new ArrayList<>();
    if (!axes.isEmpty()) {
      combos.add(new LinkedHashMap<>());
      for (Map.Entry<String, List<Object>> axis : axes.entrySet()) {
        List<Map<String, Object>> next = new ArrayList<>();
        for (Map<String, Object> c : combos) {
          for (Object v : axis.getValue()) {
            Map<String, Object> n = new LinkedHashMap<>(c);
            n.put(axis.getKey(), v);
            next.add(n);
          }
        }
        combos = next;
      }
    }
    combos.removeIf(c -> exclude.stream().anyMatch(x -> matches(c, x)));
    List<Map<String, Object>> originals = new ArrayList<>();
    for (Map<String, Object> c : combos) {
      originals.add(new LinkedHashMap<>(c));
    }
    // Includes extend only the combinations of the axes; one that fits none is appended as is,
    // and later includes do not extend appended ones (GitHub's documented example).
    int fromAxes = combos.size();
    for (Map<String, Object> inc : include) {
      boolean added = false;
      for (int i = 0; i < fromAxes; i++) {
        Map<String, Object> original = originals.get(i);
        boolean overwrites =
            inc.entrySet().stream()
                .anyMatch(
                    e ->
                        original.containsKey(e.getKey())
                            && !Objects.equals(original.get(e.getKey()), e.getValue()));
        if (!overwrites) {
          combos.get(i).putAll(inc);
          added = true;
        }
      }
      if (!added) {
        combos.add(new LinkedHashMap<>(inc));
      }
    }
    if (combos.size() > Matrix.MAX_INSTANCES) {
      yaml.error(
          node,
          "matrix-too-large",
          "matrix makes " + combos.size() + " jobs; GitHub allows at most " + Matrix.MAX_INSTANCES);
    }
    if (combos.isEmpty() && !dynamic) {
      if (!axes.isEmpty() || !include.isEmpty()) {
        yaml.warning(
            node,
            "matrix-empty",
            "exclude removes every matrix combination, so the job never runs");
      }
      combos.add(new LinkedHashMap<>());
    }
    List<MatrixInstance> instances = combos.stream().map(MatrixInstance::new).toList();
    return new Matrix(List.copyOf(axes.keySet()), instances, dynamic, yaml.at(node));
  }

  /** An exclude entry matches when every key it names has the same value (nested maps: subset). */
  private static boolean matches(Map<String, Object> combo, Map<String, Object> pattern) {
    for (Map.Entry<String, Object> e : pattern.entrySet()) {
      Object v = combo.get(e.getKey());
      if (!valueMatches(v, e.getValue())) {
        return false;
      }
    }
    return true;
  }

  private static boolean valueMatches(Object actual, Object pattern) {
    if (pattern instanceof Map<?, ?> pm && actual instanceof Map<?, ?> am) {
      for (Map.Entry<?, ?> e : pm.entrySet()) {
        if (!valueMatches(am.get(e.getKey()), e.getValue())) {
          return false;
        }
      }
      return true;
    }
    return Objects.equals(String.valueOf(actual), String.valueOf(pattern));
  }
}
