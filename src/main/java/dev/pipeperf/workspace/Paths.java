package dev.pipeperf.workspace;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;

/** Root-relative paths as pipeperf writes them: forward slashes, no {@code ./}, no {@code ..}. */
public final class Paths {

  private Paths() {}

  /**
   * Extensions that make a {@code Dockerfile.x}, {@code Dockerfile_x} or {@code x.Dockerfile.y}
   * something else: buildx's build policies ({@code Dockerfile.rego}, {@code Dockerfile_test.rego},
   * loaded beside the Dockerfile they guard), ignore files, templates that a generator turns into a
   * Dockerfile ({@code Dockerfile.template}, buildah's cpp-processed {@code Containerfile.in}),
   * source, documents, data, archives, checksums and editor leftovers. A variant with any other
   * suffix ({@code Dockerfile.dev}, {@code Dockerfile.aarch64}, {@code Dockerfile.2}) is a
   * Dockerfile.
   */
  private static final Set<String> NOT_DOCKERFILE_EXTENSIONS =
      Set.of(
          ("rego dockerignore containerignore " // policies, ignore files
                  + "in template tmpl tpl j2 jinja jinja2 erb mustache hbs gotmpl m4 " // templates
                  + "java class kt scala go py pyc rs ts js mjs cjs rb php cs c h cpp " // source
                  + "sh bash ps1 bat cmd " // scripts
                  + "md markdown rst adoc txt html htm pdf png jpg jpeg gif svg " // documents
                  + "json yml yaml toml xml ini lock sum csv " // data
                  + "gz tgz zip tar xz bz2 zst jar sha256 sha512 md5 sig asc " // archives
                  + "orig rej bak swp tmp out log diff patch") // leftovers
              .split(" "));

  /** The names BuildKit and buildah read when no file is given ({@code -f}). */
  private static final Set<String> DEFAULT_NAMES =
      Set.of("Dockerfile", "dockerfile", "Containerfile", "containerfile");

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

  /**
   * True for the file names pipeperf reads as Dockerfiles without being told (spec §2): the default
   * names ({@code Dockerfile}, {@code Containerfile}, and the lower-case {@code dockerfile}
   * BuildKit falls back to), their variants {@code Dockerfile.x}, {@code Dockerfile-x}, {@code
   * Dockerfile_x} (kaniko's {@code Dockerfile_test_add}, jenkins' {@code Dockerfile-windows}), and
   * {@code x.Dockerfile} / {@code x.dockerfile} / {@code x.Containerfile}; in each case unless the
   * last extension says the file is something else ({@link #NOT_DOCKERFILE_EXTENSIONS}). A file a
   * workflow or bake target names as its Dockerfile is read whatever its name.
   */
  public static boolean isDockerfileName(String name) {
    if (DEFAULT_NAMES.contains(name)) {
      return true;
    }
    int dot = name.lastIndexOf('.');
    if (dot >= 0
        && NOT_DOCKERFILE_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT))) {
      return false;
    }
    String lower = name.toLowerCase(Locale.ROOT);
    return variantOf(name, "Dockerfile")
        || variantOf(name, "Containerfile")
        || lower.endsWith(".dockerfile")
        || lower.endsWith(".containerfile");
  }

  /** {@code Dockerfile.x}, {@code Dockerfile-x}, {@code Dockerfile_x} with a non-empty x. */
  private static boolean variantOf(String name, String stem) {
    return name.length() > stem.length() + 1
        && name.startsWith(stem)
        && ".-_".indexOf(name.charAt(stem.length())) >= 0;
  }

  /** True for bake files found without being named: {@code docker-bake*.hcl|json}. */
  public static boolean isBakeFileName(String name) {
    return name.equals("docker-bake.hcl")
        || name.equals("docker-bake.override.hcl")
        || name.equals("docker-bake.json")
        || name.equals("docker-bake.override.json");
  }
}
