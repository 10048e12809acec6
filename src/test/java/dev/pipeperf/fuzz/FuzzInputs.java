package dev.pipeperf.fuzz;

import java.nio.charset.StandardCharsets;

/** Turns a fuzzer's bytes into the text a parser sees, as {@code SourceFile.read} would. */
final class FuzzInputs {

  private FuzzInputs() {}

  /**
   * Decodes leniently (malformed UTF-8 becomes U+FFFD) and drops a leading BOM: real files reach
   * the parsers only as valid text, but the parsers must not care how odd that text is.
   */
  static String text(byte[] data) {
    String s = new String(data, StandardCharsets.UTF_8);
    return !s.isEmpty() && s.charAt(0) == '\uFEFF' ? s.substring(1) : s;
  }
}
