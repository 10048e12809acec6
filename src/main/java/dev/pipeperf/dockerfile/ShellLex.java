package dev.pipeperf.dockerfile;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

  /**
   * The processed text and the same text split into shell words.
   *
   * @param referenced the variable names the text refers to (BuildKit's matched and unmatched)
   * @param complete false when a reference was kept as written because its value is not known
   */
  record Processed(String word, List<String> words, Set<String> referenced, boolean complete) {}

  private static final int EOF = -1;

  private final int escape;
  private final boolean rawQuotes;
  private final boolean skipUnset;
  private final Map<String, String> env;
  private final boolean applyDefaults;
  private final Set<String> asWritten;

  private static final int MAX_DEPTH = 64;

  private int[] cps;
  private int pos;
  private int depth;
  private boolean rawEscapes;
  // Allocated on the first reference: most words the parser lexes refer to no variable.
  private Set<String> referenced;
  private boolean keptAsWritten;
  // BuildKit shares one word buffer between nested processStopOn calls; so do we, quirks included.
  private final StringBuilder wordsBuffer = new StringBuilder();

  ShellLex(
      int escape,
      boolean rawQuotes,
      boolean rawEscapes,
      boolean skipUnset,
      boolean applyDefaults,
      Map<String, String> env) {
    this(escape, rawQuotes, rawEscapes, skipUnset, applyDefaults, env, Set.of());
  }

  /**
   * As above; {@code asWritten} names variables whose value in {@code env} (if any) is itself text
   * kept as written, or that are left out of {@code env} because their value depends on what is not
   * known: {@code ${X}} gives that text, but every operator on them ({@code ${X:+a}}, {@code
   * ${X#p}}...) is kept as written rather than computed from a placeholder.
   */
  ShellLex(
      int escape,
      boolean rawQuotes,
      boolean rawEscapes,
      boolean skipUnset,
      boolean applyDefaults,
      Map<String, String> env,
      Set<String> asWritten) {
    this.asWritten = asWritten;
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
    referenced = null;
    keptAsWritten = false;
    boolean initial = rawEscapes;
    try {
      Processed p = stopOn(EOF, rawEscapes);
      return new Processed(
          p.word(), p.words(), referenced == null ? Set.of() : referenced, !keptAsWritten);
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
          return new Processed(result.toString(), words.get(), Set.of(), true);
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
      return new Processed(result.toString(), words.get(), Set.of(), true);
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
      String value = lookup(name);
      if (value == null) {
        return skipUnset ? keep("$" + name) : "";
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
      String value = lookup(name);
      if (value == null) {
        return skipUnset ? keep("${" + name + "}") : "";
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
      if (asWritten.contains(name)) {
        refer(name);
        return keep("${" + name + chs + word + "}");
      }
      String value = lookup(name);
      boolean set = value != null;
      boolean useDefault = applyDefaults && (ch == '-' || ch == '+');
      if (!set && skipUnset && !useDefault) {
        return keep("${" + name + chs + word + "}");
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
      String value = asWritten.contains(name) ? null : lookup(name);
      if (value == null) {
        if (skipUnset || asWritten.contains(name)) {
          refer(name);
          return keep("${" + name + "/" + (all ? "/" : "") + pattern + "/" + replacement + "}");
        }
        value = "";
      }
      return ShellGlob.replace(value, pattern, replacement, all);
    }
    throw new LexError("unsupported modifier (" + chs + ") in substitution");
  }

  /** The value of a variable, noting that the text refers to it. */
  private String lookup(String name) {
    refer(name);
    String value = env.get(name);
    if (value != null && asWritten.contains(name)) {
      keptAsWritten = true;
    }
    return value;
  }

  private void refer(String name) {
    if (referenced == null) {
      referenced = new HashSet<>();
    }
    referenced.add(name);
  }

  /** Text kept as written because the value it refers to is not known. */
  private String keep(String text) {
    keptAsWritten = true;
    return text;
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
