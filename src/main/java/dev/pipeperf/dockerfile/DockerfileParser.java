package dev.pipeperf.dockerfile;

import dev.pipeperf.source.Diagnostic;
import dev.pipeperf.source.Location;
import dev.pipeperf.source.ParseResult;
import dev.pipeperf.source.SourceFile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Parses a Dockerfile with the semantics of BuildKit's parser ({@code
 * frontend/dockerfile/parser/parser.go}): parser directives, line continuations, comments inside
 * continuations, heredocs, exec vs shell form, flags. Where BuildKit stops at the first error, we
 * report it as a diagnostic with its position, drop the offending instruction and go on, so that
 * one bad line does not hide the rest of the file. Never throws on user input; runs in time linear
 * in the input (no regular expressions).
 *
 * <p>Diagnostic codes. Errors BuildKit's parser itself raises: {@code dockerfile-syntax} (its line
 * parsers: {@code ENV must have two arguments}, a JSON array with a non-string, ...), {@code
 * no-instructions}, {@code unterminated-heredoc}, {@code parser-directive} (repeated directive, bad
 * escape), {@code line-too-long}; its warning {@code empty-continuation}. Raised later in BuildKit,
 * when instructions become a build ({@link StageAssembler}): {@code instruction-before-from},
 * {@code unknown-instruction}, {@code unknown-flag}, {@code invalid-stage} (FROM arguments, stage
 * names), {@code invalid-onbuild}, {@code forward-stage-reference} (COPY --from or a mount naming
 * the current or a later stage), {@code unknown-stage} (an error for a stage index past the end; a
 * warning for a {@code --from} name with no {@code /}, {@code :} or {@code .} that names no stage,
 * which BuildKit would pull as an image and is most likely a typo).
 */
public final class DockerfileParser {

  private static final Set<String> DIRECTIVES = Set.of("syntax", "escape", "check");

  /** Go's {@code bufio.MaxScanTokenSize}: the longest line, newline included, BuildKit reads. */
  private static final int MAX_LINE_BYTES = 64 * 1024;

  /** Lines shorter than this in chars cannot exceed {@link #MAX_LINE_BYTES} in UTF-8. */
  private static final int MAX_LINE_CHARS_UNCHECKED = MAX_LINE_BYTES / 3;

  private final SourceFile file;
  private final String text;
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private final Map<String, String> directives = new LinkedHashMap<>();
  private final Set<String> seenDirectives = new HashSet<>();
  private boolean directivesDone;
  private boolean lineTooLongReported;
  private char escape = '\\';

  // The physical line last read: its number and its offsets in the text.
  private int pos;
  private int lineNo;
  private int lineStart;
  private int lineContentEnd;
  private int lineEnd;

  private DockerfileParser(SourceFile file) {
    this.file = file;
    this.text = file.text();
  }

  /** Parses {@code file}; the model is always present, possibly without stages. */
  public static ParseResult<Dockerfile> parse(SourceFile file) {
    return new DockerfileParser(file).run();
  }

  private ParseResult<Dockerfile> run() {
    List<Instruction> instructions = new ArrayList<>();
    // Instructions dropped for an error: a file of only those is not "a file with no instructions".
    int dropped = 0;
    while (hasNextLine()) {
      nextLine();
      int cs = lineStart;
      if (lineNo == 1 && text.startsWith("\uFEFF", cs)) {
        cs++;
      }
      String raw = text.substring(cs, Math.max(cs, lineContentEnd));
      int ls = GoText.skipSpace(raw, 0);
      String first = raw.substring(ls);
      directive(first, cs + ls);
      if (first.startsWith("#")) {
        first = "";
      }
      Logical logical = new Logical();
      boolean eol = continuation(first, cs + ls, logical);
      if (eol && logical.isEmpty()) {
        continue;
      }
      int startLine = lineNo;
      int firstEmpty = 0;
      while (!eol && hasNextLine()) {
        nextLine();
        String r = text.substring(lineStart, lineContentEnd);
        int lead = GoText.skipSpace(r, 0);
        if (lead < r.length() && r.charAt(lead) == '#') {
          continue;
        }
        if (lead == r.length()) {
          if (firstEmpty == 0) {
            firstEmpty = lineNo;
          }
          continue;
        }
        eol = continuation(r, lineStart, logical);
      }
      String line = logical.text();
      if (firstEmpty > 0) {
        diagnostics.add(
            Diagnostic.warning(
                file.at(firstEmpty, 1),
                "empty-continuation",
                "Empty continuation line found in: " + line));
      }
      Instruction instruction = instruction(line, logical, startLine);
      if (instruction != null) {
        instructions.add(instruction);
      } else {
        dropped++;
      }
    }
    if (instructions.isEmpty() && dropped == 0) {
      diagnostics.add(
          Diagnostic.error(
              file.at(Math.max(1, lineNo), 1), "no-instructions", "file with no instructions"));
    }
    Dockerfile model =
        new StageAssembler(file, diagnostics, escape).assemble(directives, instructions);
    return ParseResult.of(model, diagnostics);
  }

