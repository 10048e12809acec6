package dev.pipeperf.estimate.docker;

import dev.pipeperf.config.DurationValue;
import dev.pipeperf.estimate.DurationRange;
import dev.pipeperf.shell.PackageInstall.Manager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The Docker build catalogue ({@code build-catalogue.yml} in the jar): per-instruction figures for
 * estimating a Dockerfile build (spec §6.2). Data, not code: the YAML's header says what the
 * figures are and where they come from. Immutable.
 */
public record BuildCatalogue(
    DurationRange floor,
    DurationRange run,
    DurationRange cacheHit,
    List<BaseImage> baseImages,
    Map<Manager, PerItem> packageManagers,
    List<HeavyPackage> heavyPackages,
    Map<Manager, PerItem> dependencyInstalls,
    List<CompileStep> compileSteps,
    Throughput copy,
    DurationRange copyFromStage,
    DurationRange copyUrl,
    Throughput contextUpload,
    DurationRange pushFixed,
    DurationRange pushPerGb,
    Map<CacheBackend, CacheCost> cacheBackends,
    double cacheMountFactorLow,
    double cacheMountFactorHigh,
    List<String> manifestFiles,
    Pattern changingArgs) {

  /** A base-image family: name globs, pull time, rough size. */
  public record BaseImage(List<String> match, DurationRange pull, double mb) {
    boolean matches(String image) {
      return match.stream().anyMatch(g -> Globs.matchesWhole(g, image));
    }
  }

  /**
   * A fixed part, a per-item part ({@code perItem} per package, requirement line or dependency),
   * the item count assumed when it cannot be measured, and the size per item in MB.
   */
  public record PerItem(
      DurationRange fixed, DurationRange perItem, int defaultItems, double mbPerItem) {
    DurationRange forItems(int n) {
      return fixed.plus(perItem.times(n));
    }
  }

  /** A package with a cost of its own (build-essential, chromium, texlive, CUDA...). */
  public record HeavyPackage(List<String> match, DurationRange extra, double mb, String what) {
    boolean matches(String pkg) {
      return match.stream().anyMatch(g -> Globs.matchesWhole(g, pkg));
    }
  }

  /** A build step recognised in a RUN script. */
  public record CompileStep(String name, Pattern pattern, DurationRange range, double mb) {}

  /** Fixed cost plus bytes at a throughput range; {@code unknown} when the size is not known. */
  public record Throughput(
      DurationRange fixed, double fastMbPerSecond, double slowMbPerSecond, DurationRange unknown) {
    DurationRange forBytes(long bytes) {
      double mb = bytes / 1e6;
      return fixed.plus(DurationRange.ofSeconds(mb / fastMbPerSecond, mb / slowMbPerSecond));
    }
  }

  /** Import and export cost of a cache backend. */
  public record CacheCost(DurationRange importCost, DurationRange exportCost) {}

  private static final class Holder {
    static final BuildCatalogue BUILT_IN = load();
  }

  /** The catalogue shipped in the jar (read once). */
  public static BuildCatalogue builtIn() {
    return Holder.BUILT_IN;
  }

  /** The family entry for a base image; the last (catch-all) entry when none matches. */
  public BaseImage baseImage(String image) {
    String i = normaliseImage(image);
    for (BaseImage b : baseImages) {
      if (b.matches(i)) {
        return b;
      }
    }
    return baseImages.get(baseImages.size() - 1);
  }

  /** The heavy-package entry for a package name (version suffix ignored), or null. */
  public HeavyPackage heavy(String pkg) {
    String bare = pkg.split("[=<>~!@\\[;: ]", 2)[0].toLowerCase(Locale.ROOT);
    for (HeavyPackage h : heavyPackages) {
      if (h.matches(bare)) {
        return h;
      }
    }
    return null;
  }

  /** True when a COPY source's base name is a dependency manifest or lock file. */
  public boolean isManifest(String source) {
    String s = source;
    while (s.endsWith("/") && s.length() > 1) {
      s = s.substring(0, s.length() - 1);
    }
    String base = s.substring(s.lastIndexOf('/') + 1);
    for (String g : manifestFiles) {
      if (base.equals(g) || Globs.matchesWhole(g, base)) {
        return true;
      }
    }
    return false;
  }

  public boolean isChangingArg(String name) {
    return changingArgs.matcher(name).matches();
  }

  public CacheCost cacheCost(CacheBackend b) {
    return cacheBackends.get(b);
  }

  /**
   * Lower-cased, without {@code docker.io/library/}, {@code docker.io/}, a digest or a tag-less
   * host.
   */
  static String normaliseImage(String image) {
    String i = image == null ? "" : image.trim().toLowerCase(Locale.ROOT);
    int at = i.indexOf('@');
    if (at >= 0) {
      i = i.substring(0, at);
    }
    for (String p : List.of("docker.io/library/", "index.docker.io/library/", "docker.io/")) {
      if (i.startsWith(p)) {
        i = i.substring(p.length());
      }
    }
    return i;
  }

  @SuppressWarnings("unchecked")
  static BuildCatalogue load() {
    try (InputStream in = BuildCatalogue.class.getResourceAsStream("build-catalogue.yml")) {
      if (in == null) {
        throw new IllegalStateException("build-catalogue.yml missing from the jar");
      }
      Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
      List<BaseImage> bases = new ArrayList<>();
      for (Map<String, Object> b : (List<Map<String, Object>>) root.get("baseImages")) {
        bases.add(
            new BaseImage(
                List.copyOf((List<String>) b.get("match")),
                range(b.get("pull")),
                num(b.get("mb"))));
      }
      List<HeavyPackage> heavy = new ArrayList<>();
      for (Map<String, Object> h : (List<Map<String, Object>>) root.get("heavyPackages")) {
        heavy.add(
            new HeavyPackage(
                List.copyOf((List<String>) h.get("match")),
                range(h.get("extra")),
                num(h.get("mb")),
                (String) h.get("what")));
      }
      List<CompileStep> steps = new ArrayList<>();
      for (Map<String, Object> c : (List<Map<String, Object>>) root.get("compileSteps")) {
        steps.add(
            new CompileStep(
                (String) c.get("name"),
                Pattern.compile((String) c.get("pattern"), Pattern.CASE_INSENSITIVE),
                range(c.get("range")),
                num(c.get("mb"))));
      }
      Map<String, Object> copy = (Map<String, Object>) root.get("copy");
      Map<String, Object> push = (Map<String, Object>) root.get("push");
      Map<CacheBackend, CacheCost> caches = new EnumMap<>(CacheBackend.class);
      ((Map<String, Map<String, Object>>) root.get("cacheBackends"))
          .forEach(
              (k, v) ->
                  caches.put(
                      CacheBackend.valueOf(k),
                      new CacheCost(range(v.get("import")), range(v.get("export")))));
      for (CacheBackend b : CacheBackend.values()) {
        if (!caches.containsKey(b)) {
          throw new IllegalStateException("build-catalogue.yml: no cacheBackends." + b);
        }
      }
      List<Object> factor = (List<Object>) root.get("cacheMountWarmFactor");
      return new BuildCatalogue(
          range(root.get("floor")),
          range(root.get("run")),
          range(root.get("cacheHit")),
          List.copyOf(bases),
          perItems((Map<String, Map<String, Object>>) root.get("packageManagers")),
          List.copyOf(heavy),
          perItems((Map<String, Map<String, Object>>) root.get("dependencyInstalls")),
          List.copyOf(steps),
          throughput(copy),
          range(copy.get("fromStage")),
          range(copy.get("url")),
          throughput((Map<String, Object>) root.get("contextUpload")),
          range(push.get("fixed")),
          range(push.get("perGb")),
          Collections.unmodifiableMap(caches),
          num(factor.get(0)),
          num(factor.get(1)),
          List.copyOf((List<String>) root.get("manifestFiles")),
          Pattern.compile((String) root.get("changingArgs"), Pattern.CASE_INSENSITIVE));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<Manager, PerItem> perItems(Map<String, Map<String, Object>> m) {
    Map<Manager, PerItem> out = new EnumMap<>(Manager.class);
    m.forEach(
        (k, v) ->
            out.put(
                Manager.valueOf(k),
                new PerItem(
                    range(v.get("fixed")),
                    range(v.containsKey("perPackage") ? v.get("perPackage") : v.get("perItem")),
                    v.containsKey("defaultItems") ? (int) num(v.get("defaultItems")) : 0,
                    num(v.get("mb")))));
    return Collections.unmodifiableMap(out);
  }

  @SuppressWarnings("unchecked")
  private static Throughput throughput(Map<String, Object> m) {
    List<Object> mbps = (List<Object>) m.get("mbPerSecond");
    return new Throughput(
        range(m.get("fixed")), num(mbps.get(0)), num(mbps.get(1)), range(m.get("unknown")));
  }

  private static double num(Object o) {
    return o == null ? 0 : ((Number) o).doubleValue();
  }

  @SuppressWarnings("unchecked")
  private static DurationRange range(Object o) {
    List<Object> l = (List<Object>) o;
    DurationValue low = DurationValue.parse(String.valueOf(l.get(0)));
    DurationValue high = DurationValue.parse(String.valueOf(l.get(1)));
    return new DurationRange(low.lowSeconds(), high.highSeconds());
  }
}
