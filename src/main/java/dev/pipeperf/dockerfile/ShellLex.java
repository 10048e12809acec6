package dev.pipeperf.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * BuildKit's shell-word lexer ({@code frontend/dockerfile/shell/lex.go}), as far as the parser
 * needs it: finding heredoc markers in a line, and substituting global {@code ARG} defaults into
 * {@code FROM} and {@code --from}. Quotes, escapes, {@code $VAR}, {@code ${VAR}} and the {@code
 * ${VAR:-x}} family behave as in BuildKit; with {@code skipUnset} an unknown variable is left as
 * written, which is what BuildKit does when it looks for heredocs and what we want when a value is
 * not known. With {@code applyDefaults}, {@code ${X:-d}} of an unknown X gives {@code d} (what a
 * build without build-args would see) instead of staying as written.
 */
final class ShellLex {

  /** A lexing error (unterminated quote, bad substitution); BuildKit reports these as errors. */
  static final class LexError extends Exception {
    private static final long serialVersionUID = 1L;

    LexError(String message) {
      super(message, null, false, false);
    }
  }

  /** The processed text and the same text split into shell words. */
  record Processed(String word, List<String> words) {}

  private static final int EOF = -1;

  private final int escape;
  private final boolean rawQuotes;
  private final boolean skipUnset;
  private final Map<String, String> env;
  private final boolean applyDefaults;

  private static final int MAX_DEPTH = 64;

  private int[] cps;
  private int pos;
  private int depth;
  private boolean rawEscapes;
  // BuildKit shares one word buffer between nested processStopOn calls; so do we, quirks included.
  private final StringBuilder wordsBuffer = new StringBuilder();

  ShellLex(
      int escape,
      boolean rawQuotes,
      boolean rawEscapes,
      boolean skipUnset,
      boolean applyDefaults,
      Map<String, String> env) {
    this.escape = escape;
    this.rawQuotes = rawQuotes;
    this.rawEscapes = rawEscapes;
    this.skipUnset = skipUnset;
    this.applyDefaults = applyDefaults;
    this.env = env;
  }

  /** Lexes {@code input}; throws {@link LexError} where BuildKit returns an error. */
  Processed process(String input) throws LexError {
    cps = input.codePoints().toArray();
    pos = 0;
    depth = 0;
    boolean initial = rawEscapes;
    try {
      return stopOn(EOF, rawEscapes);
    } finally {
      rawEscapes = initial;
    }
  }

  private int peek() {
    return pos < cps.length ? cps[pos] : EOF;
  }

  private int next() {
    return pos < cps.length ? cps[pos++] : EOF;
  }

  private final class Words {
    private final List<String> words = new ArrayList<>();
    private boolean inWord;

    void addChar(int ch) {
      if (GoText.isSpace(ch) && inWord) {
        if (wordsBuffer.length() != 0) {
          words.add(wordsBuffer.toString());
          wordsBuffer.setLength(0);
          inWord = false;
        }
      } else if (!GoText.isSpace(ch)) {
        addRawChar(ch);
      }
    }

    void addRawChar(int ch) {
      wordsBuffer.appendCodePoint(ch);
      inWord = true;
    }

    void addString(String str) {
      str.codePoints().forEach(this::addChar);
    }

    void addRawString(String str) {
      wordsBuffer.append(str);
      inWord = true;
    }

    List<String> get() {
      if (wordsBuffer.length() > 0) {
        words.add(wordsBuffer.toString());
        wordsBuffer.setLength(0);
        inWord = false;
      }
      return words;
    }
  }

  private Processed stopOn(int stop, boolean raw) throws LexError {
    if (++depth > MAX_DEPTH) {
      // ${a:-${b:-...}} nested this deep is an attack, not a Dockerfile: refuse, don't overflow.
      throw new LexError("substitutions nested too deeply");
    }
    try {
      return stopOnNested(stop, raw);
    } finally {
      depth--;
    }
  }

  private Processed stopOnNested(int stop, boolean raw) throws LexError {
    StringBuilder result = new StringBuilder();
    wordsBuffer.setLength(0);
    Words words = new Words();
    boolean saved = rawEscapes;
    rawEscapes = raw;
    try {
      while (peek() != EOF) {
        int ch = peek();
        if (stop != EOF && ch == stop) {
          next();
          return new Processed(result.toString(), words.get());
        }
        if (ch == '$') {
          String tmp = dollar();
          result.append(tmp);
          words.addString(tmp);
        } else if (ch == '\'' || ch == '"' || ch == '<') {
          String tmp = ch == '\'' ? singleQuote() : ch == '"' ? doubleQuote() : possibleHeredoc();
          result.append(tmp);
          words.addRawString(tmp);
        } else {
          ch = next();
          if (ch == escape) {
            if (rawEscapes) {
              words.addRawChar(ch);
              result.appendCodePoint(ch);
            }
            ch = next();
            if (ch == EOF) {
              break;
            }
            words.addRawChar(ch);
          } else {
            words.addChar(ch);
          }
          result.appendCodePoint(ch);
        }
      }
      if (stop != EOF) {
        throw new LexError(
            "unexpected end of statement while looking for matching " + Character.toString(stop));
      }
      return new Processed(result.toString(), words.get());
    } finally {
      rawEscapes = saved;
    }
  }

