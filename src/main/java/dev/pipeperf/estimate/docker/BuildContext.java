package dev.pipeperf.estimate.docker;

import dev.pipeperf.source.SourceFile;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A build context as BuildKit would receive it: the folder on disk (or none when pipeperf does not
 * know it), its {@code .dockerignore} and what a bounded walk of it measured — the bytes and files
 * sent, and the included big folders that usually should not be ({@code .git}, {@code
 * node_modules}, tests, docs, virtualenvs).
 *
 * <p>The ignore file: {@code <Dockerfile>.dockerignore} beside the Dockerfile wins over {@code
 * <context>/.dockerignore}, as in BuildKit. The walk never follows symbolic links (they are sent as
 * links, a few bytes), never leaves the context, and stops at {@link Limits}; a truncated walk says
 * so ({@link #truncated()}) and its figures are lower bounds.
 *
 * @param dir the context folder; null when unknown (a remote context, or not on disk)
 * @param ignore the ignore patterns in force
 * @param ignoreFile the ignore file read, relative to nothing (as given); null when none
 * @param files the included regular files, slash paths relative to {@code dir}, with their sizes
 * @param totalBytes the bytes of the included files
 * @param truncated true when the walk stopped at a limit
 */
public record BuildContext(
    Path dir,
    DockerIgnore ignore,
    Path ignoreFile,
    SortedMap<String, Long> files,
    long totalBytes,
    boolean truncated) {

  /** Folder names that rules care about when they are sent with the context (PP005). */
  public static final Set<String> BIG_FOLDER_NAMES =
      Set.of(
          ".git", "node_modules", "tests", "test", "docs", ".venv", "venv", "__pycache__", ".tox");

  /** Bounds of the walk. */
  public record Limits(int maxFiles, long maxBytes, Duration maxTime) {
    public static final Limits DEFAULT =
        new Limits(200_000, 20L * 1024 * 1024 * 1024, Duration.ofSeconds(10));
  }

  public BuildContext {
    files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
  }

  /** A context pipeperf cannot see: every size is unknown. */
  public static BuildContext unknown() {
    return new BuildContext(null, DockerIgnore.NONE, null, new TreeMap<>(), 0, false);
  }

  /** Opens and measures {@code contextDir} with the default limits. */
  public static BuildContext open(Path contextDir, Path dockerfile) {
    return open(contextDir, dockerfile, Limits.DEFAULT);
  }

  /**
   * Opens and measures {@code contextDir}; {@code dockerfile} (may be null) locates a {@code
   * <Dockerfile>.dockerignore}. A folder that does not exist gives {@link #unknown()}.
   */
  public static BuildContext open(Path contextDir, Path dockerfile, Limits limits) {
    if (contextDir == null || !Files.isDirectory(contextDir)) {
      return unknown();
    }
    Path root = contextDir.toAbsolutePath().normalize();
    Path ignoreFile = null;
    if (dockerfile != null) {
      Path beside = dockerfile.resolveSibling(dockerfile.getFileName() + ".dockerignore");
      if (Files.isRegularFile(beside)) {
        ignoreFile = beside;
      }
    }
    if (ignoreFile == null && Files.isRegularFile(root.resolve(".dockerignore"))) {
      ignoreFile = root.resolve(".dockerignore");
    }
    DockerIgnore ignore = DockerIgnore.NONE;
    if (ignoreFile != null) {
      // a .dockerignore is named by convention, so it must be a file beside its Dockerfile or in
      // the context, not a link out of the repository
      Path within = ignoreFile.toAbsolutePath().normalize().getParent();
      var read = SourceFile.readInside(within, ignoreFile, ignoreFile.toString());
      ignore = read.hasModel() ? DockerIgnore.parse(read.model().text()) : DockerIgnore.NONE;
    }
    Walk walk = new Walk(root, ignore, limits);
    try {
      Files.walkFileTree(root, Set.of(), Integer.MAX_VALUE, walk);
    } catch (IOException e) {
      walk.truncated = true;
    }
    return new BuildContext(root, ignore, ignoreFile, walk.files, walk.bytes, walk.truncated);
  }

  public boolean isKnown() {
    return dir != null;
  }

  public int fileCount() {
    return files.size();
  }

  /**
   * The included folders named like {@link #BIG_FOLDER_NAMES}, anywhere in the context, with the
   * bytes of their included files; sorted by path.
   */
  public Map<String, Long> includedBigFolders() {
    Map<String, Long> out = new TreeMap<>();
    for (Map.Entry<String, Long> f : files.entrySet()) {
      String[] parts = f.getKey().split("/");
      StringBuilder prefix = new StringBuilder();
      for (int i = 0; i < parts.length - 1; i++) {
        if (i > 0) {
          prefix.append('/');
        }
        prefix.append(parts[i]);
        if (BIG_FOLDER_NAMES.contains(parts[i].toLowerCase(Locale.ROOT))) {
          out.merge(prefix.toString(), f.getValue(), Long::sum);
          break;
        }
      }
    }
    return out;
  }

  /**
   * The bytes a COPY/ADD source sends into the image: {@code .} is the whole context, a folder all
   * of its included files, a wildcard ({@code requirements*.txt}) every matching path and what is
   * under it. Empty when the context is unknown; 0 when nothing matches. A source that leaves the
   * context ({@code ../x}) matches nothing.
   */
  public Optional<Long> bytesFor(String source) {
    if (!isKnown()) {
      return Optional.empty();
    }
    String s = Globs.clean(source);
    if (s.equals(".")) {
      return Optional.of(totalBytes);
    }
    if (s.equals("..") || s.startsWith("../")) {
      return Optional.of(0L);
    }
    long sum = 0;
    if (Globs.hasMeta(s)) {
      Pattern p = Globs.dockerPattern(s);
      for (Map.Entry<String, Long> f : files.entrySet()) {
        if (matchesPathOrParent(p, f.getKey())) {
          sum += f.getValue();
        }
      }
    } else {
      Long exact = files.get(s);
      if (exact != null) {
        return Optional.of(exact);
      }
      String prefix = s + "/";
      for (Map.Entry<String, Long> f : files.tailMap(prefix).entrySet()) {
        if (!f.getKey().startsWith(prefix)) {
          break;
        }
        sum += f.getValue();
      }
    }
    return Optional.of(sum);
  }

  /** The text of an included file of the context (up to 1 MB), if it is there. */
  public Optional<String> read(String relPath) {
    if (!isKnown()) {
      return Optional.empty();
    }
    String s = Globs.clean(relPath);
    if (s.equals(".") || s.startsWith("..") || !files.containsKey(s) || files.get(s) > 1_000_000) {
      return Optional.empty();
    }
    Path p = dir.resolve(s).normalize();
    if (!p.startsWith(dir) || Files.isSymbolicLink(p)) {
      return Optional.empty();
    }
    return Optional.ofNullable(SourceFile.readInside(dir, p, s).model()).map(SourceFile::text);
  }

  /** The included file paths whose base name is {@code name}, shortest first. */
  public List<String> findByName(String name) {
    List<String> out = new ArrayList<>();
    for (String f : files.keySet()) {
      if (f.equals(name) || f.endsWith("/" + name)) {
        out.add(f);
      }
    }
    out.sort((a, b) -> Integer.compare(a.length(), b.length()));
    return out;
  }

  private static boolean matchesPathOrParent(Pattern p, String path) {
    if (p.matcher(path).matches()) {
      return true;
    }
    int i = -1;
    while ((i = path.indexOf('/', i + 1)) > 0) {
      if (p.matcher(path.substring(0, i)).matches()) {
        return true;
      }
    }
    return false;
  }

  private static final class Walk extends SimpleFileVisitor<Path> {
    final Path root;
    final DockerIgnore.Matcher matcher;
    final boolean exceptions;
    final Limits limits;
    final long deadline;
    final TreeMap<String, Long> files = new TreeMap<>();
    long bytes;
    boolean truncated;

    Walk(Path root, DockerIgnore ignore, Limits limits) {
      this.root = root;
      this.matcher = ignore.matcher();
      this.exceptions = ignore.hasExceptions();
      this.limits = limits;
      this.deadline = System.nanoTime() + limits.maxTime().toNanos();
    }

    private String rel(Path p) {
      return root.relativize(p).toString().replace('\\', '/');
    }

    private boolean overLimit() {
      if (files.size() >= limits.maxFiles()
          || bytes >= limits.maxBytes()
          || System.nanoTime() > deadline) {
        truncated = true;
        return true;
      }
      return false;
    }

    @Override
    public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
      if (d.equals(root)) {
        return FileVisitResult.CONTINUE;
      }
      if (overLimit()) {
        return FileVisitResult.TERMINATE;
      }
      // An excluded folder can only hold included files when some exception pattern exists.
      if (!exceptions && matcher.excludes(rel(d))) {
        return FileVisitResult.SKIP_SUBTREE;
      }
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
      if (overLimit()) {
        return FileVisitResult.TERMINATE;
      }
      // walkFileTree without FOLLOW_LINKS reports links as files: they are sent as links.
      if (!attrs.isRegularFile() || Files.isSymbolicLink(f)) {
        return FileVisitResult.CONTINUE;
      }
      String r = rel(f);
      if (!matcher.excludes(r) && f.normalize().startsWith(root)) {
        files.put(r, attrs.size());
        bytes += attrs.size();
      }
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFileFailed(Path f, IOException e) {
      return FileVisitResult.CONTINUE;
    }
  }
}
