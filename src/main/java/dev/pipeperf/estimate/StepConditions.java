package dev.pipeperf.estimate;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The few step {@code if:} conditions whose outcome on a typical run is known without running
 * anything: a comparison of {@code runner.os} with a literal (the runner's labels say which OS it
 * is), and conditions that hold only when a previous step failed or the run was cancelled. Anything
 * else is assumed to run.
 */
final class StepConditions {

  private static final Pattern RUNNER_OS =
      Pattern.compile(
          "^runner\\.os\\s*(==|!=)\\s*(?:'([^']*)'|\"([^\"]*)\")$", Pattern.CASE_INSENSITIVE);

  /** {@code failure()} or {@code cancelled()}, alone or as the first operand of {@code &&}. */
  private static final Pattern ON_FAILURE =
      Pattern.compile("^!?\\s*(failure|cancelled)\\(\\)\\s*(&&.*)?$", Pattern.DOTALL);

  private StepConditions() {}

  /**
   * Why a step with this condition does not run on a typical run of a runner with this OS, or null
   * when it runs (or pipeperf cannot tell).
   *
   * @param condition the {@code if:} text, with or without {@code ${{ }}}; null when absent
   * @param runnerOs {@code linux}, {@code macos}, {@code windows}, or null when unknown
   */
  static String skippedBecause(String condition, String runnerOs) {
    if (condition == null) {
      return null;
    }
    String c = condition.strip();
    if (c.startsWith("${{") && c.endsWith("}}")) {
      c = c.substring(3, c.length() - 2).strip();
    }
    Matcher f = ON_FAILURE.matcher(c);
    if (f.matches() && !c.startsWith("!")) {
      return "runs only when an earlier step failed or the run was cancelled (if: " + c + ")";
    }
    Matcher m = RUNNER_OS.matcher(c);
    if (m.matches() && runnerOs != null) {
      String want = (m.group(2) != null ? m.group(2) : m.group(3)).toLowerCase(Locale.ROOT);
      boolean equal = want.equals(runnerOs);
      boolean runs = m.group(1).equals("==") == equal;
      if (!runs) {
        return "skipped on this runner (if: " + c + ")";
      }
    }
    return null;
  }
}
