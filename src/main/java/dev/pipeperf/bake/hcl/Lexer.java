package dev.pipeperf.bake.hcl;

import dev.pipeperf.bake.hcl.Token.TokenType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Splits HCL native syntax into tokens, the way hclsyntax's scanner does: templates (quoted strings
 * and heredocs) come out as literal chunks between {@code ${}}/{@code %{}} sequences, and the lexer
 * keeps a stack of modes so that a {@code }} closes the right thing. Never throws: characters it
 * cannot use become {@link TokenType#INVALID} tokens for the parser to report.
 */
public final class Lexer {

  private final String src;
  private final List<Token> out = new ArrayList<>();
  private final Deque<Mode> modes = new ArrayDeque<>();
  private int pos;
  private boolean rawTemplate;

  private sealed interface Mode permits Normal, Quoted, Heredoc {}

  /** Expression mode; {@code braces} counts the braces open inside a template sequence. */
  private static final class Normal implements Mode {
    int braces;
    final boolean inTemplate;

    Normal(boolean inTemplate) {
      this.inTemplate = inTemplate;
    }
  }

  private record Quoted() implements Mode {}

  private record Heredoc(String marker) implements Mode {}

  private Lexer(String src) {
    this.src = src;
  }

  /**
   * Tokens of {@code src} read as the inside of a template without escapes (the string values of
   * JSON bake files), ending with {@link TokenType#EOF}.
   */
  public static List<Token> tokenizeTemplate(String src) {
    Lexer lx = new Lexer(src);
    lx.rawTemplate = true;
    lx.modes.push(new Heredoc("\0"));
    lx.run();
    return lx.out;
  }

  /** All tokens of {@code src}, ending with one {@link TokenType#EOF}. */
  public static List<Token> tokenize(String src) {
    Lexer lx = new Lexer(src);
    lx.modes.push(new Normal(false));
    lx.run();
    return lx.out;
  }

  private void run() {
    while (pos < src.length()) {
      Mode mode = modes.peek();
      if (mode instanceof Normal n) {
        normal(n);
      } else if (mode instanceof Quoted) {
        quoted();
      } else if (mode instanceof Heredoc h) {
        heredoc(h);
      }
    }
    out.add(new Token(TokenType.EOF, "", "", src.length(), src.length(), false));
  }

  private void add(TokenType type, int start, int end) {
    String t = src.substring(start, end);
    out.add(new Token(type, t, t, start, end, false));
  }

  private char at(int i) {
    return i < src.length() ? src.charAt(i) : '\0';
  }

  private void normal(Normal mode) {
    char c = src.charAt(pos);
    int start = pos;
    if (c == ' ' || c == '\t' || c == '\r') {
      pos++;
      return;
    }
    if (c == '\n') {
      pos++;
      add(TokenType.NEWLINE, start, pos);
      return;
    }
    if (c == '#' || (c == '/' && at(pos + 1) == '/')) {
      while (pos < src.length() && src.charAt(pos) != '\n') {
        pos++;
      }
      return;
    }
    if (c == '/' && at(pos + 1) == '*') {
      int endc = src.indexOf("*/", pos + 2);
      String body = src.substring(pos, endc < 0 ? src.length() : endc);
      pos = endc < 0 ? src.length() : endc + 2;
      if (endc < 0) {
        add(TokenType.INVALID, start, pos);
      } else if (body.indexOf('\n') >= 0) {
        // A multi-line comment ends a line as far as attributes are concerned.
        out.add(new Token(TokenType.NEWLINE, "\n", "\n", pos - 1, pos, false));
      }
      return;
    }
    if (Character.isLetter(c) || c == '_') {
      pos++;
      while (pos < src.length()) {
        char d = src.charAt(pos);
        if (Character.isLetterOrDigit(d) || d == '_' || d == '-') {
          pos++;
        } else {
          break;
        }
      }
      add(TokenType.IDENT, start, pos);
      return;
    }
    if (c >= '0' && c <= '9') {
      number();
      return;
    }
    if (c == '"') {
      pos++;
      add(TokenType.OQUOTE, start, pos);
      modes.push(new Quoted());
      return;
    }
    if (c == '<' && at(pos + 1) == '<' && heredocStart()) {
      return;
    }
    if (c == '~' && at(pos + 1) == '}' && mode.inTemplate && mode.braces == 0) {
      pos += 2;
      add(TokenType.TEMPLATE_SEQ_END, start, pos);
      modes.pop();
      return;
    }
    switch (c) {
      case '{' -> {
        mode.braces++;
        single(TokenType.LBRACE);
      }
      case '}' -> {
        if (mode.inTemplate && mode.braces == 0) {
          pos++;
          add(TokenType.TEMPLATE_SEQ_END, start, pos);
          modes.pop();
        } else {
          mode.braces = Math.max(0, mode.braces - 1);
          single(TokenType.RBRACE);
        }
      }
      case '[' -> single(TokenType.LBRACK);
      case ']' -> single(TokenType.RBRACK);
      case '(' -> single(TokenType.LPAREN);
      case ')' -> single(TokenType.RPAREN);
      case ',' -> single(TokenType.COMMA);
      case '.' -> {
        if (at(pos + 1) == '.' && at(pos + 2) == '.') {
          pos += 3;
          add(TokenType.ELLIPSIS, start, pos);
        } else {
          single(TokenType.DOT);
        }
      }
      case '*' -> single(TokenType.STAR);
      case '/' -> single(TokenType.SLASH);
      case '%' -> single(TokenType.PERCENT);
      case '+' -> single(TokenType.PLUS);
      case '-' -> single(TokenType.MINUS);
      case '?' -> single(TokenType.QUESTION);
      case ':' -> single(TokenType.COLON);
      case '=' -> {
        if (at(pos + 1) == '=') {
          two(TokenType.EQ);
        } else if (at(pos + 1) == '>') {
          two(TokenType.FAT_ARROW);
        } else {
          single(TokenType.ASSIGN);
        }
      }
      case '!' -> {
        if (at(pos + 1) == '=') {
          two(TokenType.NE);
        } else {
          single(TokenType.BANG);
        }
      }
      case '<' -> {
        if (at(pos + 1) == '=') {
          two(TokenType.LE);
        } else {
          single(TokenType.LT);
        }
      }
      case '>' -> {
        if (at(pos + 1) == '=') {
          two(TokenType.GE);
        } else {
          single(TokenType.GT);
        }
      }
      case '&' -> {
        if (at(pos + 1) == '&') {
          two(TokenType.AND);
        } else {
          single(TokenType.INVALID);
        }
      }
      case '|' -> {
        if (at(pos + 1) == '|') {
          two(TokenType.OR);
        } else {
          single(TokenType.INVALID);
        }
      }
      default -> single(TokenType.INVALID);
    }
  }

  private void single(TokenType t) {
    add(t, pos, pos + 1);
    pos++;
  }

  private void two(TokenType t) {
    add(t, pos, pos + 2);
    pos += 2;
  }

  private void number() {
    int start = pos;
    while (Character.isDigit(at(pos))) {
      pos++;
    }
    if (at(pos) == '.' && Character.isDigit(at(pos + 1))) {
      pos++;
      while (Character.isDigit(at(pos))) {
        pos++;
      }
    }
    if (at(pos) == 'e' || at(pos) == 'E') {
      int save = pos;
      pos++;
      if (at(pos) == '+' || at(pos) == '-') {
        pos++;
      }
      if (Character.isDigit(at(pos))) {
        while (Character.isDigit(at(pos))) {
          pos++;
        }
      } else {
        pos = save;
      }
    }
    add(TokenType.NUMBER, start, pos);
  }

  private boolean heredocStart() {
    int p = pos + 2;
    if (at(p) == '-') {
      p++;
    }
    int idStart = p;
    if (!(Character.isLetter(at(p)) || at(p) == '_')) {
      return false;
    }
    while (Character.isLetterOrDigit(at(p)) || at(p) == '_' || at(p) == '-') {
      p++;
    }
    String marker = src.substring(idStart, p);
    if (at(p) == '\r') {
      p++;
    }
    if (at(p) != '\n') {
      return false;
    }
    p++;
    add(TokenType.OHEREDOC, pos, p);
    pos = p;
    modes.push(new Heredoc(marker));
    return true;
  }

  /** Inside a quoted string: literal chunks with escapes, until {@code "} or a sequence start. */
  private void quoted() {
    int start = pos;
    StringBuilder cooked = new StringBuilder();
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (c == '"') {
        flushLiteral(start, cooked, false);
        add(TokenType.CQUOTE, pos, pos + 1);
        pos++;
        modes.pop();
        return;
      }
      if (c == '\n') {
        // Quoted strings cannot span lines: close the template so the parser can recover.
        flushLiteral(start, cooked, false);
        out.add(new Token(TokenType.INVALID, "\n", "\n", pos, pos, false));
        modes.pop();
        return;
      }
      if (c == '\\') {
        pos = escape(cooked);
        continue;
      }
      if (sequenceStart(start, cooked, false)) {
        if (modes.peek() instanceof Quoted) {
          continue;
        }
        return;
      }
      cooked.append(c);
      pos++;
    }
    flushLiteral(start, cooked, false);
    out.add(new Token(TokenType.INVALID, "", "", pos, pos, false));
    modes.pop();
  }

  /**
   * Handles "$${", "%%{", "${" and "%{": true when it consumed input (an escape, appended to {@code
   * cooked}, or a sequence start, after which the mode has changed).
   */
  private boolean sequenceStart(int start, StringBuilder cooked, boolean lineStart) {
    char c = src.charAt(pos);
    if ((c == '$' || c == '%') && at(pos + 1) == c && at(pos + 2) == '{') {
      cooked.append(c).append('{');
      pos += 3;
      return true;
    }
    if ((c == '$' || c == '%') && at(pos + 1) == '{') {
      flushLiteral(start, cooked, lineStart);
      int s = pos;
      pos += 2;
      if (at(pos) == '~') {
        pos++;
      }
      add(c == '$' ? TokenType.TEMPLATE_INTERP : TokenType.TEMPLATE_CONTROL, s, pos);
      modes.push(new Normal(true));
      return true;
    }
    return false;
  }

  private void flushLiteral(int start, StringBuilder cooked, boolean lineStart) {
    if (pos > start) {
      out.add(
          new Token(
              TokenType.TEMPLATE_LITERAL,
              src.substring(start, pos),
              cooked.toString(),
              start,
              pos,
              lineStart));
    }
  }

  private int escape(StringBuilder cooked) {
    char n = at(pos + 1);
    switch (n) {
      case 'n' -> cooked.append('\n');
      case 'r' -> cooked.append('\r');
      case 't' -> cooked.append('\t');
      case '"' -> cooked.append('"');
      case '\\' -> cooked.append('\\');
      case 'u', 'U' -> {
        int len = n == 'u' ? 4 : 8;
        int hexStart = pos + 2;
        int hexEnd = Math.min(src.length(), hexStart + len);
        String hex = src.substring(hexStart, hexEnd);
        try {
          cooked.appendCodePoint(Integer.parseInt(hex, 16));
          return hexEnd;
        } catch (IllegalArgumentException e) {
          cooked.append('\\').append(n);
          return pos + 2;
        }
      }
      default -> cooked.append('\\').append(n == '\0' ? "" : String.valueOf(n));
    }
    return Math.min(src.length(), pos + 2);
  }

  /** Inside a heredoc: one literal token per line piece, until the closing marker line. */
  private void heredoc(Heredoc mode) {
    int lineBegin = pos;
    boolean atLineStart = pos == 0 || src.charAt(pos - 1) == '\n';
    if (atLineStart && isMarkerLine(mode.marker())) {
      int s = pos;
      while (src.charAt(pos) == ' ' || src.charAt(pos) == '\t') {
        pos++;
      }
      pos += mode.marker().length();
      add(TokenType.CHEREDOC, s, pos);
      modes.pop();
      return;
    }
    StringBuilder cooked = new StringBuilder();
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (c == '\n') {
        cooked.append(c);
        pos++;
        flushLiteral(lineBegin, cooked, atLineStart);
        return;
      }
      if (sequenceStart(lineBegin, cooked, atLineStart)) {
        if (modes.peek() == mode) {
          continue;
        }
        return;
      }
      cooked.append(c);
      pos++;
    }
    flushLiteral(lineBegin, cooked, atLineStart);
    if (!rawTemplate) {
      out.add(new Token(TokenType.INVALID, "", "", pos, pos, false));
    }
    modes.pop();
  }

  private boolean isMarkerLine(String marker) {
    int p = pos;
    while (at(p) == ' ' || at(p) == '\t') {
      p++;
    }
    if (!src.startsWith(marker, p)) {
      return false;
    }
    p += marker.length();
    return p >= src.length() || src.charAt(p) == '\n' || src.charAt(p) == '\r';
  }
}
