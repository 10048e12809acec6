package dev.pipeperf.bake.hcl;

/**
 * One lexical token of HCL native syntax.
 *
 * @param type what kind of token
 * @param text the raw source text of the token
 * @param value for template literals the text with escapes applied; otherwise {@code text}
 * @param start offset of the first character in the file
 * @param end offset just past the last character
 * @param lineStart for heredoc template literals: whether the literal begins a line
 */
public record Token(
    TokenType type, String text, String value, int start, int end, boolean lineStart) {

  /** The kinds of token. */
  public enum TokenType {
    IDENT,
    NUMBER,
    OQUOTE,
    CQUOTE,
    OHEREDOC,
    CHEREDOC,
    TEMPLATE_LITERAL,
    TEMPLATE_INTERP,
    TEMPLATE_CONTROL,
    TEMPLATE_SEQ_END,
    LBRACE,
    RBRACE,
    LBRACK,
    RBRACK,
    LPAREN,
    RPAREN,
    COMMA,
    DOT,
    ELLIPSIS,
    STAR,
    SLASH,
    PERCENT,
    PLUS,
    MINUS,
    ASSIGN,
    EQ,
    NE,
    LT,
    LE,
    GT,
    GE,
    AND,
    OR,
    BANG,
    QUESTION,
    COLON,
    FAT_ARROW,
    NEWLINE,
    EOF,
    INVALID
  }

  /** True for the sequence tokens written with a strip marker: "${~", "%{~" and "~}". */
  public boolean strips() {
    return text.contains("~");
  }
}
