package dev.pipeperf.workspace;

import java.util.ArrayDeque;
import java.util.Deque;

/** Root-relative paths as pipeperf writes them: forward slashes, no {@code ./}, no {@code ..}. */
public final class Paths {

  private Paths() {}

  /**
   * {@code Dockerfile.java}, {@code Dockerfile.class}, {@code Dockerfile.md}: source, binaries and
   * documents that happen to be named after Dockerfiles.
   */
  private static final java.util.regex.Pattern NOT_DOCKERFILE =
      java.util.regex.Pattern.compile(
          "^Dockerfile\\.(java|class|kt|scala|go|py|pyc|rs|ts|js|mjs|rb|php|cs|c|h|cpp|sh|md|txt|json|ya?ml|toml|html|xml|orig|rej|bak|swp|jar|out|log)$",
          java.util.regex.Pattern.CASE_INSENSITIVE);

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
    if (name.endsWith(".dockerignore") || NOT_DOCKERFILE.matcher(name).find()) {
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
