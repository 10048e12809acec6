package dev.pipeperf.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.pipeperf.estimate.DurationRange;
import java.util.List;
import org.junit.jupiter.api.Test;

class MonthlyCostTest {

  final Pricing pricing = Pricing.builtin();
  final CostInputs inputs = new CostInputs(10, 20, 100, 2);

  BillableMinutes bill(double... minutes) {
    List<JobCharge> charges = new java.util.ArrayList<>();
    for (double m : minutes) {
      charges.add(new JobCharge("job", RunnerKind.LINUX, DurationRange.ofMinutes(m, m)));
    }
    return BillableMinutes.of(charges, pricing);
  }

  @Test
  void monthlyCostOfRunnersAndWaitingDevelopers() {
    MonthlyCost month = MonthlyCost.of(bill(5, 10, 1, 5), inputs, DurationRange.ofMinutes(21, 24));

    assertThat(month.runsPerMonth()).isEqualTo(200);
    assertThat(month.billableMinutes()).isEqualTo(Amount.of(21 * 200));
    assertThat(month.runnerDollars().low()).isCloseTo(21 * 200 * 0.006, within(1e-9));
    // 21 min × 200 runs × 2 people = 140 h; 24 min → 160 h
    assertThat(month.waitingHours().low()).isCloseTo(140, within(1e-9));
    assertThat(month.waitingHours().high()).isCloseTo(160, within(1e-9));
    assertThat(month.developerDollars().low()).isCloseTo(14_000, within(1e-6));
  }

  @Test
  void savingsOfAFindingFromTheBillsBeforeAndAfter() {
    // removing seed 004's 5-minute re-tag job from the critical path
    Savings saved =
        Savings.between(bill(5, 10, 1, 5), bill(5, 10, 1), DurationRange.ofMinutes(5, 5), inputs);

    assertThat(saved.billableMinutes()).isEqualTo(Amount.of(5 * 200));
    assertThat(saved.runnerDollars().low()).isCloseTo(5 * 200 * 0.006, within(1e-9));
    assertThat(saved.developerHours().low()).isCloseTo(5 * 200 * 2 / 60.0, within(1e-9));
    assertThat(saved.developerDollars().low()).isCloseTo(5 * 200 * 2 / 60.0 * 100, within(1e-6));
    assertThat(saved.plus(saved).developerHours().low())
        .isCloseTo(2 * saved.developerHours().low(), within(1e-9));
  }

  @Test
  void savingsFromRunnerTimeAlone() {
    Savings saved =
        Savings.ofRunnerTime(
            DurationRange.ofSeconds(30, 45), 0.006, DurationRange.ofSeconds(30, 45), inputs);

    assertThat(saved.billableMinutes().low()).isCloseTo(100, within(1e-9));
    assertThat(saved.billableMinutes().high()).isCloseTo(150, within(1e-9));
    assertThat(saved.runnerDollars().high()).isCloseTo(0.9, within(1e-9));
  }

  @Test
  void breakEvenIsEffortOverHoursSavedPerMonth() {
    // seed 004: 72 hours invested, 54–60 hours saved a month → about 1.2–1.3 months
    BreakEven breakEven = BreakEven.of(72, Amount.of(54, 60));

    assertThat(breakEven.months().low()).isCloseTo(1.2, within(1e-9));
    assertThat(breakEven.months().high()).isCloseTo(72 / 54.0, within(1e-9));
    assertThat(breakEven.format()).isEqualTo("~1.2–1.3 months");
    assertThat(BreakEven.of(10, 0).never()).isTrue();
    assertThat(BreakEven.of(10, 0).format()).isEqualTo("never");
  }

  @Test
  void theDefaultsAreTheDocumentedOnes() {
    assertThat(CostInputs.DEFAULTS).isEqualTo(new CostInputs(12, 21, 90, 1));
    assertThat(CostInputs.DEFAULTS.runsPerMonth()).isEqualTo(252);
  }
}
