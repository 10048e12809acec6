package dev.pipeperf.workspace;

import dev.pipeperf.source.Diagnostic;
import dev.pipeperf.source.Location;
import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One bounded walk of the repository that finds Dockerfiles and bake files by name. It never
 * follows links (so never leaves the root; linked files are listed for the loader to check), skips
 * VCS and dependency folders, and stops after {@link #MAX_ENTRIES} entries with a diagnostic rather
 * than crawling forever.
 */
record RepositoryWalk(
    List<String> dockerfiles, List<String> bakeFiles, List<Diagnostic> diagnostics) {

  static final int MAX_ENTRIES = 200_000;
  static final int MAX_DEPTH = 32;
  private static final Set<String> SKIPPED =
      Set.of(".git", "node_modules", ".venv", "__pycache__", ".tox", ".terraform");

  static RepositoryWalk of(Path root, List<PathMatcher> excludes) {
    List<String> dockerfiles = new ArrayList<>();
    List<String> bakeFiles = new ArrayList<>();
    List<Diagnostic> diagnostics = new ArrayList<>();
    int[] seen = {0};
    Set<String> ignoredDirs = gitignoredDirectories(root);
    try {
      Files.walkFileTree(
          root,
          EnumSet.noneOf(FileVisitOption.class),
          MAX_DEPTH,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              if (!dir.equals(root)) {
                String name = dir.getFileName().toString();
                if (SKIPPED.contains(name)
                    || ignoredDirs.contains(name)
                    || excluded(root, dir, excludes)) {
                  return FileVisitResult.SKIP_SUBTREE;
                }
              }
              return count() ? FileVisitResult.CONTINUE : FileVisitResult.TERMINATE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              // Links are listed by name but not followed here: the loader reads one only when
              // it resolves inside the root, and says so when it does not.
              if (!(attrs.isRegularFile() || attrs.isSymbolicLink())
                  || excluded(root, file, excludes)) {
                return count() ? FileVisitResult.CONTINUE : FileVisitResult.TERMINATE;
              }
              String name = file.getFileName().toString();
              String rel = root.relativize(file).toString().replace('\\', '/');
              if (Paths.isDockerfileName(name)) {
                dockerfiles.add(rel);
              } else if (Paths.isBakeFileName(name)) {
                bakeFiles.add(rel);
              }
              return count() ? FileVisitResult.CONTINUE : FileVisitResult.TERMINATE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
              return FileVisitResult.CONTINUE;
            }

            private boolean count() {
              if (++seen[0] <= MAX_ENTRIES) {
                return true;
              }
              diagnostics.add(
                  Diagnostic.warning(
                      Location.ofFile("."),
                      "repository-too-large",
                      "stopped looking for Dockerfiles after "
                          + MAX_ENTRIES
                          + " files; use exclude: in .pipeperf.yml to leave folders out"));
              return false;
            }
          });
    } catch (IOException e) {
      diagnostics.add(
          Diagnostic.error(
              Location.ofFile("."),
              "unreadable-file",
              "cannot walk the repository: " + e.getMessage()));
    }
    dockerfiles.sort(null);
    bakeFiles.sort(null);
    return new RepositoryWalk(dockerfiles, bakeFiles, diagnostics);
  }

  /**
   * Folder names the repository's own {@code .gitignore} ignores outright ({@code target/}, {@code
   * dist}): build outputs that hold copies, not sources. Only plain names are read; globs and
   * negations are left to {@code exclude:} in the config.
   */
  static Set<String> gitignoredDirectories(Path root) {
    Set<String> out = new java.util.HashSet<>();
    Path gi = root.resolve(".gitignore");
    try {
      if (!Files.isRegularFile(gi) || Files.size(gi) > 1_000_000) {
        return out;
      }
      for (String line : Files.readAllLines(gi)) {
        String t = line.strip();
        if (t.isEmpty() || t.startsWith("#") || t.startsWith("!")) {
          continue;
        }
        t = t.replaceFirst("^/", "").replaceFirst("/$", "");
        if (t.matches("[A-Za-z0-9._-]+") && !t.startsWith(".github")) {
          out.add(t);
        }
      }
    } catch (IOException | RuntimeException e) {
      return out;
    }
    return out;
  }

  private static boolean excluded(Path root, Path p, List<PathMatcher> excludes) {
    Path rel = root.relativize(p);
    return excludes.stream().anyMatch(m -> m.matches(rel));
  }
}
