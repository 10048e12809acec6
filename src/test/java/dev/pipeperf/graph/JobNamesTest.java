package dev.pipeperf.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipeperf.source.Location;
import dev.pipeperf.workflow.Job;
import dev.pipeperf.workflow.Matrix;
import dev.pipeperf.workflow.MatrixInstance;
import dev.pipeperf.workflow.Strategy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobNamesTest {

  static JobInstance instance(String id, String name, Map<String, Object> matrix) {
    return of(id, name, matrix, false, null);
  }

  static JobInstance dynamic(String id, String name) {
    return of(id, name, Map.of(), true, null);
  }

  static JobInstance calledBy(JobInstance callee, JobInstance caller) {
    return of(
        callee.job().id(),
        callee.job().name(),
        callee.instance() == null ? Map.of() : callee.instance().values(),
        JobNames.dynamicMatrix(callee),
        caller);
  }

  /** A graph job instance with only what naming reads: id, name, matrix values, caller. */
  static JobInstance of(
      String id, String name, Map<String, Object> values, boolean dynamic, JobInstance caller) {
    Location at = Location.ofFile("ci.yml");
    MatrixInstance mi = values.isEmpty() ? null : new MatrixInstance(values);
    Strategy strategy =
        values.isEmpty() && !dynamic
            ? null
            : new Strategy(
                new Matrix(
                    List.copyOf(values.keySet()),
                    mi == null ? List.of() : List.of(mi),
                    dynamic,
                    at),
                null,
                true,
                at);
    Job job =
        new Job(
            id, name, at, null, List.of(), null, strategy, null, null, null, List.of(), Map.of(),
            null, null, Map.of(), null, List.of());
    return new JobInstance(
        "ci.yml:" + id, "ci.yml", "ci.yml", id, id, job, mi, null, "linux", at, caller);
  }

  static Map<String, Object> matrix(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  static String display(JobInstance instance) {
    return JobNames.displayName(instance).text();
  }

  @Test
  void aJobWithoutNameShowsItsId() {
    assertThat(display(instance("lint", null, Map.of()))).isEqualTo("lint");
  }

  @Test
  void matrixInstancesGetTheirValuesAppendedInKeyOrder() {
    assertThat(display(instance("test", null, matrix("python", "3.12", "os", "ubuntu-latest"))))
        .isEqualTo("test (3.12, ubuntu-latest)");
    assertThat(display(instance("test", "Tests", matrix("python", 3.1, "node", 20))))
        .as("a name without a matrix expression still gets the values")
        .isEqualTo("Tests (3.1, 20)");
  }

  @Test
  void nestedMatrixObjectsAreFlattenedAndEmptyValuesLeftOut() {
    Map<String, Object> target = matrix("os", "ubuntu-latest", "arch", "arm64");
    assertThat(display(instance("build", null, matrix("target", target, "extra", ""))))
        .isEqualTo("build (ubuntu-latest, arm64)");
  }

  @Test
  void aNameTemplateIsEvaluatedAndGetsNoSuffix() {
    JobInstance instance =
        instance(
            "test",
            "Test on ${{ matrix.os }} / py${{ matrix['python'] }}",
            matrix("python", "3.12", "os", "windows-latest"));
    assertThat(display(instance)).isEqualTo("Test on windows-latest / py3.12");
  }

  @Test
  void unevaluableExpressionsMatchAnything() {
    JobInstance instance = instance("deploy", "Deploy to ${{ inputs.environment }}", Map.of());

    JobNames.DisplayName name = JobNames.displayName(instance);

    assertThat(name.exact()).isFalse();
    assertThat(name.text()).isEqualTo("Deploy to *");
    assertThat(JobNames.match(List.of(instance), List.of("Deploy to staging")).matches())
        .singleElement()
        .extracting(JobNames.Match::observed)
        .isEqualTo("Deploy to staging");
  }

  @Test
  void reusableWorkflowJobsShowAsCallerSlashCallee() {
    JobInstance caller = instance("build", null, matrix("service", "web"));
    JobInstance callee = calledBy(instance("docker", "Build image", Map.of()), caller);

    assertThat(display(callee)).isEqualTo("build (web) / Build image");
  }

  @Test
  void matchesInstancesAndListsObservedNamesThatMatchedNothing() {
    List<JobInstance> instances =
        List.of(
            instance("lint", null, Map.of()),
            instance("test", null, matrix("python", "3.12", "os", "ubuntu-latest")),
            instance("test", null, matrix("python", "3.12", "os", "windows-latest")),
            instance("test", null, matrix("python", "3.13", "os", "ubuntu-latest")),
            instance("e2e", "E2E (${{ matrix.shard }}/4)", matrix("shard", 1)),
            instance("deploy", null, Map.of()));
    List<String> observed =
        List.of(
            "lint",
            "test (3.12, ubuntu-latest)",
            "test (3.12, windows-latest)",
            "E2E (1/4)",
            "deploy",
            "Dependabot",
            "old-job");

    JobNames.Result result = JobNames.match(instances, observed);

    assertThat(result.matches())
        .extracting(JobNames.Match::observed)
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
            instance("any", "${{ github.event_name }}", Map.of()),
            instance("lint", null, Map.of()));

    JobNames.Result result = JobNames.match(instances, List.of("lint", "push"));

    assertThat(result.matches())
        .extracting(JobNames.Match::observed)
        .containsExactly("push", "lint");
    assertThat(result.unmatchedObserved()).isEmpty();
  }

  @Test
  void aDynamicMatrixTakesEveryInstanceThatFits() {
    JobInstance dynamic = dynamic("shard", null);
    JobInstance named = dynamic("e2e", "E2E ${{ matrix.browser }}");

    assertThat(display(dynamic)).isEqualTo("shard (*)");
    assertThat(display(named)).isEqualTo("E2E *");
    JobNames.Result result =
        JobNames.match(
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
    JobInstance instance = instance("deploy", "Deploy ${{ inputs.env }}", Map.of());

    JobNames.Result result = JobNames.match(List.of(instance), List.of("Deploy a", "Deploy b"));

    assertThat(result.matches().get(0).allObserved()).containsExactly("Deploy a");
    assertThat(result.unmatchedObserved()).containsExactly("Deploy b");
  }
}
