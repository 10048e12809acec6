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
