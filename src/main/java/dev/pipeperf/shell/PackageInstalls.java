package dev.pipeperf.shell;

import dev.pipeperf.shell.PackageInstall.Manager;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Recognises package installs and downloads in a shell script: apt, apk, yum/dnf, pip (and {@code
 * python -m pip}, {@code uv pip}), poetry, uv, npm, yarn, pnpm, go, cargo, gem/bundle, Playwright
 * browsers, curl/wget. What build estimates and rules need ("installs build-essential", "downloads
 * chromium"), not a full command-line parser for each tool.
 */
public final class PackageInstalls {

  /** Options that take the next word as their value, per tool family. */
  private static final Set<String> APT_VALUE_OPTIONS = Set.of("-o", "-t", "-c", "--target-release");

  private static final Set<String> APK_VALUE_OPTIONS =
      Set.of("-t", "--virtual", "-X", "--repository", "--root", "-p", "--arch", "--cache-dir");

  private static final Set<String> YUM_VALUE_OPTIONS =
      Set.of(
          "--enablerepo",
          "--disablerepo",
          "--setopt",
          "--installroot",
          "--releasever",
          "-c",
          "--config",
          "--repo",
          "--exclude",
          "-x");

  private static final Set<String> PIP_VALUE_OPTIONS =
      Set.of(
          "-i",
          "--index-url",
          "--extra-index-url",
          "-f",
          "--find-links",
          "-c",
          "--constraint",
          "-t",
          "--target",
          "--prefix",
          "--root",
          "--trusted-host",
          "--platform",
          "--python-version",
          "--implementation",
          "--abi",
          "--only-binary",
          "--no-binary",
          "--progress-bar",
          "--cache-dir",
          "--src",
          "--upgrade-strategy",
          "--global-option",
          "--config-settings",
          "-C",
          "--python",
          "-p",
          "--index",
          "--default-index",
          "--index-strategy",
          "--keyring-provider",
          "--resolution",
          "--prerelease");

  private static final Set<String> NPM_VALUE_OPTIONS =
      Set.of("--prefix", "--registry", "--cache", "--omit", "--include", "-w", "--workspace");

  private PackageInstalls() {}

  /** {@code sh -c "..."} inside {@code sh -c} is followed this deep, no deeper. */
  private static final int MAX_NESTING = 4;

  /** The installs in {@code script}, in order, including those inside {@code sh -c "..."}. */
  public static List<PackageInstall> find(String script) {
    List<PackageInstall> out = new ArrayList<>();
    find(script, -1, 0, out);
    return out;
  }

  private static void find(String script, int outerOffset, int depth, List<PackageInstall> out) {
    for (Command c : ShellCommands.split(script)) {
      String nested = depth < MAX_NESTING ? shellDashC(c.invocation()) : null;
      if (nested != null) {
        // Offsets inside the nested script mean nothing to the caller: use the outer command's.
        find(nested, outerOffset >= 0 ? outerOffset : c.offset(), depth + 1, out);
        continue;
      }
      List<String> inside = depth < MAX_NESTING ? containerExec(c.invocation()) : null;
      if (inside != null) {
        // docker exec CONTAINER pip install ...: the install runs in the container, still an
        // install.
        find(
            String.join(" ", inside.stream().map(PackageInstalls::quote).toList()),
            outerOffset >= 0 ? outerOffset : c.offset(),
            depth + 1,
            out);
        continue;
      }
      PackageInstall p = recognise(c);
      if (p != null) {
        out.add(
            outerOffset < 0
                ? p
                : new PackageInstall(p.manager(), p.packages(), p.usesCache(), outerOffset));
      }
    }
  }

  /** Options of docker exec / docker compose exec that take a value. */
  private static final Set<String> EXEC_VALUE_OPTIONS =
      Set.of("-e", "--env", "-u", "--user", "-w", "--workdir", "--env-file", "--index");

  /**
   * The command of {@code docker exec [opts] CONTAINER CMD...} or {@code docker compose exec [opts]
   * SERVICE CMD...}, or null.
   */
  private static List<String> containerExec(List<String> w) {
    int i;
    if (w.size() > 2 && basename(w.get(0)).equals("docker") && w.get(1).equals("exec")) {
      i = 2;
    } else if (w.size() > 3
        && basename(w.get(0)).equals("docker")
        && w.get(1).equals("compose")
        && w.get(2).equals("exec")) {
      i = 3;
    } else if (w.size() > 2
        && basename(w.get(0)).equals("docker-compose")
        && w.get(1).equals("exec")) {
      i = 2;
    } else {
      return null;
    }
    while (i < w.size() && w.get(i).startsWith("-")) {
      String o = w.get(i);
      i += EXEC_VALUE_OPTIONS.contains(o) ? 2 : 1;
    }
    i++; // the container or service
    return i < w.size() ? w.subList(i, w.size()) : null;
  }

  private static String quote(String word) {
    return word.matches("[A-Za-z0-9_./=:@+,%-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
  }

  /** The script of {@code sh -c SCRIPT} (also bash, dash, zsh, ash), or null. */
  private static String shellDashC(List<String> w) {
    if (w.isEmpty() || !Set.of("sh", "bash", "dash", "zsh", "ash").contains(basename(w.get(0)))) {
      return null;
    }
    for (int i = 1; i < w.size(); i++) {
      String a = w.get(i);
      if (!a.startsWith("-")) {
        return null;
      }
      if (a.contains("c") && !a.startsWith("--") && i + 1 < w.size()) {
        return w.get(i + 1);
      }
    }
    return null;
  }

  /** The install {@code command} performs, or null when it is not one. */
  public static PackageInstall recognise(Command command) {
    List<String> w = command.invocation();
    if (w.isEmpty()) {
      return null;
    }
    String prog = basename(w.get(0));
    int at = command.offset();
    switch (prog) {
      case "apt-get", "apt", "aptitude" -> {
        int i = w.indexOf("install");
        return i < 0
            ? null
            : new PackageInstall(Manager.APT, operands(w, i + 1, APT_VALUE_OPTIONS), true, at);
      }
      case "apk" -> {
        int i = w.indexOf("add");
        return i < 0
            ? null
            : new PackageInstall(
                Manager.APK, operands(w, i + 1, APK_VALUE_OPTIONS), !w.contains("--no-cache"), at);
      }
      case "yum", "dnf", "microdnf", "tdnf" -> {
        int i = w.indexOf("install");
        Manager m = prog.equals("yum") ? Manager.YUM : Manager.DNF;
        return i < 0
            ? null
            : new PackageInstall(m, operands(w, i + 1, YUM_VALUE_OPTIONS), true, at);
      }
      case "poetry" -> {
        return w.size() > 1 && w.get(1).equals("install")
            ? new PackageInstall(Manager.POETRY, List.of(), !w.contains("--no-cache"), at)
            : null;
      }
      case "uv" -> {
        return uv(w, at);
      }
      case "npm" -> {
        return npm(w, at);
      }
      case "yarn" -> {
        return yarn(w, at);
      }
      case "pnpm" -> {
        return pnpm(w, at);
      }
      case "go" -> {
        if (w.size() > 2 && w.get(1).equals("mod") && w.get(2).equals("download")) {
          return new PackageInstall(Manager.GO, operands(w, 3, Set.of()), true, at);
        }
        if (w.size() > 1 && (w.get(1).equals("install") || w.get(1).equals("get"))) {
          return new PackageInstall(Manager.GO, operands(w, 2, Set.of()), true, at);
        }
        return null;
      }
      case "cargo" -> {
        if (w.size() > 1 && (w.get(1).equals("fetch") || w.get(1).equals("build"))) {
          return new PackageInstall(Manager.CARGO, List.of(), true, at);
        }
        if (w.size() > 1 && w.get(1).equals("install")) {
          return new PackageInstall(
              Manager.CARGO,
              operands(
                  w,
                  2,
                  Set.of("--version", "--root", "--git", "--branch", "--tag", "--rev", "--path")),
              true,
              at);
        }
        return null;
      }
      case "gem" -> {
        return w.size() > 1 && w.get(1).equals("install")
            ? new PackageInstall(
                Manager.GEM,
                operands(w, 2, Set.of("-v", "--version", "-i", "--install-dir", "-s", "--source")),
                true,
                at)
            : null;
      }
      case "bundle", "bundler" -> {
        return w.size() == 1 || w.get(1).equals("install")
            ? new PackageInstall(Manager.BUNDLER, List.of(), true, at)
            : null;
      }
      case "playwright" -> {
        return playwright(w, 1, at);
      }
      case "npx", "pnpx", "bunx" -> {
        int i = 1;
        while (i < w.size() && w.get(i).startsWith("-")) {
          i++;
        }
        if (i < w.size() && basename(w.get(i)).startsWith("playwright")) {
          return playwright(w, i + 1, at);
        }
        return null;
      }
      case "curl", "wget" -> {
        List<String> urls = new ArrayList<>();
        for (String a : w.subList(1, w.size())) {
          if (a.startsWith("http://") || a.startsWith("https://") || a.startsWith("ftp://")) {
            urls.add(a);
          }
        }
        return urls.isEmpty() ? null : new PackageInstall(Manager.DOWNLOAD, urls, true, at);
      }
      default -> {
        return pipOrPython(prog, w, at);
      }
    }
  }

  private static PackageInstall pipOrPython(String prog, List<String> w, int at) {
    int i;
    if (isPip(prog)) {
      i = 1;
    } else if (prog.startsWith("python") && w.size() > 2 && w.get(1).equals("-m")) {
      String module = w.get(2);
      if (module.equals("playwright")) {
        return playwright(w, 3, at);
      }
      if (!isPip(module)) {
        return null;
      }
      i = 3;
    } else {
      return null;
    }
    while (i < w.size() && w.get(i).startsWith("-")) {
      i++;
    }
    if (i >= w.size() || !w.get(i).equals("install")) {
      return null;
    }
    return pipInstall(Manager.PIP, w, i + 1, at);
  }

  private static boolean isPip(String s) {
    return s.equals("pip") || s.matches("pip[0-9.]+");
  }

  private static PackageInstall pipInstall(Manager m, List<String> w, int from, int at) {
    List<String> pkgs = new ArrayList<>();
    boolean cache = true;
    for (int i = from; i < w.size(); i++) {
      String a = w.get(i);
      if (a.equals("-r") || a.equals("--requirement") || a.equals("--requirements")) {
        if (i + 1 < w.size()) {
          pkgs.add("-r " + w.get(++i));
        }
      } else if (a.startsWith("-r") && a.length() > 2 && !a.startsWith("--")) {
        pkgs.add("-r " + a.substring(2));
      } else if (a.startsWith("--requirement=")) {
        pkgs.add("-r " + a.substring(a.indexOf('=') + 1));
      } else if (a.equals("-e") || a.equals("--editable")) {
        if (i + 1 < w.size()) {
          pkgs.add(w.get(++i));
        }
      } else if (a.equals("--no-cache-dir") || a.equals("--no-cache") || a.equals("-n")) {
        cache = false;
      } else if (PIP_VALUE_OPTIONS.contains(a)) {
        i++;
      } else if (!a.startsWith("-")) {
        pkgs.add(a);
      }
    }
    return new PackageInstall(m, pkgs, cache, at);
  }

  private static PackageInstall uv(List<String> w, int at) {
    if (w.size() > 1 && w.get(1).equals("sync")) {
      return new PackageInstall(Manager.UV, List.of(), !w.contains("--no-cache"), at);
    }
    if (w.size() > 2 && w.get(1).equals("pip") && w.get(2).equals("install")) {
      return pipInstall(Manager.UV, w, 3, at);
    }
    if (w.size() > 2 && w.get(1).equals("tool") && w.get(2).equals("install")) {
      return pipInstall(Manager.UV, w, 3, at);
    }
    return null;
  }

  private static PackageInstall npm(List<String> w, int at) {
    if (w.size() < 2) {
      return null;
    }
    String sub = w.get(1);
    if (sub.equals("ci")) {
      return new PackageInstall(Manager.NPM, List.of(), true, at);
    }
    if (Set.of("install", "i", "add", "isntall", "in").contains(sub)) {
      return new PackageInstall(Manager.NPM, operands(w, 2, NPM_VALUE_OPTIONS), true, at);
    }
    return null;
  }

  private static PackageInstall yarn(List<String> w, int at) {
    if (w.size() == 1 || w.get(1).equals("install") || w.get(1).startsWith("--")) {
      return new PackageInstall(Manager.YARN, List.of(), !w.contains("--no-cache"), at);
    }
    if (w.get(1).equals("add")) {
      return new PackageInstall(Manager.YARN, operands(w, 2, Set.of()), true, at);
    }
    if (w.size() > 2 && w.get(1).equals("global") && w.get(2).equals("add")) {
      return new PackageInstall(Manager.YARN, operands(w, 3, Set.of()), true, at);
    }
    return null;
  }

  private static PackageInstall pnpm(List<String> w, int at) {
    if (w.size() < 2) {
      return null;
    }
    String sub = w.get(1);
    if (sub.equals("install") || sub.equals("i") || sub.equals("fetch")) {
      return new PackageInstall(Manager.PNPM, operands(w, 2, NPM_VALUE_OPTIONS), true, at);
    }
    if (sub.equals("add")) {
      return new PackageInstall(Manager.PNPM, operands(w, 2, NPM_VALUE_OPTIONS), true, at);
    }
    return null;
  }

  private static PackageInstall playwright(List<String> w, int from, int at) {
    int i = from;
    if (i >= w.size() || !(w.get(i).equals("install") || w.get(i).equals("install-deps"))) {
      return null;
    }
    List<String> browsers = operands(w, i + 1, Set.of());
    if (browsers.isEmpty()) {
      // No argument installs every default browser.
      browsers = List.of("chromium", "firefox", "webkit");
    }
    return new PackageInstall(Manager.PLAYWRIGHT, browsers, true, at);
  }

  /** The non-option words from {@code from} on, skipping the values of value-taking options. */
  private static List<String> operands(List<String> w, int from, Set<String> valueOptions) {
    List<String> out = new ArrayList<>();
    for (int i = from; i < w.size(); i++) {
      String a = w.get(i);
      if (valueOptions.contains(a)) {
        i++;
      } else if (!a.startsWith("-") && !a.isEmpty()) {
        out.add(a);
      }
    }
    return out;
  }

  private static String basename(String program) {
    int slash = program.lastIndexOf('/');
    return slash < 0 ? program : program.substring(slash + 1);
  }
}
