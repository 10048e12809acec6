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

  private final Map<String, RunnerPrice> prices;
  private final LocalDate effective;
  private final String source;

  private Pricing(Map<String, RunnerPrice> prices, LocalDate effective, String source) {
    this.prices = prices;
    this.effective = effective;
    this.source = source;
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
    return ParseResult.of(new Pricing(prices, effective, source), diagnostics);
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
    return new Pricing(copy, effective, this.source);
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
    RunnerPrice price = prices.get(kind.sku());
    if (price != null) {
      return new Priced(price, kind.assumption());
    }
    String note =
        "no price for runner SKU "
            + kind.sku()
            + (kind.label().isEmpty() ? "" : " (from `" + kind.label() + "`)")
            + ": priced as Linux 2-core";
    return new Priced(prices.get("linux"), note);
  }

  /** Price relative to Linux 2-core: GitHub's old "minute multiplier" (Windows 1.7, macOS 10.3). */
  public double multiplier(RunnerKind kind) {
    return price(kind).price().perMinute() / prices.get("linux").perMinute();
  }
}
