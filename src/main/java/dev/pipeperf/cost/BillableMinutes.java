package dev.pipeperf.cost;

import java.util.ArrayList;
import java.util.List;

/**
 * What one run of a pipeline bills (spec §7): for each job instance, its duration rounded up to the
 * whole minute (GitHub rounds each job separately, so a 61 s job bills 2 minutes and ten 5 s jobs
 * bill 10) times its runner's per-minute price. Self-hosted jobs bill nothing and do not count
 * towards the billable minutes; nor do vendor runners (their dollars are the vendor's).
 *
 * @param lines one per job instance, in input order
 * @param minutes billable minutes per run, {@code [low, high]}
 * @param linuxEquivalentMinutes minutes weighted by each runner's price relative to Linux 2-core
 *     (GitHub's former "minute multiplier")
 * @param dollars USD per run
 */
public record BillableMinutes(
    List<Line> lines, Amount minutes, Amount linuxEquivalentMinutes, Amount dollars) {

  public BillableMinutes {
    lines = List.copyOf(lines);
  }

  /**
   * One job instance's bill.
   *
   * @param jobLabel the job as reports name it
   * @param kind its runner
   * @param price the price used
   * @param minutes rounded-up minutes, {@code [low, high]}
   * @param dollars USD, {@code [low, high]}
   * @param assumption what had to be assumed about the runner; null when nothing
   */
  public record Line(
      String jobLabel,
      RunnerKind kind,
      Pricing.RunnerPrice price,
      Amount minutes,
      Amount dollars,
      String assumption) {}

  /** Bills a run's job instances at the given prices. */
  public static BillableMinutes of(List<JobCharge> charges, Pricing pricing) {
    List<Line> lines = new ArrayList<>();
    Amount minutes = Amount.ZERO;
    Amount weighted = Amount.ZERO;
    Amount dollars = Amount.ZERO;
    for (JobCharge charge : charges) {
      Pricing.Priced priced = pricing.price(charge.kind());
      Amount jobMinutes =
          Amount.of(
              roundedUpMinutes(charge.duration().low()),
              roundedUpMinutes(charge.duration().high()));
      Amount jobDollars = jobMinutes.times(priced.price().perMinute());
      lines.add(
          new Line(
              charge.jobLabel(),
              charge.kind(),
              priced.price(),
              jobMinutes,
              jobDollars,
              priced.assumption()));
      if (charge.kind().githubBilled()) {
        minutes = minutes.plus(jobMinutes);
        weighted = weighted.plus(jobMinutes.times(pricing.multiplier(charge.kind())));
      }
      dollars = dollars.plus(jobDollars);
    }
    return new BillableMinutes(lines, minutes, weighted, dollars);
  }

  /** GitHub's rounding: whole minutes, any part of a minute counts as one; 0 s bills 0. */
  public static long roundedUpMinutes(double seconds) {
    long millis = Math.round(seconds * 1000);
    return millis <= 0 ? 0 : (millis + 59_999) / 60_000;
  }
}
