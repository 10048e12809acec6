package dev.pipeperf.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * Where a report goes ({@code -o FILE}, {@code baseline -o}). pipeperf runs on pull requests, and a
 * pull request can commit {@code VERDICT.md -> /home/runner/.ssh/authorized_keys}; opening that
 * path for writing would follow the link. So a file is written to a temporary file beside the
 * target and renamed over it: the rename replaces the link itself, never what it points to, and a
 * reader never sees half a report. A stream that is not a file (a character device such as {@code
 * /dev/stdout} or {@code /dev/null}, a named pipe) is written directly. Every write error — a full
 * disk, {@code /dev/full} — fails the command with exit 2 instead of leaving a cut file behind.
 */
final class OutputFile {

  private OutputFile() {}

  /** Writes {@code body} to {@code out}, neutralising runner commands unless {@code commands}. */
  static void toStream(PrintWriter out, boolean commands, Consumer<PrintWriter> body) {
    if (commands) {
      body.accept(out);
      out.flush();
    } else {
      LogSafeWriter guard = new LogSafeWriter(out);
      PrintWriter pw = new PrintWriter(guard);
      body.accept(pw);
      try {
        guard.finish();
      } catch (IOException e) {
        throw new UserError("cannot write standard output: " + e.getMessage());
      }
    }
    if (out.checkError()) {
      throw new UserError("cannot write standard output");
    }
  }

  /** Writes {@code body} to {@code file}; see the class comment. */
  static void write(Path file, boolean commands, Consumer<PrintWriter> body) {
    try {
      if (isStream(file)) {
        try (Writer w =
            new OutputStreamWriter(
                Files.newOutputStream(file, StandardOpenOption.WRITE), StandardCharsets.UTF_8)) {
          emit(w, commands, body, file);
        }
        return;
      }
      if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
        throw new UserError("cannot write " + file + ": it is a folder");
      }
      if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)
          && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
          && !Files.isSymbolicLink(file)) {
        throw new UserError("cannot write " + file + ": not a regular file");
      }
      Path parent = file.toAbsolutePath().normalize().getParent();
      refuseLinkedFolder(parent, file);
      if (parent != null) {
        Files.createDirectories(parent);
      }
      String name = file.getFileName() == null ? "output" : file.getFileName().toString();
      Path temp = Files.createTempFile(parent, "." + name + ".", ".tmp");
      try {
        try (Writer w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
          emit(w, commands, body, file);
        }
        move(temp, file);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UserError("cannot write " + file + ": " + reason(e));
    }
  }

  /**
   * A folder on the way to the output that is a symbolic link inside the working folder (where a
   * pull request may have committed {@code reports -> /home/runner}) would carry the write out of
   * the repository: refused, as the file itself would be replaced rather than followed.
   */
  private static void refuseLinkedFolder(Path parent, Path file) {
    Path cwd = Path.of("").toAbsolutePath().normalize();
    for (Path p = parent; p != null && p.startsWith(cwd) && !p.equals(cwd); p = p.getParent()) {
      if (Files.isSymbolicLink(p)) {
        throw new UserError(
            "cannot write "
                + file
                + ": "
                + cwd.relativize(p)
                + " is a symbolic link (a committed link could point out of the repository);"
                + " write to a real folder");
      }
    }
  }

  /**
   * Appends to a file the environment names ({@code $GITHUB_STEP_SUMMARY}): not a repository path,
   * so appended in place; lines are neutralised and write errors fail the command.
   */
  static void append(Path file, String shown, Consumer<PrintWriter> body) {
    try (Writer w =
        Files.newBufferedWriter(
            file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
      emit(w, false, body, Path.of(shown));
    } catch (IOException e) {
      throw new UserError("cannot write " + shown + ": " + reason(e));
    }
  }

  private static void emit(Writer w, boolean commands, Consumer<PrintWriter> body, Path file)
      throws IOException {
    LogSafeWriter guard = new LogSafeWriter(w);
    PrintWriter pw = new PrintWriter(commands ? w : guard);
    body.accept(pw);
    pw.flush();
    if (!commands) {
      guard.finish();
    }
    if (pw.checkError() || guard.failure() != null) {
      IOException cause = guard.failure();
      throw new UserError(
          "cannot write " + file + (cause == null ? ": write failed" : ": " + reason(cause)));
    }
    w.flush();
  }

  private static void move(Path temp, Path file) throws IOException {
    try {
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * A character device or a named pipe, itself or behind a link ({@code /dev/stdout}): written in
   * place, since there is no file to replace. Block devices and folders are not streams.
   */
  private static boolean isStream(Path file) {
    try {
      Object mode = Files.getAttribute(file, "unix:mode");
      if (mode instanceof Integer m) {
        int type = m & 0170000;
        return type == 0020000 || type == 0010000; // S_IFCHR, S_IFIFO
      }
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return false; // absent, or no unix view: a file to create
    }
    return false;
  }

  private static String reason(IOException e) {
    String m = e.getMessage();
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file or folder";
    }
    return m == null ? e.getClass().getSimpleName() : m;
  }
}
