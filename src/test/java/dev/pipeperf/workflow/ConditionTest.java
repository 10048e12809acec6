package dev.pipeperf.workflow;

import static dev.pipeperf.workflow.Condition.Outcome.RARELY;
import static dev.pipeperf.workflow.Condition.Outcome.RUNS;
import static dev.pipeperf.workflow.Condition.Outcome.SKIPPED;
import static dev.pipeperf.workflow.Condition.Outcome.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConditionTest {

  static final Condition.EventFacts PR =
      new Condition.EventFacts("pull_request", "refs/pull/", null, true);
  static final Condition.EventFacts PUSH_MAIN =
      new Condition.EventFacts("push", "refs/heads/main", null, false);
  static final Condition.EventFacts PUSH_OTHER =
      new Condition.EventFacts("push", "refs/heads/", "refs/heads/main", false);
  static final Condition.EventFacts TAG =
      new Condition.EventFacts("push", "refs/tags/", null, false);
  static final Condition.EventFacts SCHEDULE =
      new Condition.EventFacts("schedule", "refs/heads/main", null, false);

  @Test
  void literals() {
    assertThat(Condition.evaluate("false", PR)).isEqualTo(SKIPPED);
    assertThat(Condition.evaluate("${{ false }}", PR)).isEqualTo(SKIPPED);
    assertThat(Condition.evaluate("true", PR)).isEqualTo(RUNS);
    assertThat(Condition.evaluate(null, PR)).isEqualTo(RUNS);
    assertThat(Condition.evaluate("0 == 1", PR)).isEqualTo(SKIPPED);
  }

  @Test
  void deployOnPushToMain() {
    String deploy = "github.event_name == 'push' && github.ref == 'refs/heads/main'";
    assertThat(Condition.evaluate(deploy, PUSH_MAIN)).isEqualTo(RUNS);
    assertThat(Condition.evaluate(deploy, PR)).isEqualTo(SKIPPED);
    assertThat(Condition.evaluate(deploy, PUSH_OTHER)).isEqualTo(SKIPPED);
    assertThat(Condition.evaluate(deploy, TAG)).isEqualTo(SKIPPED);
    assertThat(Condition.evaluate("github.event_name != 'pull_request'", PR)).isEqualTo(SKIPPED);
    assertThat(Condition.evaluate("github.ref_name == 'main'", PUSH_MAIN)).isEqualTo(RUNS);
  }

  @Test
  void refKinds() {
    assertThat(Condition.evaluate("startsWith(github.ref, 'refs/tags/')", TAG)).isEqualTo(RUNS);
    assertThat(Condition.evaluate("startsWith(github.ref, 'refs/tags/v')", TAG)).isEqualTo(UNKNOWN);
    assertThat(Condition.evaluate("startsWith(github.ref, 'refs/tags/')", PUSH_MAIN))
        .isEqualTo(SKIPPED);
    assertThat(Condition.evaluate("github.ref == 'refs/heads/develop'", PUSH_OTHER))
        .isEqualTo(UNKNOWN);
    assertThat(Condition.evaluate("github.ref_type == 'tag'", TAG)).isEqualTo(RUNS);
    assertThat(Condition.evaluate("github.event_name == 'schedule'", SCHEDULE)).isEqualTo(RUNS);
    assertThat(Condition.evaluate("github.head_ref == ''", PUSH_MAIN)).isEqualTo(RUNS);
  }

  @Test
  void statusFunctions() {
    assertThat(Condition.evaluate("failure()", PR)).isEqualTo(RARELY);
    assertThat(Condition.evaluate("failure() && github.event_name == 'push'", PR))
        .isEqualTo(SKIPPED);
    assertThat(Condition.evaluate("${{ failure() && needs.x.result == 'failure' }}", PR))
        .isEqualTo(RARELY);
    assertThat(Condition.evaluate("cancelled() || failure()", PR)).isEqualTo(RARELY);
    assertThat(Condition.evaluate("always()", PR)).isEqualTo(RUNS);
    assertThat(Condition.evaluate("!cancelled()", PR)).isEqualTo(RUNS);
    assertThat(Condition.survivesSkippedNeeds("always() && x")).isTrue();
    assertThat(Condition.survivesSkippedNeeds("success()")).isFalse();
  }

  @Test
  void unknownThingsAreAssumedToRun() {
    assertThat(Condition.evaluate("needs.changes.outputs.backend == 'true'", PR))
        .isEqualTo(UNKNOWN);
    assertThat(Condition.evaluate("github.repository == 'o/r'", PR)).isEqualTo(UNKNOWN);
    assertThat(Condition.evaluate("contains(github.event.head_commit.message, '[skip]')", PR))
        .isEqualTo(UNKNOWN);
    assertThat(Condition.evaluate("((( broken", PR)).isEqualTo(UNKNOWN);
    // unknown && false is false; unknown || true is true
    assertThat(Condition.evaluate("inputs.x && github.event_name == 'push'", PR))
        .isEqualTo(SKIPPED);
    assertThat(Condition.evaluate("inputs.x || github.event_name == 'pull_request'", PR))
        .isEqualTo(RUNS);
    // no event name known (a configured rate): event comparisons are unknown
    assertThat(
            Condition.evaluate(
                "github.event_name == 'push'", new Condition.EventFacts(null, null, null, false)))
        .isEqualTo(UNKNOWN);
  }
}
