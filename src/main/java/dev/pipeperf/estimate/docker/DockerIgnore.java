package dev.pipeperf.estimate.docker;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The patterns of a {@code .dockerignore}, read and matched as Docker does: one pattern a line,
 * {@code #} comments, surrounding spaces trimmed, each pattern cleaned like a path (a leading
 * {@code /} dropped), {@code !} for exceptions, the last matching pattern deciding, and a pattern
 * that matches a parent folder matching everything under it.
 */
public record DockerIgnore(List<String> patterns) {

  public DockerIgnore {
    patterns = List.copyOf(patterns);
  }

  public static final DockerIgnore NONE = new DockerIgnore(List.of());

  private record Rule(Pattern regex, boolean exclusion) {}

  /** Parses a {@code .dockerignore} file's text. */
  public static DockerIgnore parse(String text) {
    List<String> out = new ArrayList<>();
    for (String raw : text.split("\r?\n")) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      boolean exception = line.startsWith("!");
      String p = exception ? line.substring(1).strip() : line;
      if (p.isEmpty()) {
        continue;
      }
      p = Globs.clean(p);
      if (p.equals(".")) {
        // "." or "/" would exclude the whole context; Docker keeps it as the root.
        p = "*";
      }
      out.add(exception ? "!" + p : p);
    }
    return new DockerIgnore(out);
  }

  private List<Rule> rules() {
    List<Rule> rules = new ArrayList<>();
    for (String p : patterns) {
      boolean exception = p.startsWith("!");
      rules.add(new Rule(Globs.dockerPattern(exception ? p.substring(1) : p), exception));
    }
    return rules;
  }

  /**
   * True when some pattern is an exception ({@code !}): an excluded folder may then be re-included.
   */
  public boolean hasExceptions() {
    return patterns.stream().anyMatch(p -> p.startsWith("!"));
  }

  /** A compiled matcher, for walking many paths. */
  public Matcher matcher() {
    return new Matcher(rules());
  }

  /** Matches slash-separated paths relative to the context root. */
  public static final class Matcher {
    private final List<Rule> rules;

    private Matcher(List<Rule> rules) {
      this.rules = rules;
    }

    /** True when {@code relPath} is excluded from the context. */
    public boolean excludes(String relPath) {
      boolean excluded = false;
      List<String> prefixes = parents(relPath);
      for (Rule r : rules) {
        // Docker: a pattern matches a path when it matches the path or one of its parents.
        boolean hit = false;
        for (String p : prefixes) {
          if (r.regex().matcher(p).matches()) {
            hit = true;
            break;
          }
        }
        if (hit) {
          excluded = !r.exclusion();
        }
      }
      return excluded;
    }

    private static List<String> parents(String relPath) {
      List<String> out = new ArrayList<>();
      int i = -1;
      while ((i = relPath.indexOf('/', i + 1)) > 0) {
        out.add(relPath.substring(0, i));
      }
      out.add(relPath);
      return out;
    }
  }
}
