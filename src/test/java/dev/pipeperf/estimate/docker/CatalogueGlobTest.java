package dev.pipeperf.estimate.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@link Globs#matchesWhole} matches exactly as the regex it replaced (a speed fix, issue 10). */
class CatalogueGlobTest {

  @Test
  void examples() {
    assertThat(Globs.matchesWhole("python:3*", "PYTHON:3.12-slim")).isTrue();
    assertThat(Globs.matchesWhole("*/node", "library/node")).isTrue();
    assertThat(Globs.matchesWhole("node?", "node")).isFalse();
    assertThat(Globs.matchesWhole("a*b*c", "axxbyyc")).isTrue();
    assertThat(Globs.matchesWhole("a*b*c", "axxbyyd")).isFalse();
    assertThat(Globs.matchesWhole("a*", "a\nb")).isFalse();
    assertThat(Globs.matchesWhole("", "")).isTrue();
  }

  @Test
  void agreesWithTheRegexTranslationOnRandomInputs() {
    Random random = new Random(10);
    String alphabet = "aAbB*?.-/\n\u00e9\u00c9";
    for (int i = 0; i < 20_000; i++) {
      String glob = random(random, alphabet, 6);
      String text = random(random, alphabet.replace("*", "").replace("?", "") + "*?", 8);
      assertThat(Globs.matchesWhole(glob, text))
          .as("%s ~ %s", glob, text)
          .isEqualTo(regex(glob, text));
    }
    for (String glob : List.of("*", "**", "*a*", "?*?")) {
      assertThat(Globs.matchesWhole(glob, "")).isEqualTo(regex(glob, ""));
    }
  }

  private static String random(Random random, String alphabet, int max) {
    StringBuilder s = new StringBuilder();
    for (int n = random.nextInt(max + 1); n > 0; n--) {
      s.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return s.toString();
  }

  private static boolean regex(String glob, String text) {
    StringBuilder re = new StringBuilder();
    for (char c : glob.toCharArray()) {
      switch (c) {
        case '*' -> re.append(".*");
        case '?' -> re.append('.');
        default -> re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE).matcher(text).matches();
  }
}
