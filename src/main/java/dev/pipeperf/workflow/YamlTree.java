package dev.pipeperf.workflow;

import dev.pipeperf.source.Diagnostic;
import dev.pipeperf.source.Location;
import dev.pipeperf.source.SourceFile;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Safe, bounded YAML reading with SnakeYAML's node API: composes nodes only (no object
 * construction, so no custom tags can run), limits aliases, nesting and size, rejects duplicate
 * keys as GitHub does, and turns SnakeYAML's 0-based marks into our 1-based {@link Location}s — the
 * one place that adds 1.
 */
final class YamlTree {

  static final int MAX_ALIASES = 50;
  static final int MAX_DEPTH = 64;
  static final int MAX_CODE_POINTS = 4 * 1024 * 1024;

  /** Bound on nodes visited when converting a subtree (aliases can share subtrees). */
  static final int MAX_CONVERTED_NODES = 100_000;

  private final SourceFile file;
  private final List<Diagnostic> diagnostics;

  YamlTree(SourceFile file, List<Diagnostic> diagnostics) {
    this.file = file;
    this.diagnostics = diagnostics;
  }

  /** Composes the single document of the file; null (with a diagnostic) when it cannot. */
  Node compose() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setCodePointLimit(MAX_CODE_POINTS);
    options.setAllowRecursiveKeys(false);
    options.setProcessComments(false);
    Yaml yaml = new Yaml(options);
    try {
      Node first = null;
      int count = 0;
      for (Node n : yaml.composeAll(new StringReader(file.text()))) {
        if (count++ == 0) {
          first = n;
        } else {
          diagnostics.add(
              Diagnostic.error(
                  at(n),
                  "yaml-syntax",
                  "a workflow file holds one YAML document; this is a second"));
          break;
        }
      }
      return first;
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      diagnostics.add(Diagnostic.error(at(mark), "yaml-syntax", describe(e)));
      return null;
    } catch (YAMLException e) {
      diagnostics.add(
          Diagnostic.error(file.at(1, 1), "yaml-syntax", explain(oneLine(e.getMessage()))));
      return null;
    } catch (StackOverflowError | IllegalStateException e) {
      diagnostics.add(
          Diagnostic.error(file.at(1, 1), "yaml-syntax", "YAML nested too deeply to read"));
      return null;
    }
  }

  private static String describe(MarkedYAMLException e) {
    String problem = e.getProblem() != null ? e.getProblem() : "";
    String context = e.getContext() != null ? e.getContext() : "";
    String msg = (context.isEmpty() ? problem : context + ": " + problem).strip();
    return explain(msg.isEmpty() ? oneLine(String.valueOf(e.getMessage())) : oneLine(msg));
  }

  private static String explain(String msg) {
    if (msg.contains("Number of aliases for non-scalar nodes exceeds")) {
      return "too many YAML aliases (more than "
          + MAX_ALIASES
          + "): refusing to expand what looks like an alias bomb";
    }
    if (msg.contains("Nesting Depth exceeded")) {
      // SnakeYAML gives no position for this one; the document start is the honest answer.
      return "YAML nested more than " + MAX_DEPTH + " levels deep";
    }
    if (msg.contains("The incoming YAML document exceeds the limit")) {
      return "YAML document larger than " + MAX_CODE_POINTS + " characters";
    }
    return msg;
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("\\s+", " ").strip();
  }

  Location at(Node node) {
    return at(node.getStartMark());
  }

  Location at(Mark mark) {
    if (mark == null) {
      return file.at(1, 1);
    }
    return file.at(mark.getLine() + 1, mark.getColumn() + 1);
  }

  String path() {
    return file.path();
  }

  void error(Node node, String code, String message) {
    diagnostics.add(Diagnostic.error(at(node), code, message));
  }

  void warning(Node node, String code, String message) {
    diagnostics.add(Diagnostic.warning(at(node), code, message));
  }

  void add(Diagnostic d) {
    diagnostics.add(d);
  }

  /**
   * The entries of a mapping by key, in order. A duplicate key is an error, as GitHub makes it; the
   * first value is kept. Non-scalar keys are errors too.
   */
  Map<String, NodeTuple> mapping(Node node) {
    Map<String, NodeTuple> out = new LinkedHashMap<>();
    if (!(node instanceof MappingNode m)) {
      return out;
    }
    for (NodeTuple t : m.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode k)) {
        error(t.getKeyNode(), "syntax", "a key must be a plain string");
        continue;
      }
      String key = k.getValue();
      if (key.equals("<<") && k.getTag().equals(Tag.MERGE)) {
        error(k, "syntax", "YAML merge keys (<<) are not supported by GitHub Actions");
        continue;
      }
      NodeTuple first = out.get(key);
      if (first != null) {
        error(
            k,
            "duplicate-key",
            "key \""
                + key
                + "\" is duplicated; it is first defined at line "
                + (first.getKeyNode().getStartMark().getLine() + 1));
        continue;
      }
      out.put(key, t);
    }
    return out;
  }

  /** The key node of an entry, or the fallback when the key is absent. */
  static Node keyNode(Map<String, NodeTuple> m, String key, Node fallback) {
    NodeTuple t = m.get(key);
    return t == null ? fallback : t.getKeyNode();
  }

  static boolean isNull(Node node) {
    return node == null
        || (node instanceof ScalarNode s && (s.getTag().equals(Tag.NULL) || isNullWord(s)));
  }

  private static boolean isNullWord(ScalarNode s) {
    return s.getScalarStyle() == org.yaml.snakeyaml.DumperOptions.ScalarStyle.PLAIN
        && (s.getValue().isEmpty() || s.getValue().equals("~") || s.getValue().equals("null"));
  }

  /** A scalar's text, or null when the node is not a scalar (with an error naming the key). */
  String scalar(Node node, String what) {
    if (node instanceof ScalarNode s) {
      return isNull(s) ? null : s.getValue();
    }
    if (node != null) {
      error(node, "syntax", what + " must be a string, not " + kind(node));
    }
    return null;
  }

  /** A string or a list of strings; a scalar alone is a one-element list. */
  List<String> stringOrList(Node node, String what) {
    List<String> out = new ArrayList<>();
    if (node == null || isNull(node)) {
      return out;
    }
    if (node instanceof ScalarNode s) {
      out.add(s.getValue());
    } else if (node instanceof SequenceNode seq) {
      for (Node item : seq.getValue()) {
        String v = scalar(item, what + " item");
        if (v != null) {
          out.add(v);
        }
      }
    } else {
      error(node, "syntax", what + " must be a string or a list of strings, not " + kind(node));
    }
    return out;
  }

  /** A mapping of plain strings (env, with, outputs); non-scalar values are kept as YAML text. */
  Map<String, String> stringMap(Node node, String what) {
    Map<String, String> out = new LinkedHashMap<>();
    if (node == null || isNull(node)) {
      return out;
    }
    if (node instanceof ScalarNode s) {
      if (!Expressions.containsExpression(s.getValue())) {
        error(node, "syntax", what + " must be a mapping, not a string");
      }
      return out;
    }
    if (!(node instanceof MappingNode)) {
      error(node, "syntax", what + " must be a mapping, not " + kind(node));
      return out;
    }
    for (Map.Entry<String, NodeTuple> e : mapping(node).entrySet()) {
      Node v = e.getValue().getValueNode();
      out.put(
          e.getKey(),
          v instanceof ScalarNode s ? (isNull(s) ? "" : s.getValue()) : "<" + kind(v) + ">");
    }
    return out;
  }

  Boolean bool(Node node, String what) {
    if (node == null) {
      return null;
    }
    if (node instanceof ScalarNode s) {
      String v = s.getValue();
      Boolean b = coreBoolean(s);
      if (b != null) {
        return b;
      }
      if (v.equals("true")) {
        return true;
      }
      if (v.equals("false")) {
        return false;
      }
      if (Expressions.containsExpression(v)) {
        return null;
      }
    }
    error(node, "syntax", what + " must be true or false");
    return null;
  }

  /**
   * A plain scalar that YAML 1.2's core schema reads as a boolean, as GitHub's parser does: {@code
   * true}, {@code True}, {@code TRUE} and the same for false; null for anything else.
   */
  private static Boolean coreBoolean(ScalarNode s) {
    if (s.getScalarStyle() != org.yaml.snakeyaml.DumperOptions.ScalarStyle.PLAIN) {
      return null;
    }
    return switch (s.getValue()) {
      case "true", "True", "TRUE" -> Boolean.TRUE;
      case "false", "False", "FALSE" -> Boolean.FALSE;
      default -> null;
    };
  }

  Integer integer(Node node, String what) {
    if (node == null || isNull(node)) {
      return null;
    }
    if (node instanceof ScalarNode s) {
      String v = s.getValue().strip();
      if (Expressions.containsExpression(v)) {
        return null;
      }
      if (s.getScalarStyle() != org.yaml.snakeyaml.DumperOptions.ScalarStyle.PLAIN) {
        // GitHub wants a number here, not the string '30'.
        error(node, "syntax", what + " must be a number, not a quoted string");
        return null;
      }
      try {
        double d = Double.parseDouble(v);
        if (d > 0 && d <= Integer.MAX_VALUE) {
          return (int) Math.ceil(d);
        }
        error(node, "syntax", what + " must be greater than 0");
        return null;
      } catch (NumberFormatException e) {
        // fall through to the diagnostic
      }
    }
    error(node, "syntax", what + " must be a number");
    return null;
  }

  /**
   * Converts a subtree into plain Java values (String, Long, Double, Boolean, null, List, Map),
   * bounded so that shared alias subtrees cannot blow up.
   */
  Object toJava(Node node) {
    int[] budget = {MAX_CONVERTED_NODES};
    return toJava(node, budget, 0);
  }

  private Object toJava(Node node, int[] budget, int depth) {
    if (--budget[0] < 0 || depth > MAX_DEPTH) {
      throw new BoundExceeded(node);
    }
    if (node instanceof ScalarNode s) {
      if (isNull(s)) {
        return null;
      }
      String v = s.getValue();
      if (s.getScalarStyle() != org.yaml.snakeyaml.DumperOptions.ScalarStyle.PLAIN) {
        return v;
      }
      Boolean b = coreBoolean(s);
      if (b != null) {
        return b;
      }
      if (v.matches("-?\\d{1,18}")) {
        return Long.valueOf(v);
      }
      if (v.matches("-?\\d+\\.\\d+")) {
        return Double.valueOf(v);
      }
      return v;
    }
    if (node instanceof SequenceNode seq) {
      List<Object> out = new ArrayList<>();
      for (Node n : seq.getValue()) {
        out.add(toJava(n, budget, depth + 1));
      }
      return out;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, NodeTuple> e : mapping(node).entrySet()) {
      out.put(e.getKey(), toJava(e.getValue().getValueNode(), budget, depth + 1));
    }
    return out;
  }

  /** Thrown (and caught by the parser) when a subtree is too large or deep to convert. */
  static final class BoundExceeded extends RuntimeException {
    final transient Node node;

    BoundExceeded(Node node) {
      super(null, null, false, false);
      this.node = node;
    }
  }

  static String kind(Node node) {
    if (node instanceof MappingNode) {
      return "a mapping";
    }
    if (node instanceof SequenceNode) {
      return "a list";
    }
    return "a string";
  }
}