  private String possibleHeredoc() {
    next();
    if (peek() != '<') {
      return "<";
    }
    next();
    StringBuilder out = new StringBuilder("<<");
    while (peek() == ' ' || peek() == '\t' || peek() == '\r' || peek() == '\n') {
      out.appendCodePoint(next());
    }
    return out.toString();
  }

  private String singleQuote() throws LexError {
    StringBuilder out = new StringBuilder();
    int ch = next();
    if (rawQuotes) {
      out.appendCodePoint(ch);
    }
    while (true) {
      ch = next();
      if (ch == EOF) {
        throw new LexError("unexpected end of statement while looking for matching single-quote");
      }
      if (ch == '\'') {
        if (rawQuotes) {
          out.appendCodePoint(ch);
        }
        return out.toString();
      }
      out.appendCodePoint(ch);
    }
  }

  private String doubleQuote() throws LexError {
    StringBuilder out = new StringBuilder();
    int ch = next();
    if (rawQuotes) {
      out.appendCodePoint(ch);
    }
    while (true) {
      int p = peek();
      if (p == EOF) {
        throw new LexError("unexpected end of statement while looking for matching double-quote");
      }
      if (p == '"') {
        ch = next();
        if (rawQuotes) {
          out.appendCodePoint(ch);
        }
        return out.toString();
      }
      if (p == '$') {
        out.append(dollar());
        continue;
      }
      ch = next();
      if (ch == escape) {
        if (rawEscapes) {
          out.appendCodePoint(ch);
        }
        int q = peek();
        if (q == EOF) {
          continue;
        }
        if (q == '"' || q == '$' || q == escape) {
          ch = next();
        }
      }
      out.appendCodePoint(ch);
    }
  }

  private String dollar() throws LexError {
    next();
    if (peek() != '{') {
      String name = name();
      if (name.isEmpty()) {
        return "$";
      }
      String value = env.get(name);
      if (value == null) {
        return skipUnset ? "$" + name : "";
      }
      return value;
    }
    next();
    int p = peek();
    if (p == EOF) {
      throw new LexError("syntax error: missing '}'");
    }
    if (p == '{' || p == '}' || p == ':') {
      throw new LexError("syntax error: bad substitution");
    }
    String name = name();
    int ch = next();
    String chs = ch == EOF ? "" : Character.toString(ch);
    boolean nullIsUnset = false;
    if (ch == '}') {
      String value = env.get(name);
      if (value == null) {
        return skipUnset ? "${" + name + "}" : "";
      }
      return value;
    }
    if (ch == ':') {
      nullIsUnset = true;
      ch = next();
      chs += ch == EOF ? "" : Character.toString(ch);
    }
    if (nullIsUnset || ch == '+' || ch == '-' || ch == '?' || ch == '#' || ch == '%') {
      boolean rawEsc = ch == '#' || ch == '%';
      if (nullIsUnset && rawEsc) {
        throw new LexError("unsupported modifier (" + chs + ") in substitution");
      }
      String word = subWord('}', rawEsc, "syntax error: missing '}'");
      String value = env.get(name);
      boolean set = value != null;
      boolean useDefault = applyDefaults && (ch == '-' || ch == '+');
      if (!set && skipUnset && !useDefault) {
        return "${" + name + chs + word + "}";
      }
      String v = set ? value : "";
      switch (ch) {
        case '-':
          return !set || (nullIsUnset && v.isEmpty()) ? word : v;
        case '+':
          return !set || (nullIsUnset && v.isEmpty()) ? "" : word;
        case '?':
          if (!set || (nullIsUnset && v.isEmpty())) {
            throw new LexError(
                name + ": " + (word.isEmpty() ? "is not allowed to be unset" : word));
          }
          return v;
        case '#':
        case '%':
          boolean greedy = !word.isEmpty() && word.charAt(0) == ch;
          String pattern = greedy ? word.substring(1) : word;
          return ch == '%'
              ? ShellGlob.trimSuffix(pattern, v, greedy)
              : ShellGlob.trimPrefix(pattern, v, greedy);
        default:
          throw new LexError("unsupported modifier (" + chs + ") in substitution");
      }
    }
    if (ch == '/') {
      boolean all = peek() == '/';
      if (all) {
        next();
      }
      String pattern = subWord('/', true, "syntax error: missing '/' in ${}");
      String replacement = subWord('}', true, "syntax error: missing '}'");
      String value = env.get(name);
      if (value == null) {
        if (skipUnset) {
          return "${" + name + "/" + pattern + "/" + replacement + "}";
        }
        value = "";
      }
      return ShellGlob.replace(value, pattern, replacement, all);
    }
    throw new LexError("unsupported modifier (" + chs + ") in substitution");
  }

  private String subWord(int stop, boolean raw, String missing) throws LexError {
    try {
      return stopOn(stop, raw).word();
    } catch (LexError e) {
      if (peek() == EOF) {
        throw new LexError(missing);
      }
      throw e;
    }
  }

  private String name() {
    StringBuilder name = new StringBuilder();
    while (peek() != EOF) {
      int ch = peek();
      if (name.length() == 0 && Character.isDigit(ch)) {
        while (peek() != EOF && Character.isDigit(peek())) {
          name.appendCodePoint(next());
        }
        return name.toString();
      }
      if (name.length() == 0 && "@*#?-$!0".indexOf(ch) >= 0) {
        next();
        return Character.toString(ch);
      }
      if (!Character.isLetter(ch) && !Character.isDigit(ch) && ch != '_') {
        break;
      }
      name.appendCodePoint(next());
    }
    return name.toString();
  }
}
