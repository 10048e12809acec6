package dev.pipeperf.estimate;

/**
 * Where a duration came from, in precedence order (spec §6): a user's config override beats
 * observed run data, which beats the catalogue, which beats a default.
 */
public enum Provenance {
  CONFIG("config"),
  OBSERVED("observed"),
  CATALOGUE("catalogue"),
  HEURISTIC("heuristic"),
  DEFAULT("default");

  private final String word;

  Provenance(String word) {
    this.word = word;
  }

  public String word() {
    return word;
  }
}
