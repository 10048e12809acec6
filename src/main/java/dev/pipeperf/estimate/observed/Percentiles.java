package dev.pipeperf.estimate.observed;

import dev.pipeperf.estimate.DurationRange;
import java.util.List;

/**
 * Nearest-rank percentiles: the p-th percentile of n sorted samples is the sample at rank ⌈p/100 ×
 * n⌉. Every figure reported is therefore one that was really observed (no interpolated durations),
 * and with one sample p50 = p90 = that sample. With 3 samples p50 is the median and p90 the
 * slowest; with 10, p90 is the 9th.
 */
final class Percentiles {

  private Percentiles() {}

  /** The nearest-rank percentile of samples; they need not be sorted. */
  static double of(List<Double> samples, double percentile) {
    if (samples.isEmpty()) {
      throw new IllegalArgumentException("no samples");
    }
    double[] sorted = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
  }

  /** {@code [p50, p90]}, the range pipeperf uses for observed durations (spec §6.3). */
  static DurationRange p50p90(List<Double> samples) {
    return DurationRange.ofSeconds(of(samples, 50), of(samples, 90));
  }
}
