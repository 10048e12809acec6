package dev.pipeperf.rules.workflow;

import dev.pipeperf.shell.Command;
import dev.pipeperf.shell.ShellCommands;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A third-party project fetched and built from source inside one {@code run:} script: {@code git
 * clone URL} (or a release tarball downloaded with curl/wget), then an install of that checkout
 * ({@code make install}, {@code cmake --install}, {@code pip install .}, {@code cargo install
 * --path}, {@code go install ./...}). Found only when the source is pinned to a version: a clone of
 * a moving branch tests the latest code on purpose, and no cache key could name it.
 *
 * @param project the project's name, from its URL
 * @param version the pinned version as written (a literal, or a variable such as {@code
 *     ${WOLFSSL_VERSION}})
 * @param start where the fetch starts in the script
 * @param end where the install command's line ends in the script
 * @param installer how it is installed: {@code make}, {@code cmake}, {@code pip}, {@code cargo},
 *     {@code go}, {@code meson}, {@code ninja}, {@code setup.py}
 * @param prefix the install prefix the script names ({@code --prefix=}, {@code
 *     -DCMAKE_INSTALL_PREFIX=}), or null for the default
 */
record SourceBuild(
    String project, String version, int start, int end, String installer, String prefix) {

  private static final Pattern ARCHIVE =
      Pattern.compile("(?i)\\.(tar\\.gz|tgz|tar\\.xz|txz|tar\\.bz2|tbz2|zip)$|/archive/");

  /** A version: digits with a dot, a commit hash, or a variable named like one. */
  private static final Pattern PINNED =
      Pattern.compile(
          "\\d+\\.\\d+|^[0-9a-f]{7,40}$"
              + "|\\$\\{?\\{?[\\s\\u00a0]*(?:env\\.|inputs\\.|matrix\\.|vars\\.)?\\w*(?i:version|_ver\\b|tag|sha|commit|rev)\\w*");

  private static final Pattern PREFIX =
      Pattern.compile("(?:--prefix[= ]|-DCMAKE_INSTALL_PREFIX[:A-Z]*=)(['\"]?)([^'\"\\s]+)\\1");

  /**
   * The source builds of a script, in order (one per fetch that is followed by an install of it).
   *
   * @param ownName the analysed repository's own name: a clone of itself is not third-party
   */
  static List<SourceBuild> find(String script, String ownName) {
    if (script == null) {
      return List.of();
    }
    // Spaces inside ${{ }} would split one expression into words: keep the offsets, join the words.
    List<Command> cmds = ShellCommands.split(joinExpressions(script));
    List<SourceBuild> out = new java.util.ArrayList<>();
    for (int i = 0; i < cmds.size(); i++) {
      Fetch f = fetch(cmds.get(i));
      if (f == null || f.project().equalsIgnoreCase(ownName)) {
        continue;
      }
      String version = f.version();
      boolean entered = false;
      for (int k = i + 1; k < cmds.size(); k++) {
        Command c = cmds.get(k);
        List<String> inv = c.invocation();
        if (inv.isEmpty()) {
          continue;
        }
        if (fetch(c) != null) {
          break;
        }
        String words = String.join(" ", inv);
        String lower = words.toLowerCase(Locale.ROOT);
        if (inv.get(0).equals("cd")) {
          entered |=
              lower.contains(f.project().toLowerCase(Locale.ROOT)) || lower.contains(f.dir());
        }
        if (version == null
            && inv.size() >= 3
            && inv.get(0).equals("git")
            && inv.get(1).equals("checkout")) {
          version = pinned(inv.get(inv.size() - 1));
        }
        String installer = installer(inv);
        if (installer == null) {
          continue;
        }
        boolean namesIt =
            lower.contains(f.project().toLowerCase(Locale.ROOT)) || lower.contains(f.dir());
        if (version != null && (entered || namesIt)) {
          int lineEnd = script.indexOf('\n', c.offset());
          out.add(
              new SourceBuild(
                  f.project(),
                  version,
                  cmds.get(i).offset(),
                  lineEnd < 0 ? script.length() : lineEnd,
                  installer,
                  prefix(script.substring(cmds.get(i).offset(), Math.max(c.offset(), 0)))));
        }
        break;
      }
    }
    return out;
  }

  /** The script with the spaces inside {@code ${{ }}} replaced by no-break spaces (same length). */
  private static String joinExpressions(String script) {
    StringBuilder sb = new StringBuilder(script);
    int from = 0;
    while (true) {
      int open = script.indexOf("${{", from);
      int close = open < 0 ? -1 : script.indexOf("}}", open);
      if (close < 0) {
        return sb.toString();
      }
      for (int i = open; i < close; i++) {
        if (sb.charAt(i) == ' ') {
          sb.setCharAt(i, NBSP);
        }
      }
      from = close + 2;
    }
  }

  private static final char NBSP = '\u00a0';

  /** A fetch of sources: what, which version, and the folder it lands in. */
  private record Fetch(String project, String version, String dir) {}

  private static Fetch fetch(Command c) {
    List<String> w = c.words();
    for (int i = 0; i + 1 < w.size(); i++) {
      if (w.get(i).equals("git") && w.get(i + 1).equals("clone")) {
        String url = null;
        String branch = null;
        String dir = null;
        for (int k = i + 2; k < w.size(); k++) {
          String a = w.get(k);
          if ((a.equals("--branch") || a.equals("-b")) && k + 1 < w.size()) {
            branch = w.get(++k);
          } else if (a.startsWith("--branch=")) {
            branch = a.substring("--branch=".length());
          } else if (a.startsWith("-")) {
            if (a.equals("--depth") || a.equals("-c") || a.equals("--origin") || a.equals("-o")) {
              k++;
            }
          } else if (url == null) {
            url = a;
          } else if (dir == null) {
            dir = a;
          }
        }
        if (url == null || !url.matches("(?i)(https?|git|ssh)://.*|git@.*")) {
          return null;
        }
        String project = repoName(url);
        if (project == null) {
          return null;
        }
        return new Fetch(
            project, branch == null ? null : pinned(branch), dir != null ? dir : project);
      }
    }
    String program = c.program();
    if ("curl".equals(program) || "wget".equals(program)) {
      for (String a : w) {
        if (a.matches("(?i)https?://.*") && ARCHIVE.matcher(a).find()) {
          return archive(a);
        }
      }
    }
    return null;
  }

  /** A release tarball: {@code …/NAME/archive/refs/tags/vX.tar.gz} or {@code …/NAME-X.tar.gz}. */
  private static Fetch archive(String url) {
    Matcher gh =
        Pattern.compile(
                "(?i)github\\.com/[^/]+/([^/]+)/(?:archive/(?:refs/tags/)?|releases/download/)([^/]+)")
            .matcher(url);
    if (gh.find()) {
      String tag = gh.group(2).replaceFirst("(?i)\\.(tar\\.gz|tgz|tar\\.xz|tar\\.bz2|zip)$", "");
      String v = pinned(tag);
      return v == null ? null : new Fetch(gh.group(1), v, gh.group(1));
    }
    String file = url.substring(url.lastIndexOf('/') + 1);
    Matcher m =
        Pattern.compile(
                "(?i)^([A-Za-z][\\w.+]*?)-(v?\\d[^/]*?|\\$\\{\\w+\\})\\.(tar\\.gz|tgz|tar\\.xz|tar\\.bz2|zip)$")
            .matcher(file);
    if (m.find()) {
      String v = pinned(m.group(2));
      return v == null ? null : new Fetch(m.group(1), v, m.group(1));
    }
    return null;
  }

  private static String repoName(String url) {
    String u = url.replaceFirst("/+$", "").replaceFirst("(?i)\\.git$", "");
    if (u.contains("${{") && u.contains("github.repository")) {
      return null;
    }
    int slash = Math.max(u.lastIndexOf('/'), u.lastIndexOf(':'));
    String name = u.substring(slash + 1);
    return name.isEmpty() || name.contains("$") ? null : name;
  }

  /** The version when {@code ref} pins one, else null (a branch such as main moves). */
  static String pinned(String ref) {
    return ref != null && PINNED.matcher(ref).find() ? ref.replace(NBSP, ' ') : null;
  }

  /** The installer when the command installs a checkout, else null. */
  private static String installer(List<String> inv) {
    String p = inv.get(0);
    String rest = String.join(" ", inv.subList(1, inv.size()));
    switch (p) {
      case "make", "gmake" -> {
        for (String a : inv.subList(1, inv.size())) {
          if (a.startsWith("install")) {
            return "make";
          }
        }
        return null;
      }
      case "cmake" -> {
        return rest.contains("--install") || rest.matches(".*--target\\s+install\\b.*")
            ? "cmake"
            : null;
      }
      case "ninja" -> {
        return inv.contains("install") ? "ninja" : null;
      }
      case "meson" -> {
        return inv.size() > 1 && inv.get(1).equals("install") ? "meson" : null;
      }
      case "pip", "pip3" -> {
        return localInstall(inv.subList(1, inv.size())) ? "pip" : null;
      }
      case "python", "python3" -> {
        if (inv.size() > 3 && inv.get(1).equals("-m") && inv.get(2).matches("pip3?")) {
          return localInstall(inv.subList(3, inv.size())) ? "pip" : null;
        }
        return inv.size() > 2 && inv.get(1).equals("setup.py") && inv.get(2).equals("install")
            ? "setup.py"
            : null;
      }
      case "cargo" -> {
        return inv.size() > 1 && inv.get(1).equals("install") && inv.contains("--path")
            ? "cargo"
            : null;
      }
      case "go" -> {
        return inv.size() > 2
                && inv.get(1).equals("install")
                && inv.subList(2, inv.size()).stream().anyMatch(a -> a.startsWith("."))
            ? "go"
            : null;
      }
      default -> {
        return null;
      }
    }
  }

  /** {@code install .}, {@code install -e .}, {@code install .[extra]}: the checkout itself. */
  private static boolean localInstall(List<String> args) {
    if (args.isEmpty() || !args.get(0).equals("install")) {
      return false;
    }
    return args.stream()
        .skip(1)
        .anyMatch(a -> a.equals(".") || a.startsWith(".[") || a.equals("./"));
  }

  private static String prefix(String block) {
    Matcher m = PREFIX.matcher(block);
    String found = null;
    while (m.find()) {
      found = m.group(2);
    }
    return found;
  }
}
