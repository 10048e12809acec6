package dev.pipeperf.bake.hcl;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The functions buildx offers bake files (docs/bake-stdlib.md), with go-cty's semantics, one family
 * per class as go-cty's {@code function/stdlib} files split them: {@link NumberFunctions}, {@link
 * StringFunctions}, {@link CollectionFunctions}, {@link EncodingFunctions}, {@link
 * DateTimeFunctions}. Two are stand-ins: {@code bcrypt} (its real output is salted, so random)
 * gives a stable value of the same shape, and {@code rsadecrypt} reports that it is not supported.
 */
public final class Stdlib {

  private Stdlib() {}

  /** A fresh map of all standard functions by name; {@code timestamp()} is the current time. */
  public static Map<String, HclFunction> functions() {
    return functions(Instant.now(), 0L);
  }

  /**
   * A fresh map of all standard functions, with {@code timestamp()} answering {@code now} and
   * {@code uuidv4()} drawing from a generator seeded with {@code seed}, so that an analysis gives
   * the same output on every run.
   */
  public static Map<String, HclFunction> functions(Instant now, long seed) {
    Map<String, HclFunction> functions = new HashMap<>();
    for (FunctionFamily family :
        List.of(
            new NumberFunctions(functions),
            new StringFunctions(functions),
            new CollectionFunctions(functions),
            new EncodingFunctions(functions, new Random(seed)),
            new DateTimeFunctions(functions, now))) {
      family.register();
    }
    return functions;
  }
}
