package dev.pipeperf.rules;

import java.util.Locale;
import java.util.Set;

/**
 * Files that are a project's test data rather than its pipeline: parser test cases and fixtures,
 * often invalid on purpose (a Dockerfile that must fail to parse, a COPY that must escape its
 * context). Rules leave them alone unless CI builds them.
 */
public final class TestFixtures {

  /** Folder names that hold test inputs, not build inputs. */
  private static final Set<String> FOLDERS =
      Set.of(
          "test", "tests", "testdata", "testfiles", "testfiles-negative", "fixtures", "e2e", "bud");

  private TestFixtures() {}

  /** True when a root-relative path lies in a test-data folder. */
  public static boolean isFixture(String path) {
    String[] parts = path.toLowerCase(Locale.ROOT).split("/");
    for (int i = 0; i < parts.length - 1; i++) {
      if (FOLDERS.contains(parts[i])) {
        return true;
      }
    }
    return false;
  }
}
