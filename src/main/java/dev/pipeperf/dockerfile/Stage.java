package dev.pipeperf.dockerfile;

import dev.pipeperf.source.Escape;
import dev.pipeperf.source.Location;
import java.util.List;

/**
 * A build stage: a {@code FROM} and the instructions up to the next {@code FROM}.
 *
 * @param index 0-based position in the file ({@code COPY --from=0} names it)
 * @param name the {@code AS} name, lower-cased as BuildKit compares it; null when unnamed
 * @param baseName the image or stage after {@code FROM}, as written, with global {@code ARG}
 *     defaults substituted where they are known
 * @param baseStageIndex the earlier stage this one builds on, null when the base is an image
 * @param platform the {@code --platform} value, as written; null when absent
 * @param location where the {@code FROM} is
 * @param instructions the stage's instructions, its {@code FROM} first
 * @param dependencies what must exist before this stage can build: its base and every {@code COPY
 *     --from} / {@code RUN --mount=from=} source, in file order
 */
public record Stage(
    int index,
    String name,
    String baseName,
    Integer baseStageIndex,
    String platform,
    Location location,
    List<Instruction> instructions,
    List<StageDependency> dependencies) {

  public Stage {
    instructions = List.copyOf(instructions);
    dependencies = List.copyOf(dependencies);
  }

  /** The name users can refer to it by: its {@code AS} name, else its index. */
  public String displayName() {
    return name != null ? Escape.oneLine(name) : String.valueOf(index);
  }

  /** The instructions after {@code FROM}. */
  public List<Instruction> body() {
    return instructions.isEmpty() ? instructions : instructions.subList(1, instructions.size());
  }
}
