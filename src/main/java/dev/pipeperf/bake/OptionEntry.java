package dev.pipeperf.bake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the comma-separated {@code key=value} strings of cache-from, cache-to, output, secret, ssh
 * and attest into maps, with the short forms buildx accepts ({@code "user/app:cache"} is a registry
 * ref, {@code "-"} the tar stream, a path a local directory, {@code "default"} an SSH id).
 */
final class OptionEntry {

  private OptionEntry() {}

  /** Which attribute the entry belongs to; decides the meaning of a value with no {@code =}. */
  enum Kind {
    CACHE,
    OUTPUT,
    SECRET,
    SSH,
    ATTEST
  }

  static Map<String, String> parse(String s, Kind kind) {
    Map<String, String> out = new LinkedHashMap<>();
    List<String> fields = csvFields(s);
    if (fields.size() == 1 && !fields.get(0).contains("=")) {
      String v = fields.get(0);
      switch (kind) {
        case CACHE -> {
          out.put("type", "registry");
          out.put("ref", v);
        }
        case OUTPUT -> {
          out.put("type", v.equals("-") ? "tar" : "local");
          out.put("dest", v);
        }
        case SECRET, SSH -> out.put("id", v);
        case ATTEST -> out.put("type", v);
        default -> throw new IllegalStateException();
      }
      return out;
    }
    if (kind == Kind.SSH) {
      // default|<id>[=<socket>|<key>[,<key>]]
      String first = fields.get(0);
      int eq = first.indexOf('=');
      out.put("id", eq < 0 ? first : first.substring(0, eq));
      List<String> paths = new ArrayList<>();
      if (eq >= 0) {
        paths.add(first.substring(eq + 1));
      }
      paths.addAll(fields.subList(1, fields.size()));
      if (!paths.isEmpty()) {
        out.put("paths", String.join(",", paths));
      }
      return out;
    }
    for (String f : fields) {
      int eq = f.indexOf('=');
      if (eq < 0) {
        if (kind == Kind.SSH && out.isEmpty()) {
          out.put("id", f);
        } else {
          out.put(f.trim(), "");
        }
      } else {
        out.put(f.substring(0, eq).trim(), f.substring(eq + 1));
      }
    }
    if (kind == Kind.SSH && !out.containsKey("id")) {
      out.put("id", "default");
    }
    return kind == Kind.SECRET ? secret(out) : out;
  }

  /**
   * A secret as buildx keeps it: {@code id}, {@code src} (also written {@code source}) and {@code
   * env}; {@code type=env} names the variable in {@code src}.
   */
  private static Map<String, String> secret(Map<String, String> fields) {
    Map<String, String> out = new LinkedHashMap<>();
    String type = fields.getOrDefault("type", "");
    String src = fields.containsKey("src") ? fields.get("src") : fields.get("source");
    String env = fields.get("env");
    if (type.equals("env") && env == null) {
      env = src;
      src = null;
    }
    if (fields.containsKey("id")) {
      out.put("id", fields.get("id"));
    }
    if (src != null) {
      out.put("src", src);
    }
    if (env != null) {
      out.put("env", env);
    }
    return out;
  }

  /** Splits on commas outside double quotes, removing the quotes, as Go's csv reader does. */
  static List<String> csvFields(String s) {
    List<String> out = new ArrayList<>();
    StringBuilder f = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"') {
        if (quoted && i + 1 < s.length() && s.charAt(i + 1) == '"') {
          f.append('"');
          i++;
        } else {
          quoted = !quoted;
        }
      } else if (c == ',' && !quoted) {
        out.add(f.toString());
        f.setLength(0);
      } else {
        f.append(c);
      }
    }
    out.add(f.toString());
    return out;
  }
}
