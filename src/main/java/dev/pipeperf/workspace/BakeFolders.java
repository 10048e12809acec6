package dev.pipeperf.workspace;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code docker buildx bake} reads in a folder when no file is named: compose files first,
 * then the bake files. pipeperf evaluates only the bake files, so where compose files exist it does
 * not see every target and must not say that one is missing.
 */
public final class BakeFolders {

  /** compose-go's default and override names, which buildx bake reads before its own files. */
  public static final List<String> COMPOSE_FILES =
      List.of(
          "compose.yaml",
          "compose.yml",
          "docker-compose.yml",
          "docker-compose.yaml",
          "compose.override.yaml",
          "compose.override.yml",
          "docker-compose.override.yml",
          "docker-compose.override.yaml");

  private BakeFolders() {}

  /** True when the root-relative folder {@code dir} ("" or null = the root) has a compose file. */
  public static boolean hasComposeFile(Path root, String dir) {
    if (dir != null && Paths.escapesRoot(dir)) {
      return false;
    }
    Path folder = dir == null || dir.isEmpty() ? root : root.resolve(dir);
    return COMPOSE_FILES.stream().anyMatch(n -> Files.isRegularFile(folder.resolve(n)));
  }
}
