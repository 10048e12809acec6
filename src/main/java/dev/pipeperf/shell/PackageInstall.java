package dev.pipeperf.shell;

import java.util.List;

/**
 * A command that installs packages or downloads something, found in a shell script.
 *
 * @param manager the tool doing it
 * @param packages what it installs, as written: package names ({@code build-essential}, {@code
 *     numpy==2.1}), requirement files as {@code -r FILE}, browsers for Playwright, URLs for
 *     downloads; empty when the tool installs from a lock file ({@code npm ci}, {@code poetry
 *     install})
 * @param usesCache false when the command turns the tool's own download cache off ({@code
 *     --no-cache-dir}, {@code --no-cache}); whether a BuildKit cache mount backs it is the
 *     Dockerfile's business ({@code Instruction.mounts()})
 * @param offset where the command starts in the script
 */
public record PackageInstall(
    Manager manager, List<String> packages, boolean usesCache, int offset) {

  public PackageInstall {
    packages = List.copyOf(packages);
  }

  /** The installing tool. */
  public enum Manager {
    APT,
    APK,
    YUM,
    DNF,
    PIP,
    POETRY,
    UV,
    NPM,
    YARN,
    PNPM,
    GO,
    CARGO,
    GEM,
    BUNDLER,
    PLAYWRIGHT,
    DOWNLOAD
  }

  /**
   * True when {@code name} is among the packages (ignoring a version suffix such as {@code =1.2}).
   */
  public boolean installs(String name) {
    for (String p : packages) {
      String bare = p.split("[=<>~!@\\[;: ]", 2)[0];
      if (bare.equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }
}
