package dev.pipeperf.rules.docker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code --cache-from} / {@code --cache-to} specs a script hands to buildx, written on the
 * command or kept in a shell variable the command expands ({@code cache="--cache-from=type=gha
 * --cache-to=type=gha"; docker buildx build ${cache} .}, containerd's release workflow): the build
 * model reads the command's own words only.
 */
final class ScriptCacheFlags {

  private ScriptCacheFlags() {}

  private static final Pattern FLAG =
      Pattern.compile("--cache-(from|to)(?:=|\\s+)(\"[^\"]*\"|'[^']*'|[^\\s\"';]+)");
  private static final Pattern ASSIGN =
      Pattern.compile(
          "(?m)^\\s*(?:export\\s+|local\\s+)?([A-Za-z_]\\w*)=(\"[^\"]*\"|'[^']*'|\\S*)");

  /** The specs of one direction ({@code from} or {@code to}) in a script, variables expanded. */
  static List<String> specs(String script, String direction) {
    List<String> out = new ArrayList<>();
    if (script == null || !script.contains("--cache-" + direction)) {
      return out;
    }
    Map<String, String> variables = new LinkedHashMap<>();
    Matcher a = ASSIGN.matcher(script);
    while (a.find()) {
      variables.put(a.group(1), unquote(a.group(2)));
    }
    StringBuilder expanded = new StringBuilder();
    for (String line : script.split("\n")) {
      Matcher assign = ASSIGN.matcher(line);
      if (assign.find() && assign.start() == 0 && !line.contains("docker")) {
        continue; // the assignment itself is not a build; its use below is
      }
      String l = line;
      for (Map.Entry<String, String> v : variables.entrySet()) {
        l =
            l.replace("${" + v.getKey() + "}", v.getValue())
                .replace("$" + v.getKey(), v.getValue());
      }
      expanded.append(l).append('\n');
    }
    Matcher m = FLAG.matcher(expanded);
    while (m.find()) {
      if (m.group(1).equals(direction)) {
        out.add(unquote(m.group(2)));
      }
    }
    return out;
  }

  private static String unquote(String s) {
    if (s.length() >= 2
        && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
      return s.substring(1, s.length() - 1);
    }
    return s;
  }
}
