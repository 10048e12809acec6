package dev.pipeperf.workspace;

import java.util.ArrayDeque;
import java.util.Deque;

/** Root-relative paths as pipeperf writes them: forward slashes, no {@code ./}, no {@code ..}. */
public final class Paths {

  private Paths() {}

  /**
   * Normalises a root-relative path: {@code ./a//b/../Dockerfile} → {@code a/Dockerfile}; {@code .}
   * and the empty path → {@code ""}. A path that climbs out of the root keeps its leading {@code
   * ..} so callers can tell.
   */
  public static String normalise(String path) {
    if (path == null) {
      return "";
    }
    Deque<String> parts = new ArrayDeque<>();
    for (String p : path.replace('\\', '/').split("/")) {
      if (p.isEmpty() || p.equals(".")) {
        continue;
      }
      if (p.equals("..") && !parts.isEmpty() && !parts.peekLast().equals("..")) {
        parts.removeLast();
      } else {
        parts.addLast(p);
      }
    }
    return String.join("/", parts);
  }

  /** {@code dir/name}, normalised; {@code dir} may be empty for the root. */
  public static String join(String dir, String name) {
    return normalise(dir.isEmpty() ? name : dir + "/" + name);
  }

  /** The folder of a root-relative path: {@code a/b/Dockerfile} → {@code a/b}; a top file → "". */
  public static String parent(String path) {
    String n = normalise(path);
    int slash = n.lastIndexOf('/');
    return slash < 0 ? "" : n.substring(0, slash);
  }

  /** True when the normalised path leaves the root. */
  public static boolean escapesRoot(String path) {
    String n = normalise(path);
    return n.equals("..") || n.startsWith("../") || path.startsWith("/");
  }

  /** True for the file names pipeperf reads as Dockerfiles (spec §2). */
  public static boolean isDockerfileName(String name) {
    if (name.endsWith(".dockerignore")) {
      return false;
    }
    return name.equals("Dockerfile")
        || name.startsWith("Dockerfile.")
        || name.endsWith(".Dockerfile")
        || name.endsWith(".dockerfile")
        || name.equals("Containerfile");
  }

  /** True for bake files found without being named: {@code docker-bake*.hcl|json}. */
  public static boolean isBakeFileName(String name) {
    return name.equals("docker-bake.hcl")
        || name.equals("docker-bake.override.hcl")
        || name.equals("docker-bake.json")
        || name.equals("docker-bake.override.json");
  }
}
