package dev.pipeperf.workflow;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

  /**
   * {@code ${{ fromJSON('...') }}} with a literal argument: GitHub evaluates it before the matrix
   * is expanded, so its size is known here (act's {@code evalmatrix} testdata).
   */
  private static final Pattern FROM_JSON_LITERAL =
      Pattern.compile(
          "\\s*\\$\\{\\{\\s*fromjson\\(\\s*'((?:[^']|'')*)'\\s*\\)\\s*}}\\s*",
          Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  private static final ObjectMapper JSON = new ObjectMapper();

  static Matrix expand(YamlTree yaml, Node node) {
    Map<String, List<Object>> axes = new LinkedHashMap<>();
    boolean dynamic = false;
    List<Map<String, Object>> include = new ArrayList<>();
    List<Map<String, Object>> exclude = new ArrayList<>();
    if (node instanceof ScalarNode s) {
      if (literal(s) instanceof Map<?, ?> folded) {
        for (Map.Entry<?, ?> e : folded.entrySet()) {
          String key = String.valueOf(e.getKey());
          if (key.equals("include") || key.equals("exclude")) {
            maps(e.getValue(), key.equals("include") ? include : exclude);
          } else if (e.getValue() instanceof List<?> values) {
            axes.put(key, new ArrayList<>(values));
          } else {
            axes.put(key, new ArrayList<>(List.of(e.getValue())));
          }
        }
      } else {
        // matrix: ${{ fromJSON(needs.setup.outputs.matrix) }} — size known only at run time.
        return new Matrix(List.of(), List.of(new MatrixInstance(Map.of())), true, yaml.at(s));
      }
    } else if (!(node instanceof MappingNode)) {
      yaml.error(node, "syntax", "matrix: must be a mapping");
      return null;
    }
    Map<String, NodeTuple> m = node instanceof MappingNode ? yaml.mapping(node) : Map.of();
    for (Map.Entry<String, NodeTuple> e : m.entrySet()) {
      Node v = e.getValue().getValueNode();
      String key = e.getKey();
      Object folded = literal(v);
      if (key.equals("include") || key.equals("exclude")) {
        List<Map<String, Object>> target = key.equals("include") ? include : exclude;
        if (folded instanceof List<?>) {
          maps(folded, target);
        } else if (v instanceof SequenceNode seq) {
          for (Node item : seq.getValue()) {
            Object value = literal(item) != null ? literal(item) : yaml.toJava(item);
            if (value instanceof Map<?, ?> || value instanceof List<?>) {
              maps(value, target);
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
      if (folded instanceof List<?> list) {
        axes.put(key, new ArrayList<>(list));
        if (list.isEmpty()) {
          yaml.error(
              v,
              "matrix-empty",
              "matrix axis \"" + key + "\" has no values, so the job never runs");
        }
      } else if (v instanceof SequenceNode seq) {
        List<Object> values = new ArrayList<>();
        for (Node item : seq.getValue()) {
          Object value = literal(item);
          values.add(value != null ? value : yaml.toJava(item));
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
    if (combos.isEmpty() && dynamic) {
      // include: ${{ fromJSON(needs.x.outputs.y) }} alone: at least one job runs (GitHub fails a
      // run whose matrix comes out empty); the graph builder says what it assumed.
      combos.add(new LinkedHashMap<>());
    } else if (combos.isEmpty()) {
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

  /** The value of a literal {@code fromJSON('...')} expression, or null when it is none. */
  private static Object literal(Node node) {
    if (!(node instanceof ScalarNode s) || !s.getValue().contains("${{")) {
      return null;
    }
    Matcher m = FROM_JSON_LITERAL.matcher(s.getValue());
    if (!m.matches()) {
      return null;
    }
    try {
      return JSON.readValue(m.group(1).replace("''", "'"), Object.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return null; // GitHub fails the run; here it stays an expression of unknown value
    }
  }

  /** Adds the mappings of a list (or a single mapping) to an include or exclude list. */
  @SuppressWarnings("unchecked")
  private static void maps(Object value, List<Map<String, Object>> target) {
    if (value instanceof Map<?, ?> map) {
      target.add(new LinkedHashMap<>((Map<String, Object>) map));
    } else if (value instanceof List<?> list) {
      list.forEach(item -> maps(item, target));
    }
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
