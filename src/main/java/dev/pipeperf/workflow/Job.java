package dev.pipeperf.workflow;

import dev.pipeperf.source.Escape;
import dev.pipeperf.source.Location;
import java.util.List;
import java.util.Map;

/**
 * One job of a workflow.
 *
 * @param id the key under {@code jobs:}
 * @param name {@code name:} as written (may hold expressions), or null
 * @param runsOn the runner, or null for reusable-workflow calls
 * @param needs upstream jobs, each where it is written
 * @param strategy matrix and its limits, or null
 * @param timeoutMinutes {@code timeout-minutes}, or null when absent (GitHub's default is 360)
 * @param uses for a reusable-workflow call: {@code ./.github/workflows/x.yml} or a remote ref
 * @param with the {@code with:} of a reusable-workflow call
 * @param steps the steps, in order; parallel groups are steps holding steps
 */
public record Job(
    String id,
    String name,
    Location location,
    RunsOn runsOn,
    List<Need> needs,
    String ifCondition,
    Strategy strategy,
    Integer timeoutMinutes,
    Location timeoutLocation,
    Container container,
    List<Container> services,
    Map<String, String> outputs,
    String environment,
    String uses,
    Map<String, String> with,
    Concurrency concurrency,
    List<Step> steps) {

  /** GitHub's default when {@code timeout-minutes} is absent. */
  public static final int DEFAULT_TIMEOUT_MINUTES = 360;

  public Job {
    needs = List.copyOf(needs);
    services = List.copyOf(services);
    outputs = Map.copyOf(outputs);
    with = Map.copyOf(with);
    steps = List.copyOf(steps);
  }

  /** What GitHub shows when no matrix value is added: {@code name}, or the id. */
  public String displayName() {
    return Escape.oneLine(name != null ? name : id);
  }

  public boolean callsReusableWorkflow() {
    return uses != null;
  }

  /**
   * True for {@code uses: ./...} and {@code uses: $/...} (GitHub's reference to the calling
   * repository, resolved like {@code ./}): a workflow file of this repository.
   */
  public boolean callsLocalWorkflow() {
    return uses != null && (uses.startsWith("./") || uses.startsWith("$/"));
  }

  /**
   * The repository path of a local reusable workflow ({@code ./.github/workflows/x.yml@ref} or
   * {@code $/.github/workflows/x.yml}): the prefix and any ref dropped.
   */
  public static String localWorkflowPath(String uses) {
    String path = uses.substring(2);
    int at = path.indexOf('@');
    return at >= 0 ? path.substring(0, at) : path;
  }

  public List<String> needIds() {
    return needs.stream().map(Need::jobId).toList();
  }

  /** Every step, parallel groups flattened, in file order. */
  public List<Step> allSteps() {
    return Step.flatten(steps);
  }
}
