package dev.pipeperf.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CronScheduleTest {

  static double perMonth(String cron) throws CronSchedule.InvalidCron {
    return CronSchedule.of(cron).runsPerMonth();
  }

  @Test
  void dailyRunsEveryCalendarDay() throws Exception {
    // 365.25 days a year over 12 months (prices.md: 0 3 * * * ≈ 30.4 a month)
    assertThat(perMonth("0 3 * * *")).isCloseTo(365.25 / 12, within(1e-9));
  }

  @Test
  void everyFifteenMinutes() throws Exception {
    assertThat(perMonth("*/15 * * * *")).isCloseTo(96 * 365.25 / 12, within(1e-6));
  }

  @Test
  void weeklyAndWeekdays() throws Exception {
    assertThat(perMonth("30 2 * * SUN")).isCloseTo(52.178 / 12, within(1e-3));
    assertThat(perMonth("0 0 * * 7")).isCloseTo(perMonth("0 0 * * 0"), within(1e-12));
    assertThat(perMonth("0 9 * * 1-5")).isCloseTo(5 * 365.25 / 7 / 12, within(1e-2));
  }

  @Test
  void dayOfMonthOrDayOfWeekWhenBothAreRestricted() throws Exception {
    // POSIX: the 1st of the month OR every Monday
    double either = perMonth("0 0 1 * 1");
    assertThat(either).isGreaterThan(perMonth("0 0 * * 1")).isGreaterThan(perMonth("0 0 1 * *"));
    assertThat(either).isCloseTo(1 + 365.25 / 7 / 12 - 12.0 / 7 / 12, within(1e-2));
    // a field written from * is unrestricted: every other day that is also a Monday
    assertThat(perMonth("0 0 */2 * 1")).isLessThan(perMonth("0 0 * * 1"));
  }

  @Test
  void monthsAndLeapDays() throws Exception {
    assertThat(perMonth("0 0 1 1 *")).isCloseTo(1 / 12.0, within(1e-9));
    assertThat(perMonth("0 0 29 2 *")).isCloseTo(1 / 48.0, within(1e-9));
    assertThat(perMonth("0 0 31 2 *")).isZero();
  }

  @Test
  void gitHubRunsASchedulesAtMostEveryFiveMinutes() throws Exception {
    CronSchedule every = CronSchedule.of("* * * * *");
    assertThat(every.firingsPerDay()).isEqualTo(288);
    assertThat(every.thinned()).isTrue();
    assertThat(every.describe()).contains("at most every 5 minutes");
    assertThat(CronSchedule.of("*/5 * * * *").thinned()).isFalse();
  }

  @Test
  void rejectsWhatGitHubRejects() {
    assertThatThrownBy(() -> CronSchedule.of("@daily")).hasMessageContaining("five-field");
    assertThatThrownBy(() -> CronSchedule.of("0 3 * *")).hasMessageContaining("five fields");
    assertThatThrownBy(() -> CronSchedule.of("61 * * * *")).hasMessageContaining("61");
  }
}
