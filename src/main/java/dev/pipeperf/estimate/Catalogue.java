package dev.pipeperf.estimate;

import dev.pipeperf.config.DurationValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The built-in duration catalogue ({@code catalogue.yml} in the jar): ranges for known actions,
 * {@code run:} command patterns, runner start-up per runner kind and service start-up. Data, not
 * code: adding an action is one YAML entry.
 */
public record Catalogue(
    Map<String, DurationRange> defaults,
    List<Runner> runners,
    DurationRange containerStartup,
    List<Service> services,
    Map<String, Action> actions,
    List<Command> commands) {

  /** A runner kind: label globs, start-up time, and the kind the cost model bills. */
  public record Runner(List<String> match, DurationRange startup, String kind) {
    boolean matches(String label) {
      String l = label.toLowerCase(Locale.ROOT);
      return match.stream()
          .anyMatch(g -> glob(g).matches(Path.of(l.isEmpty() ? "_" : l.replace('/', '_'))));
    }
  }

  /** Service container start-up by image glob. */
  public record Service(String image, DurationRange startup) {}

  /** A known action; {@code build} marks actions that build container images. */
  public record Action(String uses, DurationRange range, boolean build) {}

  /**
   * A command pattern matched in {@code run:} lines; {@code build} marks image builds, {@code
   * sleep} takes its seconds from the command.
   */
  public record Command(
      String name,
      Pattern pattern,
      DurationRange range,
      boolean build,
      boolean sleep,
      boolean exclusive) {

    /**
     * Longest part of a line the patterns see. They use lookahead, so they run on Java's engine,
     * whose group loops recurse once per repetition: {@code apt-get -y -y …×20000 install} on one
     * 60 KB line overflowed the stack. No real command needs more than its first 4,096 characters
     * to be recognised.
     */
    public static final int MAX_LINE = 4096;

    /** A matcher on the line's first {@link #MAX_LINE} characters. */
    public java.util.regex.Matcher matcher(String line) {
      return pattern.matcher(line.length() <= MAX_LINE ? line : line.substring(0, MAX_LINE));
    }
  }

  private static final class Holder {
    static final Catalogue BUILT_IN = load();
  }

  /** The catalogue shipped in the jar (read once, immutable). */
  public static Catalogue builtIn() {
    return Holder.BUILT_IN;
  }

  public DurationRange defaultFor(String key) {
    return defaults.getOrDefault(key, DurationRange.ZERO);
  }

  /** The runner entry for a job's labels; the last entry (a catch-all) when none matches. */
  public Runner runnerFor(List<String> labels) {
    for (Runner r : runners) {
      for (String l : labels) {
        if (r.matches(l)) {
          return r;
        }
      }
    }
    return runners.get(runners.size() - 1);
  }

  public DurationRange serviceStartup(String image) {
    String i = image == null ? "" : image.toLowerCase(Locale.ROOT);
    for (Service s : services) {
      if (glob(s.image()).matches(Path.of(i.isEmpty() ? "_" : i.replace('/', '_')))) {
        return s.startup();
      }
    }
    return services.get(services.size() - 1).startup();
  }

  private static PathMatcher glob(String g) {
    return FileSystems.getDefault()
        .getPathMatcher("glob:" + g.toLowerCase(Locale.ROOT).replace('/', '_'));
  }

  @SuppressWarnings("unchecked")
  static Catalogue load() {
    try (InputStream in = Catalogue.class.getResourceAsStream("catalogue.yml")) {
      if (in == null) {
        throw new IllegalStateException("catalogue.yml missing from the jar");
      }
      Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
      Map<String, DurationRange> defaults = new LinkedHashMap<>();
      ((Map<String, Object>) root.get("defaults")).forEach((k, v) -> defaults.put(k, range(v)));
      List<Runner> runners = new ArrayList<>();
      for (Map<String, Object> r : (List<Map<String, Object>>) root.get("runners")) {
        runners.add(
            new Runner(
                (List<String>) r.get("match"), range(r.get("startup")), (String) r.get("kind")));
      }
      DurationRange container = range(((Map<String, Object>) root.get("container")).get("startup"));
      List<Service> services = new ArrayList<>();
      for (Map<String, Object> s : (List<Map<String, Object>>) root.get("services")) {
        services.add(new Service((String) s.get("image"), range(s.get("startup"))));
      }
      Map<String, Action> actions = new LinkedHashMap<>();
      for (Map<String, Object> a : (List<Map<String, Object>>) root.get("actions")) {
        String uses = ((String) a.get("uses")).toLowerCase(Locale.ROOT);
        actions.put(
            uses, new Action(uses, range(a.get("range")), Boolean.TRUE.equals(a.get("build"))));
      }
      List<Command> commands = new ArrayList<>();
      for (Map<String, Object> c : (List<Map<String, Object>>) root.get("commands")) {
        commands.add(
            new Command(
                (String) c.get("name"),
                Pattern.compile((String) c.get("pattern"), Pattern.CASE_INSENSITIVE),
                range(c.get("range")),
                Boolean.TRUE.equals(c.get("build")),
                Boolean.TRUE.equals(c.get("sleepSeconds")),
                Boolean.TRUE.equals(c.get("exclusive"))));
      }
      return new Catalogue(
          Map.copyOf(defaults),
          List.copyOf(runners),
          container,
          List.copyOf(services),
          java.util.Collections.unmodifiableMap(actions),
          List.copyOf(commands));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static DurationRange range(Object o) {
    List<Object> l = (List<Object>) (List<?>) o;
    DurationValue low = DurationValue.parse(String.valueOf(l.get(0)));
    DurationValue high = DurationValue.parse(String.valueOf(l.get(1)));
    return new DurationRange(low.lowSeconds(), high.highSeconds());
  }
}
