package dev.pipeperf.dockerfile;

/**
 * A here-document attached to a {@code RUN}, {@code COPY} or {@code ADD} ({@code <<EOF ... EOF}).
 *
 * @param name the terminator word, quotes removed ({@code EOF} for {@code <<'EOF'})
 * @param content the body exactly as written, line breaks included, leading tabs kept even when
 *     {@code chomp} (BuildKit strips them later; see {@link #body()})
 * @param expand false when any part of the terminator was quoted: no variable expansion
 * @param chomp true for {@code <<-EOF}: leading tabs are stripped from the body and terminator
 * @param fileDescriptor the number before {@code <<} ({@code 3<<EOF}), 0 when none
 */
public record Heredoc(
    String name, String content, boolean expand, boolean chomp, int fileDescriptor) {

  /** The body as BuildKit uses it: leading tabs removed from every line when {@code chomp}. */
  public String body() {
    if (!chomp) {
      return content;
    }
    StringBuilder out = new StringBuilder(content.length());
    boolean lineStart = true;
    for (int i = 0; i < content.length(); i++) {
      char c = content.charAt(i);
      if (lineStart && c == '\t') {
        continue;
      }
      lineStart = c == '\n';
      out.append(c);
    }
    return out.toString();
  }
}
