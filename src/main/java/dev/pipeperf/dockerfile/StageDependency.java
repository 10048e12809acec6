package dev.pipeperf.dockerfile;

import dev.pipeperf.source.Location;

/**
 * Something a stage needs before it can be built: an earlier stage or an external image.
 *
 * @param kind which instruction created the need
 * @param stageIndex the stage depended upon, null when it is an external image
 * @param image the image reference when external (after global ARG substitution), else null
 * @param location the instruction or flag that creates the dependency
 */
public record StageDependency(Kind kind, Integer stageIndex, String image, Location location) {

  /** The instruction that creates a dependency. */
  public enum Kind {
    /** {@code FROM stage} or {@code FROM image}. */
    FROM,
    /** {@code COPY --from=...} or {@code ADD --from=...}. */
    COPY_FROM,
    /** {@code RUN --mount=...,from=...}. */
    RUN_MOUNT_FROM
  }

  public boolean isStage() {
    return stageIndex != null;
  }
}
