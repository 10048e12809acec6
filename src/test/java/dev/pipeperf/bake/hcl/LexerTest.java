package dev.pipeperf.bake.hcl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipeperf.bake.hcl.Token.TokenType;
import java.util.List;
import org.junit.jupiter.api.Test;

class LexerTest {

  private static List<TokenType> types(String src) {
    return Lexer.tokenize(src).stream().map(Token::type).toList();
  }

  @Test
  void everyTokenKnowsWhereItIs() {
    List<Token> t = Lexer.tokenize("a = 1.5e3 # c\nb=>");
    assertThat(t)
        .extracting(Token::type)
        .containsExactly(
            TokenType.IDENT,
            TokenType.ASSIGN,
            TokenType.NUMBER,
            TokenType.NEWLINE,
            TokenType.IDENT,
            TokenType.FAT_ARROW,
            TokenType.EOF);
    assertThat(t.get(2).text()).isEqualTo("1.5e3");
    assertThat(t.get(2).start()).isEqualTo(4);
    assertThat(t.get(4).start()).isEqualTo(14);
  }

  @Test
  void commentsOfAllThreeKindsAreSkipped() {
    assertThat(types("// x\n# y\n/* z */ a"))
        .containsExactly(TokenType.NEWLINE, TokenType.NEWLINE, TokenType.IDENT, TokenType.EOF);
    assertThat(types("/* one\ntwo */a"))
        .containsExactly(TokenType.NEWLINE, TokenType.IDENT, TokenType.EOF);
  }

  @Test
  void quotedTemplateSplitsIntoLiteralsAndSequences() {
    List<Token> t = Lexer.tokenize("\"a\\n${ {b=1}.b ~}c%{if x}\"");
    assertThat(t)
        .extracting(Token::type)
        .containsExactly(
            TokenType.OQUOTE,
            TokenType.TEMPLATE_LITERAL,
            TokenType.TEMPLATE_INTERP,
            TokenType.LBRACE,
            TokenType.IDENT,
            TokenType.ASSIGN,
            TokenType.NUMBER,
            TokenType.RBRACE,
            TokenType.DOT,
            TokenType.IDENT,
            TokenType.TEMPLATE_SEQ_END,
            TokenType.TEMPLATE_LITERAL,
            TokenType.TEMPLATE_CONTROL,
            TokenType.IDENT,
            TokenType.IDENT,
            TokenType.TEMPLATE_SEQ_END,
            TokenType.CQUOTE,
            TokenType.EOF);
    assertThat(t.get(1).value()).isEqualTo("a\n");
    assertThat(t.get(10).strips()).isTrue();
  }

  @Test
  void escapedSequencesStayLiteral() {
    List<Token> t = Lexer.tokenize("\"$${a} %%{b}\"");
    assertThat(t.get(1).value()).isEqualTo("${a} %{b}");
  }

  @Test
  void heredocLinesAreLiteralsUntilTheMarker() {
    List<Token> t = Lexer.tokenize("x = <<-EOT\n  a ${b}\n  c\n  EOT\n");
    assertThat(t)
        .extracting(Token::type)
        .containsExactly(
            TokenType.IDENT,
            TokenType.ASSIGN,
            TokenType.OHEREDOC,
            TokenType.TEMPLATE_LITERAL,
            TokenType.TEMPLATE_INTERP,
            TokenType.IDENT,
            TokenType.TEMPLATE_SEQ_END,
            TokenType.TEMPLATE_LITERAL,
            TokenType.TEMPLATE_LITERAL,
            TokenType.CHEREDOC,
            TokenType.NEWLINE,
            TokenType.EOF);
    assertThat(t.get(3).lineStart()).isTrue();
    assertThat(t.get(7).lineStart()).isFalse();
  }

  @Test
  void unterminatedInputEndsInEofWithoutThrowing() {
    assertThat(types("\"abc")).endsWith(TokenType.INVALID, TokenType.EOF);
    assertThat(types("<<EOT\nabc")).endsWith(TokenType.INVALID, TokenType.EOF);
    assertThat(types("/* open")).endsWith(TokenType.INVALID, TokenType.EOF);
    assertThat(types("a & b")).contains(TokenType.INVALID);
  }
}
