package dev.pipeperf.dockerfile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * BuildKit's per-instruction line parsers ({@code split_command.go}, {@code line_parsers.go}): how
 * one logical line becomes a keyword, raw flags and argument nodes. Kept close to the Go code,
 * quirks included (flags are scanned byte by byte, {@code ENV} keeps quotes), because the point is
 * to agree with BuildKit, not to be tidy.
 */
final class LineParsers {

  /** Nested {@code ONBUILD ONBUILD ...} deeper than this is refused rather than recursed into. */
  static final int MAX_ONBUILD_DEPTH = 16;

  /** A line parser's refusal, with BuildKit's message. */
  static final class SyntaxError extends Exception {
    private static final long serialVersionUID = 1L;

    SyntaxError(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * A parsed line.
   *
   * @param cmd the keyword as written
   * @param cmdStart index of the keyword in the line
   * @param flags raw flag words ({@code --from=build})
   * @param flagStarts index in the line where each flag starts
   * @param args the argument text (flags removed, trimmed)
   * @param next the argument nodes
   * @param json whether the exec (JSON) form was used
   * @param sub the wrapped instruction of an ONBUILD, else null
   */
  record Parsed(
      String cmd,
      int cmdStart,
      List<String> flags,
      List<Integer> flagStarts,
      String args,
      List<AstNode> next,
      boolean json,
      Parsed sub) {

    AstNode node() {
      return new AstNode(cmd, flags, List.of(), next);
    }
  }

  private record Args(List<AstNode> next, boolean json) {
    static final Args NONE = new Args(List.of(), false);
  }

  private LineParsers() {}

  /** BuildKit's {@code newNodeFromLine}. */
  static Parsed parse(String line, char escape) throws SyntaxError {
    return parse(line, escape, 0);
  }

  private static Parsed parse(String line, char escape, int depth) throws SyntaxError {
    int s = GoText.skipSpace(line, 0);
    int e = GoText.trimEnd(line, line.length());
    if (e < s) {
      e = s;
    }
    int k = s;
    while (k < e && !GoText.isTokenSpace(line.charAt(k))) {
      k++;
    }
    String cmd = line.substring(s, k);
    List<String> flags = new ArrayList<>();
    List<Integer> flagStarts = new ArrayList<>();
    String args = "";
    if (k < e) {
      int j = k;
      while (j < e && GoText.isTokenSpace(line.charAt(j))) {
        j++;
      }
      String rest = line.substring(j, e);
      int argsAt = extractFlags(rest, flags, flagStarts);
      for (int i = 0; i < flagStarts.size(); i++) {
        flagStarts.set(i, flagStarts.get(i) + j);
      }
      args = GoText.trimSpace(rest.substring(argsAt));
    }
    String lower = cmd.toLowerCase(Locale.ROOT);
    Parsed sub = null;
    Args parsed;
    switch (lower) {
      case "add", "copy", "volume" -> parsed = maybeJsonToList(args);
      case "arg" -> parsed = strings(parseWords(args, escape));
      case "cmd", "entrypoint", "run", "shell" -> parsed = maybeJson(args);
      case "env" -> parsed = nameVal(args, "ENV", escape);
      case "label" -> parsed = nameVal(args, "LABEL", escape);
      case "expose", "from" -> parsed = strings(whitespaceDelimited(args));
      case "healthcheck" -> parsed = healthConfig(args);
      case "maintainer", "stopsignal", "user", "workdir" ->
          parsed = args.isEmpty() ? Args.NONE : strings(List.of(args));
      case "onbuild" -> {
        if (args.isEmpty()) {
          parsed = Args.NONE;
        } else {
          if (depth >= MAX_ONBUILD_DEPTH) {
            throw new SyntaxError("ONBUILD nested too deeply");
          }
          sub = parse(args, escape, depth + 1);
          parsed =
              new Args(List.of(new AstNode("", List.of(), List.of(sub.node()), List.of())), false);
        }
      }
      default -> parsed = strings(List.of(""));
    }
    return new Parsed(cmd, s, flags, flagStarts, args, parsed.next(), parsed.json(), sub);
  }

  private static Args strings(List<String> values) {
    List<AstNode> nodes = new ArrayList<>(values.size());
    for (String v : values) {
      nodes.add(AstNode.leaf(v));
    }
    return new Args(nodes, false);
  }

  /**
   * BuildKit's {@code extractBuilderFlags}: leading {@code --words} (quotes removed, {@code \}
   * escapes the next byte) until the first word that does not start with {@code --}; a bare {@code
   * --} ends them. It walks bytes, not characters, and so do we: a non-ASCII byte becomes the
   * Latin-1 character of the same value, exactly as Go's {@code rune(line[pos])} does.
   *
   * @return the index in {@code line} where the arguments start
   */
  static int extractFlags(String line, List<String> words, List<Integer> starts) {
    byte[] b = line.getBytes(StandardCharsets.UTF_8);
    int[] charIndex = new int[b.length + 1];
    boolean[] charStart = new boolean[b.length + 1];
    int bi = 0;
    for (int ci = 0; ci < line.length(); ) {
      int cp = line.codePointAt(ci);
      // Lone surrogates (never in real text) encode as the single byte '?'.
      int blen =
          cp < 0x80
              ? 1
              : cp < 0x800
                  ? 2
                  : cp <= 0xFFFF && Character.isSurrogate((char) cp) ? 1 : cp < 0x10000 ? 3 : 4;
      for (int x = 0; x < blen && bi < b.length; x++) {
        charIndex[bi] = ci;
        charStart[bi] = x == 0;
        bi++;
      }
      ci += Character.charCount(cp);
    }
    charIndex[b.length] = line.length();
    charStart[b.length] = true;
    final int inSpaces = 0;
    final int inWord = 1;
    final int inQuote = 2;
    int phase = inSpaces;
    StringBuilder word = new StringBuilder();
    int quote = 0;
    boolean blankOk = false;
    int wordStart = 0;
    int n = b.length;
    for (int pos = 0; pos <= n; pos++) {
      int ch = pos != n ? b[pos] & 0xFF : 0;
      if (phase == inSpaces) {
        if (pos == n) {
          break;
        }
        if (GoText.isSpace(ch)) {
          continue;
        }
        if (ch != '-' || pos + 1 == n || b[pos + 1] != '-') {
          return restFrom(pos, line, charIndex, charStart);
        }
        phase = inWord;
        wordStart = charIndex[pos];
      }
      if ((phase == inWord || phase == inQuote) && pos == n) {
        if (!word.toString().equals("--") && (blankOk || word.length() > 0)) {
          words.add(word.toString());
          starts.add(wordStart);
        }
        break;
      }
      if (phase == inWord) {
        if (GoText.isSpace(ch)) {
          phase = inSpaces;
          if (word.toString().equals("--")) {
            return restFrom(pos, line, charIndex, charStart);
          }
          if (blankOk || word.length() > 0) {
            words.add(word.toString());
            starts.add(wordStart);
          }
          word.setLength(0);
          blankOk = false;
          continue;
        }
        if (ch == '\'' || ch == '"') {
          quote = ch;
          blankOk = true;
          phase = inQuote;
          continue;
        }
        if (ch == '\\') {
          if (pos + 1 == n) {
            continue;
          }
          pos++;
          ch = b[pos] & 0xFF;
        }
        word.append((char) ch);
        continue;
      }
      if (ch == quote) {
        phase = inWord;
        continue;
      }
      if (ch == '\\') {
        if (pos + 1 == n) {
          phase = inWord;
          continue;
        }
        pos++;
        ch = b[pos] & 0xFF;
      }
      word.append((char) ch);
    }
    return line.length();
  }

  private static int restFrom(int pos, String line, int[] charIndex, boolean[] charStart) {
    int ci = charIndex[pos];
    if (!charStart[pos]) {
      // Go would cut inside a multi-byte character here; we start at the next whole one.
      ci += Character.charCount(line.codePointAt(ci));
    }
    return ci;
  }

  /**
   * BuildKit's {@code parseWords}: words split on Unicode spaces, quotes and escape characters kept
   * in the words (they are removed later, when the instruction is evaluated).
   */
  static List<String> parseWords(String rest, char escape) {
    final int inSpaces = 0;
    final int inWord = 1;
    final int inQuote = 2;
    List<String> words = new ArrayList<>();
    int phase = inSpaces;
    int quote = 0;
    boolean blankOk = false;
    StringBuilder sb = new StringBuilder();
    int n = rest.length();
    int ch = 0;
    int width = 0;
    for (int pos = 0; pos <= n; pos += width) {
      if (pos != n) {
        ch = rest.codePointAt(pos);
        width = Character.charCount(ch);
      }
      if (phase == inSpaces) {
        if (pos == n) {
          break;
        }
        if (GoText.isSpace(ch)) {
          continue;
        }
        phase = inWord;
      }
      if ((phase == inWord || phase == inQuote) && pos == n) {
        if (blankOk || sb.length() > 0) {
          words.add(sb.toString());
        }
        break;
      }
      if (phase == inWord) {
        if (GoText.isSpace(ch)) {
          phase = inSpaces;
          if (blankOk || sb.length() > 0) {
            words.add(sb.toString());
          }
          sb.setLength(0);
          blankOk = false;
          continue;
        }
        if (ch == '\'' || ch == '"') {
          quote = ch;
          blankOk = true;
          phase = inQuote;
        }
        if (ch == escape) {
          if (pos + width == n) {
            continue;
          }
          sb.appendCodePoint(ch);
          pos += width;
          ch = rest.codePointAt(pos);
          width = Character.charCount(ch);
        }
        sb.appendCodePoint(ch);
        continue;
      }
      if (ch == quote) {
        phase = inWord;
      }
      if (ch == escape && quote != '\'') {
        if (pos + width == n) {
          phase = inWord;
          continue;
        }
        pos += width;
        sb.appendCodePoint(ch);
        ch = rest.codePointAt(pos);
        width = Character.charCount(ch);
      }
      sb.appendCodePoint(ch);
    }
    return words;
  }

  private static Args nameVal(String rest, String key, char escape) throws SyntaxError {
    List<String> words = parseWords(rest, escape);
    if (words.isEmpty()) {
      return Args.NONE;
    }
    if (!words.get(0).contains("=")) {
      List<String> parts = splitOnce(rest);
      if (parts.size() < 2) {
        throw new SyntaxError(key + " must have two arguments");
      }
      return strings(List.of(parts.get(0), parts.get(1), ""));
    }
    List<String> values = new ArrayList<>();
    for (String word : words) {
      int eq = word.indexOf('=');
      if (eq < 0) {
        throw new SyntaxError(
            "Syntax error - can't find = in "
                + GoText.quote(word)
                + ". Must be of the form: name=value");
      }
      values.add(word.substring(0, eq));
      values.add(word.substring(eq + 1));
      values.add("=");
    }
    return strings(values);
  }

  /** Go's {@code reWhitespace.Split(s, 2)}. */
  private static List<String> splitOnce(String s) {
    int i = 0;
    while (i < s.length() && !GoText.isTokenSpace(s.charAt(i))) {
      i++;
    }
    if (i == s.length()) {
      return List.of(s);
    }
    int j = i;
    while (j < s.length() && GoText.isTokenSpace(s.charAt(j))) {
      j++;
    }
    return List.of(s.substring(0, i), s.substring(j));
  }

  /** Go's {@code reWhitespace.Split(s, -1)}, for non-empty {@code s}. */
  static List<String> whitespaceDelimited(String s) {
    if (s.isEmpty()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    int start = 0;
    int i = 0;
    while (i < s.length()) {
      if (GoText.isTokenSpace(s.charAt(i))) {
        out.add(s.substring(start, i));
        while (i < s.length() && GoText.isTokenSpace(s.charAt(i))) {
          i++;
        }
        start = i;
      } else {
        i++;
      }
    }
    out.add(s.substring(start));
    return out;
  }

  /** BuildKit's {@code parseJSON}: null when the text is not a JSON array of strings. */
  private static List<String> json(String rest) throws SyntaxError {
    String t = GoText.trimLeft(rest);
    if (!t.startsWith("[")) {
      return null;
    }
    GoJson.Result r = GoJson.parseArray(t);
    if (r.notStrings()) {
      throw new SyntaxError(
          "when using JSON array syntax, arrays must be comprised of strings only");
    }
    return r.strings();
  }

  private static Args maybeJson(String rest) throws SyntaxError {
    if (rest.isEmpty()) {
      return Args.NONE;
    }
    List<String> values = json(rest);
    if (values != null) {
      return new Args(strings(values).next(), true);
    }
    return strings(List.of(rest));
  }

  private static Args maybeJsonToList(String rest) throws SyntaxError {
    List<String> values = json(rest);
    if (values != null) {
      return new Args(strings(values).next(), true);
    }
    return strings(whitespaceDelimited(rest));
  }

  /** BuildKit's {@code parseHealthConfig}: the type word, then the RUN/CMD rule; byte-wise. */
  private static Args healthConfig(String rest) throws SyntaxError {
    byte[] b = rest.getBytes(StandardCharsets.UTF_8);
    int sep = 0;
    while (sep < b.length && !GoText.isSpace(b[sep] & 0xFF)) {
      sep++;
    }
    int next = sep;
    while (next < b.length && GoText.isSpace(b[next] & 0xFF)) {
      next++;
    }
    if (sep == 0) {
      return Args.NONE;
    }
    String type = new String(b, 0, sep, StandardCharsets.UTF_8);
    Args cmd = maybeJson(new String(b, next, b.length - next, StandardCharsets.UTF_8));
    List<AstNode> nodes = new ArrayList<>();
    nodes.add(AstNode.leaf(type));
    nodes.addAll(cmd.next());
    return new Args(nodes, cmd.json());
  }
}