  private Instruction instruction(String line, Logical logical, int startLine) {
    LineParsers.Parsed p;
    try {
      p = LineParsers.parse(line, escape);
    } catch (LineParsers.SyntaxError e) {
      diagnostics.add(
          Diagnostic.error(
              file.locationOf(logical.offset(GoText.skipSpace(line, 0))),
              "dockerfile-syntax",
              e.getMessage()));
      return null;
    }
    Location where = file.locationOf(logical.offset(p.cmdStart()));
    List<Heredoc> heredocs = new ArrayList<>();
    if (canContainHeredoc(p) && line.contains("<<")) {
      List<HeredocWords.Marker> markers;
      try {
        markers = HeredocWords.fromLine(line);
      } catch (ShellLex.LexError e) {
        diagnostics.add(Diagnostic.error(where, "dockerfile-syntax", e.getMessage()));
        markers = List.of();
      }
      for (HeredocWords.Marker m : markers) {
        heredocs.add(readHeredoc(m, where));
      }
    }
    List<Flag> flags = new ArrayList<>();
    for (int i = 0; i < p.flags().size(); i++) {
      Location at = file.locationOf(logical.offset(p.flagStarts().get(i)));
      flags.add(Flag.parse(p.flags().get(i), at));
    }
    return build(p, line, where, lineNo, flags, heredocs);
  }

  private static Instruction build(
      LineParsers.Parsed p,
      String line,
      Location where,
      int endLine,
      List<Flag> flags,
      List<Heredoc> heredocs) {
    Instruction trigger = null;
    List<String> args = new ArrayList<>();
    if (p.sub() != null) {
      List<Flag> subFlags = new ArrayList<>();
      for (String raw : p.sub().flags()) {
        subFlags.add(Flag.parse(raw, where));
      }
      trigger = build(p.sub(), p.args(), where, endLine, subFlags, heredocs);
      args.add(p.args());
    } else {
      for (AstNode n : p.next()) {
        args.add(n.value());
      }
    }
    return new Instruction(
        p.cmd().toUpperCase(Locale.ROOT),
        line,
        where,
        endLine,
        flags,
        args,
        p.json(),
        heredocs,
        trigger,
        p.node());
  }

  private static boolean canContainHeredoc(LineParsers.Parsed p) {
    LineParsers.Parsed node = p;
    if (p.cmd().equalsIgnoreCase("onbuild") && p.sub() != null) {
      node = p.sub();
    }
    String cmd = node.cmd().toLowerCase(Locale.ROOT);
    return (cmd.equals("run") || cmd.equals("copy") || cmd.equals("add")) && !node.json();
  }

  /** Reads a heredoc body up to its terminator line; BuildKit keeps the body byte for byte. */
  private Heredoc readHeredoc(HeredocWords.Marker m, Location where) {
    StringBuilder content = new StringBuilder();
    boolean terminated = false;
    while (hasNextLine()) {
      nextLine();
      int s = lineStart;
      if (m.chomp()) {
        while (s < lineContentEnd && text.charAt(s) == '\t') {
          s++;
        }
      }
      if (text.regionMatches(s, m.name(), 0, m.name().length())
          && s + m.name().length() == lineContentEnd) {
        terminated = true;
        break;
      }
      content.append(text, lineStart, lineEnd);
    }
    if (!terminated) {
      diagnostics.add(
          Diagnostic.error(
              where,
              "unterminated-heredoc",
              "unterminated heredoc: no line " + m.name() + " closes <<" + m.name()));
    }
    return new Heredoc(m.name(), content.toString(), m.expand(), m.chomp(), m.fileDescriptor());
  }

  /**
   * BuildKit's continuation rule: a line whose last non-blank character is the escape character,
   * not itself escaped, continues on the next line; the escape and the blanks after it go.
   *
   * @return true when the instruction ends on this line
   */
  private boolean continuation(String line, int offset, Logical logical) {
    int j = line.length();
    while (j > 0 && (line.charAt(j - 1) == ' ' || line.charAt(j - 1) == '\t')) {
      j--;
    }
    if (j > 0 && line.charAt(j - 1) == escape && (j == 1 || line.charAt(j - 2) != escape)) {
      logical.add(line.substring(0, j - 1), offset);
      return false;
    }
    logical.add(line, offset);
    return true;
  }

