package dev.pipeperf.source;

/** How much a diagnostic or a finding matters, from most to least. */
public enum Severity {
  BLOCKER,
  HIGH,
  MEDIUM,
  LOW,
  INFO;

  /** The lower-case word users write in config and on the command line. */
  public String word() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Parses a user's word ({@code high}, {@code HIGH}); null when it is not one. */
  public static Severity fromWord(String word) {
    for (Severity s : values()) {
      if (s.word().equalsIgnoreCase(word.trim())) {
        return s;
      }
    }
    return null;
  }

  /** True when this is at least as serious as {@code other}. */
  public boolean atLeast(Severity other) {
    return ordinal() <= other.ordinal();
  }
}
