package dev.pipeperf.rules.docker;

import dev.pipeperf.workflow.Job;
import dev.pipeperf.workflow.Step;
import dev.pipeperf.workspace.BuildInvocation;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which matrix values an image build of a matrix job depends on: directly ({@code ${{ matrix.x }}}
 * in its inputs), through the environment (a job or step {@code env:}, or a variable an earlier
 * step wrote to {@code $GITHUB_ENV}) when the build reads that variable — a bake variable of the
 * same name, {@code --build-arg NAME}, {@code $NAME} in the script, {@code ${{ env.NAME }}}.
 *
 * @param keys the matrix keys the build depends on
 * @param unknown true when a dependency could not be traced (the whole matrix handed over, an
 *     environment written by a script pipeperf cannot read): then nothing is assumed shared
 */
record MatrixLegInputs(Set<String> keys, boolean unknown) {

  private static final Pattern MATRIX_KEY = Pattern.compile("\\bmatrix\\.([A-Za-z_][\\w-]*)");
  private static final Pattern WHOLE_MATRIX =
      Pattern.compile("\\bmatrix\\s*\\[|\\(\\s*matrix\\s*\\)|\\bmatrix\\s*}}");
  private static final Pattern ENV_EXPR = Pattern.compile("\\benv\\.([A-Za-z_]\\w*)");
  private static final Pattern SHELL_VAR =
      Pattern.compile("\\$\\{?([A-Za-z_]\\w*)|--build-arg[ =]+([A-Za-z_]\\w*)(?![=\\w])");
  private static final Pattern GITHUB_ENV_LINE =
      Pattern.compile("([A-Za-z_]\\w*)=[^\\n]*>>\\s*\"?\\$\\{?GITHUB_ENV");
  private static final Pattern SHELL_ASSIGN =
      Pattern.compile("(?m)^\\s*(?:export\\s+|local\\s+)?([A-Za-z_]\\w*)=(.*)$");

  /**
   * The matrix keys the build started by {@code step} in {@code job} depends on.
   *
   * @param header the job's text before its first step ({@code runs-on}, {@code env}, {@code
   *     container}...): a matrix value used there may change what every step builds (a runner of
   *     another architecture, an environment variable), so it counts
   * @param bakeVariables the variable names the bake files define (read from the environment)
   */
  static MatrixLegInputs of(Job job, Step step, String header, Set<String> bakeVariables) {
    // Each variable the environment can carry into the build, with the matrix keys its value uses.
    Map<String, Set<String>> envKeys = new LinkedHashMap<>();
    boolean[] unknown = {false};
    Set<String> keys = new LinkedHashSet<>();
    for (String line : header.split("\n")) {
      if (!line.strip().startsWith("name:")) {
        keys.addAll(keysIn(line, unknown));
      }
    }
    for (Step earlier : job.allSteps()) {
      if (earlier == step) {
        break;
      }
      if (earlier.run() != null && earlier.run().contains("GITHUB_ENV")) {
        exported(earlier, envKeys, unknown);
      }
      String action = earlier.action();
      if (action != null && action.toLowerCase(java.util.Locale.ROOT).contains("github-script")) {
        String script = earlier.with().getOrDefault("script", "");
        if (script.contains("exportVariable") && script.contains("matrix")) {
          unknown[0] = true;
        }
      }
    }
    for (Map.Entry<String, String> e : step.env().entrySet()) {
      envKeys.put(e.getKey(), keysIn(e.getValue(), unknown));
    }

    StringBuilder direct = new StringBuilder();
    // A matrix value in a cache spec only picks the cache scope, not what is built.
    step.with().values().forEach(v -> direct.append(withoutCacheSpecs(v)).append('\n'));
    if (step.run() != null) {
      direct.append(step.run()).append('\n');
    }
    if (step.ifCondition() != null) {
      direct.append(step.ifCondition()).append('\n');
    }
    keys.addAll(keysIn(direct.toString(), unknown));
    Set<String> read = new LinkedHashSet<>();
    Matcher m = ENV_EXPR.matcher(direct);
    while (m.find()) {
      read.add(m.group(1));
    }
    boolean bake = BuildInvocation.of(step).stream().anyMatch(BuildInvocation::isBake);
    if (bake) {
      read.addAll(bakeVariables);
    }
    if (step.run() != null) {
      Matcher v = SHELL_VAR.matcher(step.run());
      while (v.find()) {
        read.add(v.group(1) != null ? v.group(1) : v.group(2));
      }
    }
    for (String name : read) {
      keys.addAll(envKeys.getOrDefault(name, Set.of()));
    }
    return new MatrixLegInputs(keys, unknown[0]);
  }

  /**
   * Variables a script writes to {@code $GITHUB_ENV}, each with the matrix keys of its line and of
   * the shell variables that line uses (one level: {@code flags="--x=${{ matrix.y }}"}).
   */
  private static void exported(Step s, Map<String, Set<String>> envKeys, boolean[] unknown) {
    String run = s.run();
    Map<String, Set<String>> shell = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : s.env().entrySet()) {
      shell.put(e.getKey(), keysIn(e.getValue(), unknown));
    }
    Matcher a = SHELL_ASSIGN.matcher(run);
    while (a.find()) {
      shell.merge(a.group(1), keysIn(a.group(2), unknown), MatrixLegInputs::union);
    }
    for (String line : run.split("\n")) {
      if (!line.contains("GITHUB_ENV")) {
        continue;
      }
      Matcher g = GITHUB_ENV_LINE.matcher(line);
      if (!g.find()) {
        // A write whose variable is not on its line (a heredoc, a loop): cannot be traced.
        if (line.matches(".*>>\\s*\"?\\$\\{?GITHUB_ENV.*") && MATRIX_KEY.matcher(run).find()) {
          unknown[0] = true;
        }
        continue;
      }
      Set<String> keys = new LinkedHashSet<>(keysIn(line, unknown));
      Matcher v = SHELL_VAR.matcher(line);
      while (v.find()) {
        String name = v.group(1) != null ? v.group(1) : v.group(2);
        keys.addAll(shell.getOrDefault(name, Set.of()));
      }
      envKeys.merge(g.group(1), keys, MatrixLegInputs::union);
    }
  }

  private static String withoutCacheSpecs(String value) {
    StringBuilder b = new StringBuilder();
    for (String line : value.split("\n")) {
      if (!line.contains("cache-from") && !line.contains("cache-to")) {
        b.append(line).append('\n');
      }
    }
    return b.toString();
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> out = new LinkedHashSet<>(a);
    out.addAll(b);
    return out;
  }

  private static Set<String> keysIn(String text, boolean[] unknown) {
    Set<String> out = new LinkedHashSet<>();
    if (text == null) {
      return out;
    }
    if (WHOLE_MATRIX.matcher(text).find() || text.contains("toJSON(matrix")) {
      unknown[0] = true;
    }
    Matcher m = MATRIX_KEY.matcher(text);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  /** The value of each key for one leg, as the group it falls in. */
  static List<Object> groupOf(Map<String, Object> values, Set<String> keys) {
    return keys.stream().map(k -> (Object) String.valueOf(values.get(k))).toList();
  }
}