  /**
   * Parser directives: {@code # key=value} lines before anything else. Any other line, blank line
   * or comment ends them; a repeated directive is an error.
   */
  private void directive(String line, int offset) {
    if (directivesDone) {
      return;
    }
    if (!line.startsWith("#")) {
      directivesDone = true;
      return;
    }
    String rest = GoText.trimLeft(line.substring(1));
    int i = 0;
    if (rest.isEmpty() || !isAsciiLetter(rest.charAt(0))) {
      directivesDone = true;
      return;
    }
    while (i < rest.length() && (isAsciiLetter(rest.charAt(i)) || isAsciiDigit(rest.charAt(i)))) {
      i++;
    }
    String key = rest.substring(0, i);
    while (i < rest.length() && isReSpace(rest.charAt(i))) {
      i++;
    }
    if (i >= rest.length() || rest.charAt(i) != '=') {
      directivesDone = true;
      return;
    }
    i++;
    String afterEq = rest.substring(i);
    int v = 0;
    while (v < afterEq.length() && isReSpace(afterEq.charAt(v))) {
      v++;
    }
    int end = afterEq.length();
    while (end > v && isReSpace(afterEq.charAt(end - 1))) {
      end--;
    }
    String value;
    if (end > v) {
      value = afterEq.substring(v, end);
    } else if (!afterEq.isEmpty()) {
      // The regex's (.+?) must take one character: with only blanks left, it takes the last.
      value = afterEq.substring(afterEq.length() - 1);
    } else {
      directivesDone = true;
      return;
    }
    String k = key.toLowerCase(Locale.ROOT);
    if (!DIRECTIVES.contains(k)) {
      directivesDone = true;
      return;
    }
    Location at = file.locationOf(offset);
    if (!seenDirectives.add(k)) {
      diagnostics.add(
          Diagnostic.error(
              at, "parser-directive", "only one " + k + " parser directive can be used"));
      return;
    }
    directives.put(k, value);
    if (k.equals("escape")) {
      if (value.equals("`") || value.equals("\\")) {
        escape = value.charAt(0);
      } else {
        diagnostics.add(
            Diagnostic.error(
                at,
                "parser-directive",
                "invalid escape token '" + value + "' does not match ` or \\"));
      }
    }
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Go regexp's {@code \s}: ASCII space, tab, newline, form feed, carriage return. */
  private static boolean isReSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
  }

  private boolean hasNextLine() {
    return pos < text.length();
  }

  private void nextLine() {
    lineStart = pos;
    int nl = text.indexOf('\n', pos);
    lineEnd = nl < 0 ? text.length() : nl + 1;
    int ce = nl < 0 ? text.length() : nl;
    while (ce > lineStart && text.charAt(ce - 1) == '\r') {
      ce--;
    }
    lineContentEnd = ce;
    pos = lineEnd;
    lineNo++;
    if (!lineTooLongReported && lineEnd - lineStart > MAX_LINE_CHARS_UNCHECKED) {
      checkLineLength();
    }
  }

  /**
   * BuildKit reads lines with Go's {@code bufio.Scanner}, which gives up on a line of more than 64
   * KiB; BuildKit then fails the whole file. We say so once and read on.
   */
  private void checkLineLength() {
    long bytes = 0;
    for (int i = lineStart; i < lineEnd; i++) {
      char c = text.charAt(i);
      bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
    }
    if (bytes > MAX_LINE_BYTES) {
      lineTooLongReported = true;
      diagnostics.add(
          Diagnostic.error(
              file.at(lineNo, 1),
              "line-too-long",
              "dockerfile line greater than max allowed size of " + (MAX_LINE_BYTES - 1)));
    }
  }

  /**
   * A logical line under construction: the joined text, and where each joined piece came from, so
   * that a position in the logical line maps back to the file.
   */
  private static final class Logical {
    private final StringBuilder text = new StringBuilder();
    private int[] starts = new int[4];
    private int[] offsets = new int[4];
    private int n;

    void add(String piece, int offset) {
      if (n == starts.length) {
        starts = Arrays.copyOf(starts, n * 2);
        offsets = Arrays.copyOf(offsets, n * 2);
      }
      starts[n] = text.length();
      offsets[n] = offset;
      n++;
      text.append(piece);
    }

    boolean isEmpty() {
      return text.length() == 0;
    }

    String text() {
      return text.toString();
    }

    /** The file offset of the character at {@code index} of the logical line. */
    int offset(int index) {
      int lo = 0;
      int hi = n - 1;
      int found = 0;
      while (lo <= hi) {
        int mid = (lo + hi) >>> 1;
        if (starts[mid] <= index) {
          found = mid;
          lo = mid + 1;
        } else {
          hi = mid - 1;
        }
      }
      return n == 0 ? 0 : offsets[found] + (index - starts[found]);
    }
  }
}
