package dev.pipeperf.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The rules as users read about them: metadata from {@link RuleInfo} and the explanation in {@code
 * rules/PP001.md} (why it matters, how to fix, an example). {@code pipeperf rules}, {@code
 * explain}, SARIF help and {@code docs/rules/} all come from here.
 */
public final class RuleCatalog {

  /** One rule's documentation. */
  public record Entry(RuleInfo info, String explanation) {}

  private RuleCatalog() {}

  public static List<Entry> entries() {
    return BuiltinRules.all().stream()
        .map(r -> new Entry(r.info(), explanation(r.info().id()).orElse("")))
        .sorted(Comparator.comparing(e -> e.info().id()))
        .toList();
  }

  public static Optional<Entry> entry(String idOrName) {
    return entries().stream()
        .filter(
            e ->
                e.info().id().equalsIgnoreCase(idOrName)
                    || e.info().name().equalsIgnoreCase(idOrName))
        .findFirst();
  }

  /** The markdown explanation of a rule, if the jar has one. */
  public static Optional<String> explanation(String id) {
    try (InputStream in =
        RuleCatalog.class.getResourceAsStream("/dev/pipeperf/rules/" + id + ".md")) {
      if (in == null) {
        return Optional.empty();
      }
      return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
