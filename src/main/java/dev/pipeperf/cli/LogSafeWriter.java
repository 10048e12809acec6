package dev.pipeperf.cli;

import dev.pipeperf.source.Escape;
import java.io.IOException;
import java.io.Writer;

/**
 * The last line of defence between a report and a CI log: every line that would reach the runner
 * starting with {@code ::} or {@code ##[} — which the runner executes as a workflow command — gets
 * a backslash in front (see {@link Escape#neutraliseCommand}). Renderers already escape the data
 * they print; this catches a field a renderer forgot, so a pull request's job name can never become
 * an {@code ::add-mask::} or {@code ::stop-commands::} line in any format but {@code github}, whose
 * commands pipeperf writes itself.
 *
 * <p>The runner reads lines split at LF, CR or CRLF, so both end a line here. It also remembers the
 * first write error, which {@link java.io.PrintWriter} would otherwise swallow.
 */
final class LogSafeWriter extends Writer {

  private final Writer target;
  private final StringBuilder line = new StringBuilder();
  private IOException failure;

  LogSafeWriter(Writer target) {
    this.target = target;
  }

  @Override
  public void write(char[] buf, int off, int len) throws IOException {
    for (int i = off; i < off + len; i++) {
      char c = buf[i];
      if (c == '\n' || c == '\r') {
        emitLine();
        pass(String.valueOf(c));
      } else {
        line.append(c);
      }
    }
  }

  private void emitLine() throws IOException {
    if (line.length() > 0) {
      pass(Escape.neutraliseCommand(line.toString()));
      line.setLength(0);
    }
  }

  private void pass(String s) throws IOException {
    try {
      target.write(s);
    } catch (IOException e) {
      if (failure == null) {
        failure = e;
      }
      throw e;
    }
  }

  /**
   * Flushes what is complete; a line without its end waits for {@link #finish}, so a flush in the
   * middle of a line cannot split a {@code ::} and let it through.
   */
  @Override
  public void flush() throws IOException {
    try {
      target.flush();
    } catch (IOException e) {
      if (failure == null) {
        failure = e;
      }
      throw e;
    }
  }

  /** Writes the last line even when it has no line end, and flushes. */
  void finish() throws IOException {
    emitLine();
    flush();
  }

  @Override
  public void close() throws IOException {
    finish();
    target.close();
  }

  /** The first error the target reported, or null. */
  IOException failure() {
    return failure;
  }
}
