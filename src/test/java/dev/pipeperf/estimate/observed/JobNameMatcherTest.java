package dev.pipeperf.estimate.observed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipeperf.estimate.observed.JobNameMatcher.JobInstance;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobNameMatcherTest {

  static Map<String, Object> matrix(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  static String display(JobInstance instance) {
    return JobNameMatcher.displayName(instance).text();
  }

  @Test
  void aJobWithoutNameShowsItsId() {
    assertThat(display(JobInstance.of("lint", null, Map.of()))).isEqualTo("lint");
  }

  @Test
  void matrixInstancesGetTheirValuesAppendedInKeyOrder() {
    assertThat(
            display(JobInstance.of("test", null, matrix("python", "3.12", "os", "ubuntu-latest"))))
        .isEqualTo("test (3.12, ubuntu-latest)");
    assertThat(display(JobInstance.of("test", "Tests", matrix("python", 3.1, "node", 20))))
        .as("a name without a matrix expression still gets the values")
        .isEqualTo("Tests (3.1, 20)");
  }

  @Test
  void nestedMatrixObjectsAreFlattenedAndEmptyValuesLeftOut() {
    Map<String, Object> target = matrix("os", "ubuntu-latest", "arch", "arm64");
    assertThat(display(JobInstance.of("build", null, matrix("target", target, "extra", ""))))
        .isEqualTo("build (ubuntu-latest, arm64)");
  }

  @Test
  void aNameTemplateIsEvaluatedAndGetsNoSuffix() {
    JobInstance instance =
        JobInstance.of(
            "test",
            "Test on ${{ matrix.os }} / py${{ matrix['python'] }}",
            matrix("python", "3.12", "os", "windows-latest"));
    assertThat(display(instance)).isEqualTo("Test on windows-latest / py3.12");
  }

  @Test
  void unevaluableExpressionsMatchAnything() {
    JobInstance instance =
        JobInstance.of("deploy", "Deploy to ${{ inputs.environment }}", Map.of());

    JobNameMatcher.DisplayName name = JobNameMatcher.displayName(instance);

    assertThat(name.exact()).isFalse();
    assertThat(name.text()).isEqualTo("Deploy to *");
    assertThat(JobNameMatcher.match(List.of(instance), List.of("Deploy to staging")).matches())
        .singleElement()
        .extracting(JobNameMatcher.Match::observed)
        .isEqualTo("Deploy to staging");
  }

  @Test
  void reusableWorkflowJobsShowAsCallerSlashCallee() {
    JobInstance caller = JobInstance.of("build", null, matrix("service", "web"));
    JobInstance callee = JobInstance.of("docker", "Build image", Map.of()).calledBy(caller);

    assertThat(display(callee)).isEqualTo("build (web) / Build image");
  }

  @Test
  void matchesInstancesAndListsObservedNamesThatMatchedNothing() {
    List<JobInstance> instances =
        List.of(
            JobInstance.of("lint", null, Map.of()),
            JobInstance.of("test", null, matrix("python", "3.12", "os", "ubuntu-latest")),
            JobInstance.of("test", null, matrix("python", "3.12", "os", "windows-latest")),
            JobInstance.of("test", null, matrix("python", "3.13", "os", "ubuntu-latest")),
            JobInstance.of("e2e", "E2E (${{ matrix.shard }}/4)", matrix("shard", 1)),
            JobInstance.of("deploy", null, Map.of()));
    List<String> observed =
        List.of(
            "lint",
            "test (3.12, ubuntu-latest)",
            "test (3.12, windows-latest)",
            "E2E (1/4)",
            "deploy",
            "Dependabot",
            "old-job");

    JobNameMatcher.Result result = JobNameMatcher.match(instances, observed);

    assertThat(result.matches())
        .extracting(JobNameMatcher.Match::observed)
        .containsExactly(
            "lint",
            "test (3.12, ubuntu-latest)",
            "test (3.12, windows-latest)",
            null,
            "E2E (1/4)",
            "deploy");
    assertThat(result.matches().get(3).expected().text()).isEqualTo("test (3.13, ubuntu-latest)");
    assertThat(result.unmatchedObserved()).containsExactly("Dependabot", "old-job");
  }

  @Test
  void exactNamesWinOverWildcards() {
    List<JobInstance> instances =
        List.of(
            JobInstance.of("any", "${{ github.event_name }}", Map.of()),
            JobInstance.of("lint", null, Map.of()));

    JobNameMatcher.Result result = JobNameMatcher.match(instances, List.of("lint", "push"));

    assertThat(result.matches())
        .extracting(JobNameMatcher.Match::observed)
        .containsExactly("push", "lint");
    assertThat(result.unmatchedObserved()).isEmpty();
  }

  @Test
  void aDynamicMatrixTakesEveryInstanceThatFits() {
    JobInstance dynamic = JobInstance.withDynamicMatrix("shard", null);
    JobInstance named = JobInstance.withDynamicMatrix("e2e", "E2E ${{ matrix.browser }}");

    assertThat(display(dynamic)).isEqualTo("shard (*)");
    assertThat(display(named)).isEqualTo("E2E *");
    JobNameMatcher.Result result =
        JobNameMatcher.match(
            List.of(dynamic, named),
            List.of("shard (1, linux)", "shard (2, linux)", "E2E chromium", "E2E firefox", "lint"));

    assertThat(result.matches().get(0).allObserved())
        .containsExactly("shard (1, linux)", "shard (2, linux)");
    assertThat(result.matches().get(1).allObserved())
        .containsExactly("E2E chromium", "E2E firefox");
    assertThat(result.unmatchedObserved()).containsExactly("lint");
  }

  @Test
  void aWildcardOfAKnownInstanceTakesOnlyOneName() {
    JobInstance instance = JobInstance.of("deploy", "Deploy ${{ inputs.env }}", Map.of());

    JobNameMatcher.Result result =
        JobNameMatcher.match(List.of(instance), List.of("Deploy a", "Deploy b"));

    assertThat(result.matches().get(0).allObserved()).containsExactly("Deploy a");
    assertThat(result.unmatchedObserved()).containsExactly("Deploy b");
  }
}
