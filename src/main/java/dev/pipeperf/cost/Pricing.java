package dev.pipeperf.cost;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.pipeperf.source.Diagnostic;
import dev.pipeperf.source.Location;
import dev.pipeperf.source.ParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Per-minute prices of GitHub-hosted runners by billing SKU, from the dated data file {@code
 * dev/pipeperf/cost/pricing.yml} in the jar (GitHub's list effective 2026-01-01; its header cites
 * the source). Users override single prices from config with {@link #withOverrides}.
 */
public final class Pricing {

  /**
   * The price of one runner SKU.
   *
   * @param sku GitHub's billing SKU ({@code linux}, {@code macos_xl}...)
   * @param description what runner it is, in GitHub's words
   * @param perMinute USD per (rounded-up) minute
   * @param effective the date the price took effect
   * @param source where the price was published (or {@code config} for a user's override)
   */
  public record RunnerPrice(
      String sku, String description, double perMinute, LocalDate effective, String source) {}

  /**
   * What a job's runner costs, and what had to be assumed to say so.
   *
   * @param price the price used
   * @param assumption null when the runner kind and SKU were known; else a sentence for the user
   */
  public record Priced(RunnerPrice price, String assumption) {}

  private static final String RESOURCE = "/dev/pipeperf/cost/pricing.yml";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /**
   * A third-party runner service's published prices (GitHub bills none of its minutes).
   *
   * @param vendor its name as runner labels start
   * @param read when the figures were read
   * @param source where they were published
   * @param linuxPerVcpu USD per vCPU-minute on Linux x64, or null when not published
   * @param armPerVcpu USD per vCPU-minute on Linux arm64, or null
   * @param windowsPerVcpu USD per vCPU-minute on Windows, or null
   * @param macosPerMinute USD per minute on macOS, or null
   * @param note a fact that replaces a price (no per-minute fee, a closed service), or null
   */
  public record VendorPrice(
      String vendor,
      LocalDate read,
      String source,
      Double linuxPerVcpu,
      Double armPerVcpu,
      Double windowsPerVcpu,
      Double macosPerMinute,
      String note) {}

  private final Map<String, RunnerPrice> prices;
  private final LocalDate effective;
  private final String source;
  private final Map<String, VendorPrice> vendors;
  private final boolean publicRepository;
  private final java.util.Set<String> configured;

  private Pricing(
      Map<String, RunnerPrice> prices,
      LocalDate effective,
      String source,
      Map<String, VendorPrice> vendors,
      boolean publicRepository,
      java.util.Set<String> configured) {
    this.prices = prices;
    this.effective = effective;
    this.source = source;
    this.vendors = vendors;
    this.publicRepository = publicRepository;
    this.configured = configured;
  }

  /** The prices in the jar. A broken data file is pipeperf's bug, so this throws. */
  public static Pricing builtin() {
    try (InputStream in = Pricing.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      ParseResult<Pricing> result = parse(text, "pricing.yml");
      if (!result.hasModel() || !result.diagnostics().isEmpty()) {
        throw new IllegalStateException("bad built-in pricing.yml: " + result.diagnostics());
      }
      return result.model();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses a pricing file in the format of the built-in one. */
  public static ParseResult<Pricing> parse(String yaml, String displayPath) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      Location at =
          e.getLocation() == null
              ? Location.ofFile(displayPath)
              : new Location(
                  displayPath,
                  Math.max(1, e.getLocation().getLineNr()),
                  Math.max(1, e.getLocation().getColumnNr()));
      return ParseResult.failed(
          List.of(
              Diagnostic.error(at, "pricing-syntax", "invalid YAML: " + e.getOriginalMessage())));
    }
    Location file = Location.ofFile(displayPath);
    if (root == null || !root.path("runners").isObject()) {
      return ParseResult.failed(
          List.of(Diagnostic.error(file, "pricing-format", "no `runners` map of prices")));
    }
    LocalDate effective = date(root.path("effective"), file, "effective", diagnostics);
    String source = root.path("source").asText("");
    Map<String, RunnerPrice> prices = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = root.path("runners").properties().iterator();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode node = e.getValue();
      JsonNode price = node.path("perMinute");
      if (!price.isNumber() || price.asDouble() < 0) {
        diagnostics.add(
            Diagnostic.error(
                file,
                "pricing-format",
                "runner " + e.getKey() + ": perMinute must be a number ≥ 0"));
        continue;
      }
      LocalDate date =
          node.has("effective")
              ? date(node.path("effective"), file, e.getKey() + ".effective", diagnostics)
              : effective;
      String from = node.path("source").asText(source);
      if (date == null || from.isBlank()) {
        diagnostics.add(
            Diagnostic.error(
                file,
                "pricing-format",
                "runner " + e.getKey() + ": needs an effective date and a source"));
        continue;
      }
      prices.put(
          e.getKey(),
          new RunnerPrice(
              e.getKey(),
              node.path("description").asText(e.getKey()),
              price.asDouble(),
              date,
              from));
    }
    if (!prices.containsKey("linux")) {
      diagnostics.add(
          Diagnostic.error(
              file, "pricing-format", "no `linux` price, which unknown runners fall back to"));
      return ParseResult.failed(diagnostics);
    }
    Map<String, VendorPrice> vendors = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> vs = root.path("vendors").properties().iterator();
    while (vs.hasNext()) {
      Map.Entry<String, JsonNode> e = vs.next();
      JsonNode v = e.getValue();
      LocalDate read = date(v.path("read"), file, e.getKey() + ".read", diagnostics);
      if (read == null || !v.path("source").isTextual()) {
        diagnostics.add(
            Diagnostic.error(
                file, "pricing-format", "vendor " + e.getKey() + ": needs read: and source:"));
        continue;
      }
      vendors.put(
          e.getKey(),
          new VendorPrice(
              e.getKey(),
              read,
              v.path("source").asText(),
              optional(v, "linuxPerVcpu"),
              optional(v, "armPerVcpu"),
              optional(v, "windowsPerVcpu"),
              optional(v, "macosPerMinute"),
              v.path("note").isTextual() ? v.path("note").asText() : null));
    }
    return ParseResult.of(
        new Pricing(prices, effective, source, vendors, false, java.util.Set.of()), diagnostics);
  }

  private static Double optional(JsonNode node, String key) {
    return node.path(key).isNumber() ? node.path(key).asDouble() : null;
  }

  private static LocalDate date(JsonNode node, Location file, String what, List<Diagnostic> out) {
    try {
      return LocalDate.parse(node.asText());
    } catch (DateTimeParseException e) {
      out.add(
          Diagnostic.error(
              file, "pricing-format", what + " is not a date (YYYY-MM-DD): " + node.asText()));
      return null;
    }
  }

  /**
   * These prices with some replaced, e.g. from {@code .pipeperf.yml}: SKU → USD per minute. An
   * unknown SKU adds a price.
   */
  public Pricing withOverrides(Map<String, Double> perMinuteBySku, LocalDate asOf, String source) {
    Map<String, RunnerPrice> copy = new LinkedHashMap<>(prices);
    perMinuteBySku.forEach(
        (sku, price) -> {
          RunnerPrice old = copy.get(sku);
          copy.put(
              sku,
              new RunnerPrice(sku, old == null ? sku : old.description(), price, asOf, source));
        });
    java.util.Set<String> set = new java.util.HashSet<>(configured);
    set.addAll(perMinuteBySku.keySet());
    return new Pricing(copy, effective, this.source, vendors, publicRepository, Set.copyOf(set));
  }

  /**
   * These prices for a public repository (config {@code visibility: public}): GitHub's standard
   * runners cost nothing there; larger, GPU and macOS large runners still do.
   */
  public Pricing forVisibility(boolean isPublic) {
    return new Pricing(prices, effective, source, vendors, isPublic, configured);
  }

  /** True when priced as a public repository. */
  public boolean publicRepository() {
    return publicRepository;
  }

  /** The third-party vendors' prices, in file order. */
  public Collection<VendorPrice> vendors() {
    return List.copyOf(vendors.values());
  }

  /** The date the list (the file) took effect. */
  public LocalDate effective() {
    return effective;
  }

  /** Where the list was published. */
  public String source() {
    return source;
  }

  /** Every price, in file order. */
  public Collection<RunnerPrice> all() {
    return List.copyOf(prices.values());
  }

  /**
   * The price for a runner kind. A SKU the list lacks (a larger-runner size GitHub does not sell)
   * is priced as Linux 2-core, and said so.
   */
  public Priced price(RunnerKind kind) {
    RunnerPrice own = prices.get(kind.sku());
    if (kind.payer() != RunnerKind.Payer.GITHUB) {
      return notGitHub(kind, own);
    }
    if (own != null) {
      if (publicRepository && kind.standardHosted() && !configured.contains(kind.sku())) {
        return new Priced(
            new RunnerPrice(
                own.sku(),
                own.description(),
                0,
                own.effective(),
                "free for public repositories (standard GitHub-hosted runner)"),
            join(kind.assumption(), "free for public repositories (standard runner)"));
      }
      return new Priced(own, kind.assumption());
    }
    String note =
        "no price for runner SKU "
            + kind.sku()
            + (kind.label().isEmpty() ? "" : " (from `" + kind.label() + "`)")
            + ": priced as Linux 2-core";
    return new Priced(prices.get("linux"), note);
  }

  private static String join(String a, String b) {
    return a == null ? b : a + "; " + b;
  }

  /** Self-hosted and vendor runners: config's price, else the vendor's, else unpriced (0). */
  private Priced notGitHub(RunnerKind kind, RunnerPrice configuredPrice) {
    if (configuredPrice != null && configured.contains(kind.sku())) {
      return new Priced(
          configuredPrice,
          (kind.selfHosted() ? "self-hosted" : kind.vendor().vendor())
              + " runner `"
              + kind.sku()
              + "`: no GitHub minutes; priced from .pipeperf.yml");
    }
    if (kind.selfHosted()) {
      RunnerPrice p =
          configuredPrice != null
              ? configuredPrice
              : new RunnerPrice(kind.sku(), "self-hosted (unpriced)", 0, effective, "unpriced");
      return new Priced(p, kind.assumption());
    }
    RunnerKind.VendorShape shape = kind.vendor();
    VendorPrice v = vendors.get(shape.vendor());
    Double perMinute = null;
    String size = "";
    if (v != null && v.note() == null) {
      int cpus = shape.vcpus();
      Double perVcpu =
          switch (shape.os()) {
            case "windows" -> v.windowsPerVcpu();
            case "macos" -> null;
            default -> shape.arm() ? v.armPerVcpu() : v.linuxPerVcpu();
          };
      if (shape.os().equals("macos") && v.macosPerMinute() != null) {
        perMinute = v.macosPerMinute();
      } else if (perVcpu != null && cpus > 0) {
        perMinute = perVcpu * cpus;
        size = ", " + cpus + " vCPU";
      }
    }
    String osName = shape.os() + (shape.arm() ? " arm64" : "");
    if (perMinute == null) {
      String why =
          v != null && v.note() != null
              ? v.note()
              : "no published price pipeperf knows for "
                  + osName
                  + (shape.vcpus() == 0 ? " (size not in the label)" : "");
      return new Priced(
          new RunnerPrice(kind.sku(), shape.vendor() + " (unpriced)", 0, effective, "unpriced"),
          shape.vendor()
              + " runner `"
              + kind.label()
              + "`: no GitHub minutes; "
              + why
              + "; unpriced (set pricing: {"
              + kind.label()
              + ": USD per minute} in .pipeperf.yml)");
    }
    return new Priced(
        new RunnerPrice(
            kind.sku(), shape.vendor() + " " + osName + size, perMinute, v.read(), v.source()),
        shape.vendor()
            + " runner `"
            + kind.label()
            + "`: no GitHub minutes; the vendor's published price ("
            + osName
            + size
            + ", read "
            + v.read().toString().substring(0, 7)
            + ")");
  }

  /** Price relative to Linux 2-core: GitHub's old "minute multiplier" (Windows 1.7, macOS 10.3). */
  public double multiplier(RunnerKind kind) {
    return price(kind).price().perMinute() / prices.get("linux").perMinute();
  }
}
