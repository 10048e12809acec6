package dev.pipeperf.graph;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.pipeperf.workflow.Job;
import dev.pipeperf.workflow.MatrixInstance;
import dev.pipeperf.workflow.Strategy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Matches the workflow's job instances to the display names GitHub shows in run exports, the way
 * GitHub forms those names:
 *
 * <ol>
 *   <li>The job's {@code name:} when it has one, else its id.
 *   <li>Expressions in {@code name:} are evaluated against the instance's matrix values: {@code ${{
 *       matrix.python }}}, {@code ${{ matrix.os.name }}}, {@code ${{ matrix['python'] }}} and
 *       quoted literals are understood; anything else ({@code inputs.*}, {@code github.*},
 *       functions, operators) and a matrix key the model does not know match any text (a wildcard),
 *       so that the name still matches.
 *   <li>A matrix instance whose {@code name:} does not use the matrix (or that has no {@code
 *       name:}) gets its matrix values appended: {@code test (3.12, ubuntu-latest)} — the values in
 *       matrix key order (keys from {@code include} after the axes), nested objects flattened to
 *       their values, null and empty values left out, numbers as YAML read them ({@code 3.10} is
 *       {@code 3.1}).
 *   <li>A job of a called reusable workflow shows as {@code caller / callee}, each side named by
 *       the rules above.
 * </ol>
 *
 * <p>A job whose matrix is only known at run time ({@code matrix: ${{ fromJSON(...) }}}) is one
 * instance whose matrix values are wildcards ({@code test (*)}), and it takes every observed name
 * that fits.
 *
 * <p>This is the one home of job display names: {@link #shown} is the name reports print for an
 * instance (unknown expressions kept as written), {@link #displayName} the form run exports are
 * matched against (unknown expressions as wildcards).
 *
 * <p>Exact names are matched first; names with wildcards then take, most specific first, the first
 * observed name not yet matched that fits. Observed names that no instance took are returned so
 * they can be listed as unmatched.
 */
public final class JobNames {

  private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{(.*?)}}", Pattern.DOTALL);
  private static final Pattern MATRIX_PATH =
      Pattern.compile(
          "matrix((?:\\.[A-Za-z_][A-Za-z0-9_-]*|\\[\\s*'[^']*'\\s*]|\\[\\s*\"[^\"]*\"\\s*])+)");
  private static final Pattern PATH_PART =
      Pattern.compile(
          "\\.([A-Za-z_][A-Za-z0-9_-]*)|\\[\\s*'([^']*)'\\s*]|\\[\\s*\"([^\"]*)\"\\s*]");
  private static final Pattern LITERAL = Pattern.compile("'((?:[^']|'')*)'");
  private static final Pattern USES_MATRIX = Pattern.compile("\\bmatrix\\b");

  private JobNames() {}

  /**
   * The display name GitHub would show for an instance.
   *
   * @param text the name, with {@code *} where an expression could not be evaluated
   * @param exact true when there is no such {@code *}
   * @param pattern what an observed name must match
   * @param literalLength how many characters are known, to prefer the most specific wildcard
   */
  public record DisplayName(String text, boolean exact, Pattern pattern, int literalLength) {}

  /**
   * The outcome for one instance.
   *
   * @param instance the workflow job instance
   * @param expected the display name expected for it
   * @param observed the observed display name it matched; null when none did
   * @param allObserved every observed name it matched: more than one only for a job with a dynamic
   *     matrix, which stands for all its instances
   */
  public record Match(
      JobInstance instance, DisplayName expected, String observed, List<String> allObserved) {
    public Match {
      allObserved = List.copyOf(allObserved);
    }

    public boolean matched() {
      return observed != null;
    }
  }

  /**
   * All matches, in instance order, and the observed names nothing matched (in the order given).
   */
  public record Result(List<Match> matches, List<String> unmatchedObserved) {
    public Result {
      matches = List.copyOf(matches);
      unmatchedObserved = List.copyOf(unmatchedObserved);
    }
  }

  /** Matches instances to observed display names. */
  public static Result match(List<JobInstance> instances, Collection<String> observedNames) {
    Set<String> observed = new LinkedHashSet<>(observedNames);
    Set<String> used = new LinkedHashSet<>();
    DisplayName[] expected = new DisplayName[instances.size()];
    List<List<String>> found = new ArrayList<>();
    for (int i = 0; i < instances.size(); i++) {
      expected[i] = displayName(instances.get(i));
      found.add(new ArrayList<>());
      if (expected[i].exact() && observed.contains(expected[i].text())) {
        found.get(i).add(expected[i].text());
        used.add(expected[i].text());
      }
    }
    List<Integer> wildcards = new ArrayList<>();
    for (int i = 0; i < instances.size(); i++) {
      if (!expected[i].exact()) {
        wildcards.add(i);
      }
    }
    wildcards.sort(Comparator.comparingInt((Integer i) -> expected[i].literalLength()).reversed());
    for (int i : wildcards) {
      boolean all = isDynamic(instances.get(i));
      for (String name : observed) {
        if (!used.contains(name) && expected[i].pattern().matcher(name).matches()) {
          found.get(i).add(name);
          if (!all) {
            break;
          }
        }
      }
      used.addAll(found.get(i));
    }
    List<Match> matches = new ArrayList<>();
    for (int i = 0; i < instances.size(); i++) {
      List<String> names = found.get(i);
      matches.add(
          new Match(instances.get(i), expected[i], names.isEmpty() ? null : names.get(0), names));
    }
    List<String> unmatched = observed.stream().filter(n -> !used.contains(n)).toList();
    return new Result(matches, unmatched);
  }

  private static boolean isDynamic(JobInstance instance) {
    for (JobInstance i = instance; i != null; i = i.caller()) {
      if (dynamicMatrix(i)) {
        return true;
      }
    }
    return false;
  }

  /** The display name GitHub shows for an instance, by the rules in the class comment. */
  public static DisplayName displayName(JobInstance instance) {
    Builder own = new Builder();
    boolean usesMatrix = false;
    String name = instance.job().name();
    boolean dynamic = dynamicMatrix(instance);
    Map<String, Object> matrix =
        instance.instance() == null ? Map.of() : instance.instance().values();
    if (name == null || name.isBlank()) {
      own.literal(instance.job().id());
    } else {
      Matcher m = EXPRESSION.matcher(name);
      int last = 0;
      while (m.find()) {
        own.literal(name.substring(last, m.start()));
        String expression = m.group(1).strip();
        usesMatrix |= USES_MATRIX.matcher(expression).find();
        String value = dynamic ? null : evaluate(expression, matrix);
        if (value == null) {
          own.wildcard();
        } else {
          own.literal(value);
        }
        last = m.end();
      }
      own.literal(name.substring(last));
    }
    if (!usesMatrix && dynamic) {
      own.literal(" (");
      own.wildcard();
      own.literal(")");
    } else if (!usesMatrix && !matrix.isEmpty()) {
      List<String> values = new ArrayList<>();
      matrix.values().forEach(v -> flatten(v, values));
      if (!values.isEmpty()) {
        own.literal(" (" + String.join(", ", values) + ")");
      }
    }
    if (instance.caller() == null) {
      return own.build();
    }
    Builder full = new Builder();
    full.append(displayName(instance.caller()));
    full.literal(" / ");
    full.append(own.build());
    return full.build();
  }

  /**
   * True when the job's matrix is only known at run time ({@code matrix: ${{ fromJSON(...) }}}):
   * its one instance then stands for all of them, its values are wildcards and it matches every
   * observed name that fits.
   */
  static boolean dynamicMatrix(JobInstance instance) {
    Strategy strategy = instance.job().strategy();
    return strategy != null && strategy.matrix() != null && strategy.matrix().dynamic();
  }

  /**
   * The name reports show: the {@code name:} (matrix values put in) or id, plus the matrix suffix;
   * a called job is shown after its caller's name ({@code build (linux) / test}).
   */
  static String shown(Job job, MatrixInstance mi, JobInstance caller) {
    String base = job.name() != null ? job.name() : job.id();
    String shown;
    if (mi == null || mi.values().isEmpty()) {
      shown = base;
    } else if (job.name() != null && job.name().contains("matrix.")) {
      shown = mi.substitute(base);
    } else {
      shown = base + " " + mi.displaySuffix();
    }
    return caller == null ? shown : caller.displayName() + " / " + shown;
  }

  /** The value of an expression GitHub would print, or null when pipeperf cannot know it. */
  private static String evaluate(String expression, Map<String, Object> matrix) {
    Matcher literal = LITERAL.matcher(expression);
    if (literal.matches()) {
      return literal.group(1).replace("''", "'");
    }
    Matcher path = MATRIX_PATH.matcher(expression);
    if (!path.matches()) {
      return null;
    }
    Object value = matrix;
    Matcher part = PATH_PART.matcher(path.group(1));
    while (part.find()) {
      String key =
          part.group(1) != null
              ? part.group(1)
              : part.group(2) != null ? part.group(2) : part.group(3);
      if (!(value instanceof Map<?, ?> map) || !map.containsKey(key)) {
        return null;
      }
      value = map.get(key);
    }
    if (value == null) {
      return "";
    }
    if (value instanceof Map<?, ?> || value instanceof List<?>) {
      return null;
    }
    return scalar(value);
  }

  private static void flatten(Object value, List<String> out) {
    if (value instanceof Map<?, ?> map) {
      map.values().forEach(v -> flatten(v, out));
    } else if (value instanceof List<?> list) {
      list.forEach(v -> flatten(v, out));
    } else if (value != null) {
      String text = scalar(value);
      if (!text.isEmpty()) {
        out.add(text);
      }
    }
  }

  private static String scalar(Object value) {
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (d == Math.rint(d) && !Double.isInfinite(d)) {
        return String.valueOf((long) d);
      }
    }
    return String.valueOf(value);
  }

  private static final class Builder {
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder regex = new StringBuilder();
    private boolean exact = true;
    private int literalLength;

    void literal(String s) {
      if (!s.isEmpty()) {
        text.append(s);
        regex.append(Pattern.quote(s));
        literalLength += s.length();
      }
    }

    void wildcard() {
      text.append('*');
      regex.append(".*");
      exact = false;
    }

    void append(DisplayName other) {
      text.append(other.text());
      regex.append(other.pattern().pattern());
      exact &= other.exact();
      literalLength += other.literalLength();
    }

    DisplayName build() {
      return new DisplayName(
          text.toString(), exact, Pattern.compile(regex.toString(), Pattern.DOTALL), literalLength);
    }
  }
}
