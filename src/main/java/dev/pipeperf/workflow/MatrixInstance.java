package dev.pipeperf.workflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One combination of matrix values: axis values first (in axis order), then keys added by {@code
 * include}. Values are String, Number, Boolean, List or Map, as written in YAML.
 */
public record MatrixInstance(Map<String, Object> values) {

  private static final Pattern MATRIX_REF =
      Pattern.compile(
          "\\$\\{\\{\\s*matrix\\.([A-Za-z_][A-Za-z0-9_-]*(?:\\.[A-Za-z_][A-Za-z0-9_-]*)*)\\s*}}");

  public MatrixInstance {
    values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /**
   * The suffix GitHub adds to a job's display name: {@code (3.12, ubuntu-latest)} — every value, in
   * order, nested objects flattened.
   */
  public String displaySuffix() {
    List<String> parts = new ArrayList<>();
    for (Object v : values.values()) {
      flatten(v, parts);
    }
    return parts.isEmpty() ? "" : "(" + String.join(", ", parts) + ")";
  }

  private static void flatten(Object v, List<String> out) {
    if (v instanceof Map<?, ?> m) {
      m.values().forEach(x -> flatten(x, out));
    } else if (v instanceof List<?> l) {
      l.forEach(x -> flatten(x, out));
    } else {
      out.add(String.valueOf(v));
    }
  }

  /** Puts matrix values into {@code ${{ matrix.x }}} references; others are left as written. */
  public String substitute(String text) {
    if (text == null || !text.contains("matrix.")) {
      return text;
    }
    Matcher m = MATRIX_REF.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      Object v = property(m.group(1));
      m.appendReplacement(sb, Matcher.quoteReplacement(v == null ? m.group() : stringOf(v)));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /** {@code platform.arch}: a value, or a property of a nested mapping; null when absent. */
  private Object property(String path) {
    Object v = values;
    for (String part : path.split("\\.")) {
      if (!(v instanceof Map<?, ?> m)) {
        return null;
      }
      v = m.get(part);
    }
    return v;
  }

  private static String stringOf(Object v) {
    if (v instanceof Map<?, ?> || v instanceof List<?>) {
      return "Object";
    }
    return String.valueOf(v);
  }
}
