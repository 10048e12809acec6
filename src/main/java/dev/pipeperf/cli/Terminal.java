package dev.pipeperf.cli;

import java.util.Map;

/** What pipeperf knows of where it prints: whether colour is wanted. */
record Terminal(boolean interactive, Map<String, String> env) {

  /** Colour only on a terminal, never with {@code NO_COLOR} (no-color.org) or {@code TERM=dumb}. */
  boolean colour() {
    return interactive && !env.containsKey("NO_COLOR") && !"dumb".equals(env.get("TERM"));
  }
}
