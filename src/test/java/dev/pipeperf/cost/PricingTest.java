package dev.pipeperf.cost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipeperf.source.ParseResult;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PricingTest {

  final Pricing pricing = Pricing.builtin();

  @Test
  void theBuiltInFileLoadsAndEveryPriceHasADateAndASource() {
    assertThat(pricing.effective()).isEqualTo(LocalDate.of(2026, 1, 1));
    assertThat(pricing.source()).startsWith("https://docs.github.com/");
    assertThat(pricing.all()).hasSizeGreaterThan(30);
    assertThat(pricing.all())
        .allSatisfy(
            p -> {
              assertThat(p.effective()).isNotNull();
              assertThat(p.source()).startsWith("https://");
              assertThat(p.perMinute()).isGreaterThanOrEqualTo(0);
              assertThat(p.description()).isNotBlank();
            });
  }

  @Test
  void theStandardRunnersCarryThe2026Prices() {
    assertThat(pricing.price(RunnerKind.LINUX).price().perMinute()).isEqualTo(0.006);
    assertThat(pricing.price(RunnerKind.WINDOWS).price().perMinute()).isEqualTo(0.010);
    assertThat(pricing.price(RunnerKind.MACOS).price().perMinute()).isEqualTo(0.062);
    assertThat(pricing.multiplier(RunnerKind.MACOS))
        .isCloseTo(10.33, org.assertj.core.data.Offset.offset(0.01));
  }

  @Test
  void everyRunnerKindTheLabelsMapToHasAPrice() {
    List<String> labels =
        List.of(
            "ubuntu-latest",
            "ubuntu-24.04",
            "ubuntu-22.04",
            "ubuntu-slim",
            "ubuntu-24.04-arm",
            "ubuntu-22.04-arm",
            "windows-latest",
            "windows-2025",
            "windows-11-arm",
            "macos-latest",
            "macos-14",
            "macos-15",
            "macos-13",
            "macos-latest-large",
            "macos-latest-xlarge",
            "macos-14-xlarge",
            "ubuntu-latest-4-cores",
            "ubuntu-latest-8-cores",
            "ubuntu-latest-16-cores",
            "linux-arm64-8-cores",
            "windows-latest-8-cores",
            "self-hosted");
    for (String label : labels) {
      RunnerKind kind = RunnerKind.fromLabels(List.of(label));
      Pricing.Priced priced = pricing.price(kind);
      assertThat(priced.price().sku()).as(label).isEqualTo(kind.sku());
      assertThat(priced.price().effective()).as(label).isNotNull();
    }
  }

  @Test
  void aLargerRunnerSizeGitHubDoesNotSellFallsBackToLinuxAndSaysSo() {
    Pricing.Priced priced = pricing.price(RunnerKind.fromLabels(List.of("ubuntu-12-cores")));

    assertThat(priced.price().sku()).isEqualTo("linux");
    assertThat(priced.assumption()).contains("no price for runner SKU linux_12_core");
  }

  @Test
  void overridesReplaceOnePrice() {
    Pricing custom =
        pricing.withOverrides(Map.of("linux", 0.004), LocalDate.of(2026, 11, 1), "config");

    assertThat(custom.price(RunnerKind.LINUX).price().perMinute()).isEqualTo(0.004);
    assertThat(custom.price(RunnerKind.LINUX).price().source()).isEqualTo("config");
    assertThat(custom.price(RunnerKind.WINDOWS).price().perMinute()).isEqualTo(0.010);
  }

  @Test
  void aBrokenPricingFileIsADiagnosticNotAnException() {
    ParseResult<Pricing> result = Pricing.parse("runners: [\n  oops", "p.yml");

    assertThat(result.hasModel()).isFalse();
    assertThat(result.diagnostics()).singleElement().asString().startsWith("p.yml:");
  }
}
