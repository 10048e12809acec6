package dev.pipeperf.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunnerKindTest {

  static RunnerKind kind(String... labels) {
    return RunnerKind.fromLabels(List.of(labels));
  }

  @Test
  void mapsGitHubsStandardLabels() {
    assertThat(kind("ubuntu-latest").sku()).isEqualTo("linux");
    assertThat(kind("ubuntu-24.04").sku()).isEqualTo("linux");
    assertThat(kind("ubuntu-24.04-arm").sku()).isEqualTo("linux_2_core_arm");
    assertThat(kind("windows-latest").sku()).isEqualTo("windows");
    assertThat(kind("macos-14").sku()).isEqualTo("macos");
    assertThat(kind("macos-latest-xlarge").sku()).isEqualTo("macos_xl");
    assertThat(kind("macos-latest-large").sku()).isEqualTo("macos_l");
    assertThat(kind("ubuntu-latest").assumption()).isNull();
  }

  @Test
  void readsTheSizeOfLargerRunnersFromTheirLabel() {
    RunnerKind kind = kind("ubuntu-latest-8-cores");

    assertThat(kind.sku()).isEqualTo("linux_8_core");
    assertThat(kind.assumption()).contains("larger runner").contains("ubuntu-latest-8-cores");
    assertThat(kind("ubuntu-22.04-arm-16-cores").sku()).isEqualTo("linux_16_core_arm");
    assertThat(kind("windows-2022-4core").sku()).isEqualTo("windows_4_core");
  }

  @Test
  void selfHostedCostsNothingAndSaysSo() {
    RunnerKind kind = kind("self-hosted", "linux", "x64");

    assertThat(kind.selfHosted()).isTrue();
    assertThat(kind.assumption()).contains("self-hosted");
    assertThat(Pricing.builtin().price(kind).price().perMinute()).isZero();
  }

  @Test
  void expressionsArePricedAsLinuxAndSaySo() {
    RunnerKind expression = kind("${{ matrix.os }}");
    assertThat(expression.sku()).isEqualTo("linux");
    assertThat(expression.assumption()).contains("expression").contains("Linux 2-core");
    assertThat(RunnerKind.fromLabels(List.of()).assumption()).contains("no runs-on");
  }

  @Test
  void aLabelGitHubDoesNotHostIsSelfHostedAndUnpriced() {
    RunnerKind unknown = kind("gpu-pool");
    Pricing.Priced priced = Pricing.builtin().price(unknown);

    assertThat(unknown.payer()).isEqualTo(RunnerKind.Payer.SELF_HOSTED);
    assertThat(unknown.githubBilled()).isFalse();
    assertThat(priced.price().perMinute()).isZero();
    assertThat(priced.assumption()).contains("gpu-pool").contains("unpriced").contains("pricing:");
  }

  @Test
  void selfHostedWithMoreLabelsNamesThemAndConfigCanPriceIt() {
    RunnerKind gpu = kind("self-hosted", "gpu");
    assertThat(gpu.selfHosted()).isTrue();
    assertThat(gpu.assumption()).contains("[gpu]").contains("no GitHub minutes");

    Pricing priced =
        Pricing.builtin()
            .withOverrides(Map.of("self_hosted", 0.01), LocalDate.of(2026, 12, 1), "config");
    assertThat(priced.price(gpu).price().perMinute()).isEqualTo(0.01);
    assertThat(priced.price(gpu).assumption()).contains("priced from .pipeperf.yml");
  }

  @Test
  void aRunnerGroupIsTheOrganisationsAndPricedOnlyFromConfig() {
    RunnerKind group = RunnerKind.of(List.of(), "gpu-runners");
    assertThat(group.payer()).isEqualTo(RunnerKind.Payer.SELF_HOSTED);
    assertThat(group.sku()).isEqualTo("gpu-runners");
    assertThat(Pricing.builtin().price(group).price().perMinute()).isZero();
    assertThat(Pricing.builtin().price(group).assumption()).contains("runner group");

    Pricing configured =
        Pricing.builtin()
            .withOverrides(Map.of("gpu-runners", 0.05), LocalDate.of(2026, 12, 1), "config");
    assertThat(configured.price(group).price().perMinute()).isEqualTo(0.05);
    // a group with a GitHub-hosted larger-runner label is that runner
    assertThat(RunnerKind.of(List.of("ubuntu-latest-8-cores"), "big").sku())
        .isEqualTo("linux_8_core");
  }

  @Test
  void gpuRunnersArePricedFromTheDatedTable() {
    RunnerKind gpu = kind("linux-gpu-4-cores");
    assertThat(gpu.sku()).isEqualTo("linux_4_core_gpu");
    assertThat(Pricing.builtin().price(gpu).price().perMinute()).isEqualTo(0.052);
    assertThat(kind("windows-gpu-4-cores").sku()).isEqualTo("windows_4_core_gpu");
  }

  @Test
  void vendorRunnersBillNoGitHubMinutesAndCarryTheVendorsDatedPrice() {
    Pricing pricing = Pricing.builtin();
    Pricing.Priced depot = pricing.price(kind("depot-ubuntu-24.04-4"));
    assertThat(depot.price().perMinute()).isCloseTo(0.008, within(1e-9));
    assertThat(depot.assumption())
        .contains("depot")
        .contains("no GitHub minutes")
        .contains("2026-02");
    assertThat(pricing.price(kind("depot-ubuntu-24.04")).price().perMinute())
        .isCloseTo(0.004, within(1e-9));
    assertThat(pricing.price(kind("blacksmith-4vcpu-ubuntu-2404")).price().perMinute())
        .isCloseTo(0.008, within(1e-9));
    assertThat(pricing.price(kind("blacksmith-2vcpu-ubuntu-2204-arm")).price().perMinute())
        .isCloseTo(0.0025, within(1e-9));
    assertThat(pricing.price(kind("ubicloud-standard-8")).price().perMinute())
        .isCloseTo(0.005, within(1e-9));
    assertThat(pricing.price(kind("warp-ubuntu-latest-arm64-4x")).price().perMinute())
        .isCloseTo(0.006, within(1e-9));
    assertThat(pricing.price(kind("nscloud-ubuntu-24.04-amd64-4x8")).price().perMinute())
        .isCloseTo(0.004, within(1e-9));
    Pricing.Priced profile = pricing.price(kind("namespace-profile-default"));
    assertThat(profile.price().perMinute()).isZero();
    assertThat(profile.assumption()).contains("unpriced");
    assertThat(pricing.price(kind("buildjet-4vcpu-ubuntu-2204")).assumption())
        .contains("shut down");
    assertThat(kind("depot-ubuntu-24.04").githubBilled()).isFalse();
  }

  @Test
  void publicRepositoriesPayNothingForStandardRunnersButForLargerOnes() {
    Pricing open = Pricing.builtin().forVisibility(true);
    Pricing.Priced linux = open.price(kind("ubuntu-latest"));
    assertThat(linux.price().perMinute()).isZero();
    assertThat(linux.assumption()).contains("free for public repositories");
    assertThat(open.price(kind("macos-latest")).price().perMinute()).isZero();
    assertThat(open.price(kind("ubuntu-latest-8-cores")).price().perMinute()).isEqualTo(0.022);
    assertThat(open.price(kind("macos-latest-xlarge")).price().perMinute()).isEqualTo(0.102);
    assertThat(Pricing.builtin().price(kind("ubuntu-latest")).price().perMinute()).isEqualTo(0.006);
  }
}
