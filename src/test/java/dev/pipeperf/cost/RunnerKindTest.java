package dev.pipeperf.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
  void expressionsAndUnknownLabelsArePricedAsLinuxAndSaySo() {
    RunnerKind expression = kind("${{ matrix.os }}");
    assertThat(expression.sku()).isEqualTo("linux");
    assertThat(expression.assumption()).contains("expression").contains("Linux 2-core");

    RunnerKind unknown = kind("gpu-pool");
    assertThat(unknown.sku()).isEqualTo("linux");
    assertThat(unknown.assumption()).contains("gpu-pool");

    assertThat(RunnerKind.fromLabels(List.of()).assumption()).contains("no runs-on");
  }
}
