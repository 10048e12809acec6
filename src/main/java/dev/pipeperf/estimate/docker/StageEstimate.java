package dev.pipeperf.estimate.docker;

import dev.pipeperf.dockerfile.Stage;
import dev.pipeperf.estimate.Estimate;
import java.util.List;

/**
 * What building one stage costs, its instructions one after the other (BuildKit runs a stage's
 * instructions in order), and which stages it needs first so the caller can build the stage DAG.
 *
 * @param stage the stage
 * @param instructions per instruction, {@code FROM} first
 * @param cold the sum of the cold costs
 * @param warm the sum of the warm costs
 * @param invalidated true when an ordinary commit makes some layer of the stage miss the cache
 * @param dependsOn the indexes of the stages that must be built first (its base, {@code COPY
 *     --from}, {@code RUN --mount=from}), without duplicates, in file order
 */
public record StageEstimate(
    Stage stage,
    List<InstructionEstimate> instructions,
    Estimate cold,
    Estimate warm,
    boolean invalidated,
    List<Integer> dependsOn) {

  public StageEstimate {
    instructions = List.copyOf(instructions);
    dependsOn = List.copyOf(dependsOn);
  }

  /** The rough size of the layers this stage adds, in MB (with its base image when one). */
  public double sizeMb() {
    return instructions.stream().mapToDouble(InstructionEstimate::sizeMb).sum();
  }

  /** The size of the layers from the first invalidated one on, in MB. */
  public double changedSizeMb() {
    return instructions.stream()
        .filter(InstructionEstimate::invalidatedByChange)
        .filter(i -> !i.instruction().isFrom())
        .mapToDouble(InstructionEstimate::sizeMb)
        .sum();
  }
}
