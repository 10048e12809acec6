package dev.pipeperf.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;

/**
 * The text of one file of the analysed repository, with an index of where its lines start so that
 * offsets turn into {@link Location}s cheaply.
 *
 * @param path the path relative to the analysis root, forward slashes
 * @param text the whole text, decoded as UTF-8
 */
public record SourceFile(String path, String text, int[] lineStarts) {

  /** Files larger than this are refused with a diagnostic rather than read. */
  public static final long MAX_BYTES = 4L * 1024 * 1024;

  public SourceFile {
    if (lineStarts == null) {
      lineStarts = indexLines(text);
    }
  }

  public static SourceFile of(String path, String text) {
    return new SourceFile(path, text, null);
  }

  /**
   * Reads a file as UTF-8. Binary files (a NUL byte or invalid UTF-8) and oversized files come back
   * as a diagnostic rather than as text. The file must be a regular file (not a pipe, a device or a
   * folder); the path is one the user gave, so it may lie anywhere.
   */
  public static ParseResult<SourceFile> read(Path file, String relativePath) {
    return read(null, file, relativePath, MAX_BYTES);
  }

  /**
   * Reads a file that a repository file names (a config's {@code timings:}, a Dockerfile a workflow
   * builds, a {@code .dockerignore}): as {@link #read(Path, String)}, and only when its real path —
   * links resolved, {@code ..} gone — lies inside {@code root}. A pull request can commit {@code
   * timings: /home/runner/.config/gh/hosts.yml} or a link to it; that file is never opened, and the
   * diagnostic names only the path.
   */
  public static ParseResult<SourceFile> readInside(Path root, Path file, String relativePath) {
    return read(root, file, relativePath, MAX_BYTES);
  }

  /**
   * The containing root to enforce for a path the user gave on the command line ({@code --timings},
   * {@code --config}, {@code --baseline}): none when it names a place outside the analysed folder
   * (the user chose it), the folder when it names a place inside (a pull request can turn {@code
   * .pipeperf/baseline.json} into a link to a secret).
   */
  public static Path rootFor(Path root, Path given) {
    if (root == null) {
      return null;
    }
    Path r = root.toAbsolutePath().normalize();
    return given.toAbsolutePath().normalize().startsWith(r) ? r : null;
  }

  /**
   * The one way pipeperf reads a file. {@code root} null: any path (the user named it on the
   * command line); else the file's real path must lie inside the root's. At most {@code maxBytes}
   * are read whatever the size the file claims ({@code /proc} files claim 0, {@code /dev/zero}
   * never ends), and only a regular file is opened (opening a FIFO would block forever).
   */
  public static ParseResult<SourceFile> read(
      Path root, Path file, String relativePath, long maxBytes) {
    Location whole = Location.ofFile(relativePath);
    try {
      Path real = file.toRealPath();
      if (root != null && !real.startsWith(root.toRealPath())) {
        return refused(
            whole,
            "outside-root",
            "resolves outside the repository (through a link, an absolute path or ..); pipeperf"
                + " reads only files inside the analysed folder");
      }
      BasicFileAttributes attrs = Files.readAttributes(real, BasicFileAttributes.class);
      if (!attrs.isRegularFile()) {
        return refused(
            whole,
            "not-a-file",
            attrs.isDirectory()
                ? "is a folder, not a file"
                : "is not a regular file (a device, pipe or socket); not read");
      }
      if (attrs.size() > maxBytes) {
        return tooLarge(whole, String.valueOf(attrs.size()), maxBytes);
      }
      byte[] bytes;
      try (InputStream in = Files.newInputStream(real, LinkOption.NOFOLLOW_LINKS)) {
        bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, maxBytes + 1));
      }
      if (bytes.length > maxBytes) {
        return tooLarge(whole, "more than " + maxBytes, maxBytes);
      }
      return decode(bytes, relativePath);
    } catch (NoSuchFileException e) {
      return refused(whole, "unreadable-file", "no such file");
    } catch (IOException e) {
      return refused(whole, "unreadable-file", "cannot read: " + e.getClass().getSimpleName());
    }
  }

  private static ParseResult<SourceFile> refused(Location where, String code, String message) {
    return ParseResult.failed(java.util.List.of(Diagnostic.error(where, code, message)));
  }

  private static ParseResult<SourceFile> tooLarge(Location where, String size, long max) {
    return refused(
        where,
        "file-too-large",
        "file is " + size + " bytes, more than the " + max + " bytes pipeperf reads");
  }

  private static ParseResult<SourceFile> decode(byte[] bytes, String relativePath) {
    Location whole = new Location(relativePath, 1, 1);
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        return ParseResult.failed(
            java.util.List.of(
                Diagnostic.error(
                    locate(bytes, i, relativePath),
                    "binary-file",
                    "binary file (a NUL byte at offset " + i + "), not text")));
      }
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(java.nio.ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      return ParseResult.failed(
          java.util.List.of(
              Diagnostic.error(whole, "binary-file", "not UTF-8 text: " + e.getMessage())));
    }
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    return ParseResult.of(of(relativePath, text), java.util.List.of());
  }

  private static Location locate(byte[] bytes, int offset, String path) {
    int line = 1;
    int col = 1;
    for (int i = 0; i < offset; i++) {
      if (bytes[i] == '\n') {
        line++;
        col = 1;
      } else {
        col++;
      }
    }
    return new Location(path, line, col);
  }

  private static int[] indexLines(String text) {
    int[] starts = new int[16];
    int n = 0;
    starts[n++] = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        if (n == starts.length) {
          starts = Arrays.copyOf(starts, n * 2);
        }
        starts[n++] = i + 1;
      }
    }
    return Arrays.copyOf(starts, n);
  }

  /** Number of lines (a trailing newline does not start a new line). */
  public int lineCount() {
    int n = lineStarts.length;
    if (n > 1 && lineStarts[n - 1] == text.length()) {
      return n - 1;
    }
    return n;
  }

  /** The 1-based location of a 0-based character offset. */
  public Location locationOf(int offset) {
    int idx = Arrays.binarySearch(lineStarts, offset);
    int line = idx >= 0 ? idx : -idx - 2;
    return new Location(path, line + 1, offset - lineStarts[line] + 1);
  }

  /** A location in this file from 1-based line and column. */
  public Location at(int line, int column) {
    return new Location(path, line, column);
  }

  /** The text of a 1-based line, without its line break. */
  public String line(int line) {
    if (line < 1 || line > lineStarts.length) {
      return "";
    }
    int start = lineStarts[line - 1];
    int end = line < lineStarts.length ? lineStarts[line] : text.length();
    String s = text.substring(start, end);
    if (s.endsWith("\n")) {
      s = s.substring(0, s.length() - 1);
    }
    if (s.endsWith("\r")) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SourceFile other && path.equals(other.path) && text.equals(other.text);
  }

  @Override
  public int hashCode() {
    return path.hashCode() * 31 + text.hashCode();
  }

  @Override
  public String toString() {
    return "SourceFile[" + path + ", " + text.length() + " chars]";
  }
}
