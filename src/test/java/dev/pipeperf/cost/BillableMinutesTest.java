package dev.pipeperf.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.pipeperf.estimate.DurationRange;
import java.util.List;
import org.junit.jupiter.api.Test;

class BillableMinutesTest {

  final Pricing pricing = Pricing.builtin();

  @Test
  void eachJobIsRoundedUpToTheMinute() {
    assertThat(BillableMinutes.roundedUpMinutes(61)).isEqualTo(2);
    assertThat(BillableMinutes.roundedUpMinutes(60)).isEqualTo(1);
    assertThat(BillableMinutes.roundedUpMinutes(0.4)).isEqualTo(1);
    assertThat(BillableMinutes.roundedUpMinutes(0)).isZero();

    BillableMinutes bill =
        BillableMinutes.of(
            List.of(new JobCharge("lint", RunnerKind.LINUX, DurationRange.ofSeconds(61))), pricing);

    assertThat(bill.minutes()).isEqualTo(Amount.of(2));
    assertThat(bill.dollars().low()).isCloseTo(0.012, within(1e-12));
  }

  @Test
  void matrixInstancesAreBilledOneByOne() {
    // three 5-second instances bill three minutes, not one
    List<JobCharge> charges =
        List.of(
            new JobCharge("test (a)", RunnerKind.LINUX, DurationRange.ofSeconds(5)),
            new JobCharge("test (b)", RunnerKind.LINUX, DurationRange.ofSeconds(5)),
            new JobCharge("test (c)", RunnerKind.LINUX, DurationRange.ofSeconds(5)));

    assertThat(BillableMinutes.of(charges, pricing).minutes()).isEqualTo(Amount.of(3));
  }

  @Test
  void rangesPricesAndSelfHostedJobs() {
    List<JobCharge> charges =
        List.of(
            new JobCharge("build", RunnerKind.LINUX, DurationRange.ofSeconds(290, 330)),
            new JobCharge("win", RunnerKind.WINDOWS, DurationRange.ofMinutes(10, 10)),
            new JobCharge("mac", RunnerKind.MACOS, DurationRange.ofMinutes(2, 3)),
            new JobCharge(
                "own",
                RunnerKind.fromLabels(List.of("self-hosted")),
                DurationRange.ofMinutes(30, 30)));

    BillableMinutes bill = BillableMinutes.of(charges, pricing);

    assertThat(bill.minutes()).isEqualTo(Amount.of(5 + 10 + 2, 6 + 10 + 3));
    assertThat(bill.dollars().low()).isCloseTo(5 * 0.006 + 10 * 0.010 + 2 * 0.062, within(1e-9));
    assertThat(bill.dollars().high()).isCloseTo(6 * 0.006 + 10 * 0.010 + 3 * 0.062, within(1e-9));
    assertThat(bill.lines()).hasSize(4);
    assertThat(bill.lines().get(3).dollars()).isEqualTo(Amount.ZERO);
    assertThat(bill.lines().get(3).assumption()).contains("self-hosted");
    assertThat(bill.linuxEquivalentMinutes().low())
        .isCloseTo(5 + 10 * 0.010 / 0.006 + 2 * 0.062 / 0.006, within(1e-9));
  }
}
