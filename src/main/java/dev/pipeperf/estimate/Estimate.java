package dev.pipeperf.estimate;

/**
 * A duration with its provenance and a short note saying which rule of the catalogue, which config
 * key or which observed runs it came from.
 */
public record Estimate(DurationRange range, Provenance provenance, String source) {

  public static Estimate of(DurationRange range, Provenance provenance, String source) {
    return new Estimate(range, provenance, source);
  }

  public static Estimate zero(String source) {
    return new Estimate(DurationRange.ZERO, Provenance.DEFAULT, source);
  }
}
