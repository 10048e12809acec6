package dev.pipeperf.bake.hcl;

import dev.pipeperf.bake.hcl.Body.Attribute;
import dev.pipeperf.bake.hcl.Body.Block;
import dev.pipeperf.bake.hcl.Expression.Binary;
import dev.pipeperf.bake.hcl.Expression.Call;
import dev.pipeperf.bake.hcl.Expression.Conditional;
import dev.pipeperf.bake.hcl.Expression.For;
import dev.pipeperf.bake.hcl.Expression.GetAttr;
import dev.pipeperf.bake.hcl.Expression.Index;
import dev.pipeperf.bake.hcl.Expression.Literal;
import dev.pipeperf.bake.hcl.Expression.ObjectCons;
import dev.pipeperf.bake.hcl.Expression.ObjectItem;
import dev.pipeperf.bake.hcl.Expression.Parens;
import dev.pipeperf.bake.hcl.Expression.Splat;
import dev.pipeperf.bake.hcl.Expression.SplatItem;
import dev.pipeperf.bake.hcl.Expression.Template;
import dev.pipeperf.bake.hcl.Expression.TemplateFor;
import dev.pipeperf.bake.hcl.Expression.TemplateIf;
import dev.pipeperf.bake.hcl.Expression.TemplateWrap;
import dev.pipeperf.bake.hcl.Expression.Tuple;
import dev.pipeperf.bake.hcl.Expression.Unary;
import dev.pipeperf.bake.hcl.Expression.Variable;
import dev.pipeperf.bake.hcl.Token.TokenType;
import dev.pipeperf.source.Diagnostic;
import dev.pipeperf.source.Location;
import dev.pipeperf.source.ParseResult;
import dev.pipeperf.source.SourceFile;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Recursive-descent parser for HCL native syntax (hclsyntax spec): a file is a body of attributes
 * and blocks; expressions follow the spec's operator precedence. The first syntax error stops the
 * file with one diagnostic (what was parsed before it is kept); nesting deeper than {@link
 * #MAX_DEPTH} is refused rather than allowed to exhaust the stack.
 *
 * <p>One concern, kept whole on purpose: the grammar of HCL's native syntax (bodies, expressions by
 * precedence, templates with their strip markers and directives) over one token cursor; split, its
 * parts would share that cursor's state through every method.
 */
public final class Parser {

  /** Deepest nesting of expressions and blocks accepted. */
  public static final int MAX_DEPTH = 200;

  private final SourceFile file;
  private final List<Token> tokens;
  private final Deque<Boolean> skipNewlines = new ArrayDeque<>();
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private int pos;
  private int depth;

  private Parser(SourceFile file) {
    this(file, Lexer.tokenize(file.text()));
  }

  private Parser(SourceFile file, List<Token> tokens) {
    this.file = file;
    this.tokens = tokens;
    skipNewlines.push(false);
  }

  /** Parses a whole file into its body. */
  public static ParseResult<Body> parse(SourceFile file) {
    Parser p = new Parser(file);
    List<Attribute> attrs = new ArrayList<>();
    List<Block> blocks = new ArrayList<>();
    try {
      p.bodyItems(attrs, blocks, TokenType.EOF);
    } catch (SyntaxError e) {
      p.diagnostics.add(Diagnostic.error(e.location, "hcl-syntax", e.getMessage()));
    }
    return ParseResult.of(new Body(attrs, blocks, file.at(1, 1)), p.diagnostics);
  }

  /**
   * Parses a standalone template (the string value of a JSON bake file), as if it were the inside
   * of a quoted string without escapes; {@code offset} is where the string starts in {@code file}.
   */
  public static ParseResult<Expression> parseTemplate(SourceFile file, String text, Location at) {
    Parser p = new Parser(file, Lexer.tokenizeTemplate(text));
    try {
      Expression e = p.template(TokenType.EOF, null, false, true);
      return ParseResult.of(relocate(e, at), List.of());
    } catch (SyntaxError e) {
      return ParseResult.of(
          new Literal(Value.str(text), at),
          List.of(Diagnostic.error(at, "hcl-syntax", e.getMessage())));
    }
  }

  /** Parses a standalone expression (for tests and {@code --set}-like inputs). */
  public static ParseResult<Expression> parseExpression(SourceFile file) {
    Parser p = new Parser(file);
    try {
      p.skipNewlines.push(true);
      Expression e = p.expression();
      p.expect(TokenType.EOF, "end of expression");
      return ParseResult.of(e, List.of());
    } catch (SyntaxError e) {
      return ParseResult.failed(
          List.of(Diagnostic.error(e.location, "hcl-syntax", e.getMessage())));
    }
  }

  private static Expression relocate(Expression e, Location at) {
    // JSON strings are parsed out of context; point their nodes at the JSON string itself.
    if (e instanceof Literal l) {
      return new Literal(l.value(), at);
    }
    if (e instanceof Template t) {
      return new Template(t.parts().stream().map(p -> relocate(p, at)).toList(), at);
    }
    if (e instanceof TemplateWrap w) {
      return new TemplateWrap(relocate(w.inner(), at), at);
    }
    if (e instanceof Variable v) {
      return new Variable(v.name(), at);
    }
    if (e instanceof Call c) {
      return new Call(c.name(), c.args(), c.expandFinal(), at);
    }
    return e;
  }

  // ---- bodies

  private void bodyItems(List<Attribute> attrs, List<Block> blocks, TokenType end) {
    while (true) {
      Token t = peekRaw();
      if (t.type() == TokenType.NEWLINE) {
        pos++;
        continue;
      }
      if (t.type() == end) {
        return;
      }
      if (t.type() != TokenType.IDENT) {
        throw error(t, "expected an attribute or block name, found " + describe(t));
      }
      pos++;
      Token next = peekRaw();
      if (next.type() == TokenType.ASSIGN) {
        pos++;
        Expression e = expression();
        Token after = peekRaw();
        if (after.type() != TokenType.NEWLINE
            && after.type() != TokenType.EOF
            && after.type() != end) {
          throw error(
              after, "expected a newline after the attribute value, found " + describe(after));
        }
        for (Attribute prev : attrs) {
          if (prev.name().equals(t.text())) {
            diagnostics.add(
                Diagnostic.error(
                    loc(t),
                    "hcl-duplicate-attribute",
                    "attribute \"" + t.text() + "\" was already set at " + prev.location()));
          }
        }
        attrs.add(new Attribute(t.text(), e, loc(t)));
        continue;
      }
      List<String> labels = new ArrayList<>();
      while (true) {
        Token l = peekRaw();
        if (l.type() == TokenType.IDENT) {
          labels.add(l.text());
          pos++;
        } else if (l.type() == TokenType.OQUOTE) {
          labels.add(quotedLabel());
        } else {
          break;
        }
      }
      Token open = peekRaw();
      if (open.type() != TokenType.LBRACE) {
        throw error(
            open, "expected '=' or a block's '{' after " + t.text() + ", found " + describe(open));
      }
      pos++;
      enter(open);
      List<Attribute> innerAttrs = new ArrayList<>();
      List<Block> innerBlocks = new ArrayList<>();
      skipNewlines.push(false);
      Token first = peekRaw();
      if (first.type() == TokenType.NEWLINE || first.type() == TokenType.RBRACE) {
        bodyItems(innerAttrs, innerBlocks, TokenType.RBRACE);
      } else {
        singleLineBody(first, innerAttrs);
      }
      skipNewlines.pop();
      pos++;
      depth--;
      Token after = peekRaw();
      if (after.type() != TokenType.NEWLINE
          && after.type() != TokenType.EOF
          && after.type() != end) {
        throw error(
            after, "expected a newline after the block's closing '}', found " + describe(after));
      }
      blocks.add(new Block(t.text(), labels, new Body(innerAttrs, innerBlocks, loc(open)), loc(t)));
    }
  }

  /** {@code { name = value }} on one line: HCL allows exactly one attribute there. */
  private void singleLineBody(Token first, List<Attribute> attrs) {
    if (first.type() != TokenType.IDENT || peekAt(1).type() != TokenType.ASSIGN) {
      throw error(first, "a single-line block can hold only one attribute, not a nested block");
    }
    pos += 2;
    Expression e = expression();
    attrs.add(new Attribute(first.text(), e, loc(first)));
    Token close = peekRaw();
    if (close.type() != TokenType.RBRACE) {
      throw error(
          close,
          "a single-line block must end with '}' right after its one attribute, found "
              + describe(close));
    }
  }

  private String quotedLabel() {
    Token open = next();
    StringBuilder sb = new StringBuilder();
    while (peekRaw().type() == TokenType.TEMPLATE_LITERAL) {
      sb.append(next().value());
    }
    Token close = next();
    if (close.type() != TokenType.CQUOTE) {
      throw error(close, "block labels must be plain quoted strings");
    }
    if (open.type() != TokenType.OQUOTE) {
      throw error(open, "expected a label");
    }
    return sb.toString();
  }

  // ---- expressions

  /** Parses one expression, the conditional being the lowest-precedence form. */
  Expression expression() {
    Token start = peek();
    enter(start);
    try {
      Expression cond = binary(0);
      if (peek().type() == TokenType.QUESTION) {
        pos++;
        skipNewlines.push(true);
        Expression a = expression();
        expect(TokenType.COLON, "':' of the conditional");
        skipNewlines.pop();
        Expression b = expression();
        return new Conditional(cond, a, b, cond.location());
      }
      return cond;
    } finally {
      depth--;
    }
  }

  private static final List<List<String>> LEVELS =
      List.of(
          List.of("||"),
          List.of("&&"),
          List.of("==", "!="),
          List.of(">", ">=", "<", "<="),
          List.of("+", "-"),
          List.of("*", "/", "%"));

  private Expression binary(int level) {
    if (level == LEVELS.size()) {
      return unary();
    }
    Expression left = binary(level + 1);
    while (true) {
      Token t = peek();
      String op = t.text();
      if (!isOperator(t) || !LEVELS.get(level).contains(op)) {
        return left;
      }
      pos++;
      Expression right = binary(level + 1);
      left = new Binary(op, left, right, left.location());
    }
  }

  private static boolean isOperator(Token t) {
    return switch (t.type()) {
      case OR, AND, EQ, NE, GT, GE, LT, LE, PLUS, MINUS, STAR, SLASH, PERCENT -> true;
      default -> false;
    };
  }

  private Expression unary() {
    Token t = peek();
    if (t.type() == TokenType.BANG || t.type() == TokenType.MINUS) {
      pos++;
      enter(t);
      try {
        return new Unary(t.text(), unary(), loc(t));
      } finally {
        depth--;
      }
    }
    return postfix(primary());
  }

  private Expression postfix(Expression e) {
    while (true) {
      Token t = peek();
      if (t.type() == TokenType.DOT) {
        Token n = peekAt(1);
        if (n.type() == TokenType.STAR) {
          pos += 2;
          e = new Splat(e, splatChain(new SplatItem(loc(t)), false), loc(t));
        } else if (n.type() == TokenType.IDENT) {
          pos += 2;
          e = new GetAttr(e, n.text(), loc(n));
        } else if (n.type() == TokenType.NUMBER && n.text().matches("[0-9]+")) {
          pos += 2;
          e = new Index(e, new Literal(Value.num(new BigDecimal(n.text())), loc(n)), loc(n));
        } else {
          throw error(n, "expected an attribute name after '.', found " + describe(n));
        }
      } else if (t.type() == TokenType.LBRACK) {
        if (peekAt(1).type() == TokenType.STAR && peekAt(2).type() == TokenType.RBRACK) {
          pos += 3;
          e = new Splat(e, splatChain(new SplatItem(loc(t)), true), loc(t));
        } else {
          pos++;
          skipNewlines.push(true);
          Expression key = expression();
          expect(TokenType.RBRACK, "']'");
          skipNewlines.pop();
          e = new Index(e, key, loc(t));
        }
      } else {
        return e;
      }
    }
  }

  /** The traversal after a splat, applied to each element ({@code .*} takes attributes only). */
  private Expression splatChain(Expression item, boolean full) {
    Expression e = item;
    while (true) {
      Token t = peek();
      if (t.type() == TokenType.DOT && peekAt(1).type() == TokenType.IDENT) {
        pos += 2;
        e = new GetAttr(e, tokens.get(pos - 1).text(), loc(tokens.get(pos - 1)));
      } else if (full && t.type() == TokenType.LBRACK && peekAt(1).type() != TokenType.STAR) {
        pos++;
        skipNewlines.push(true);
        Expression key = expression();
        expect(TokenType.RBRACK, "']'");
        skipNewlines.pop();
        e = new Index(e, key, loc(t));
      } else {
        return e;
      }
    }
  }

  private Expression primary() {
    Token t = peek();
    switch (t.type()) {
      case NUMBER -> {
        pos++;
        try {
          return new Literal(Value.num(new BigDecimal(t.text())), loc(t));
        } catch (NumberFormatException e) {
          // An exponent past what BigDecimal holds (1e99999999999); hcl says "invalid number".
          String text = t.text().length() > 40 ? t.text().substring(0, 40) + "..." : t.text();
          throw error(t, "invalid number literal " + text);
        }
      }
      case IDENT -> {
        pos++;
        switch (t.text()) {
          case "true" -> {
            return new Literal(Value.TRUE, loc(t));
          }
          case "false" -> {
            return new Literal(Value.FALSE, loc(t));
          }
          case "null" -> {
            return new Literal(Value.NULL, loc(t));
          }
          default -> {}
        }
        if (peekRaw().type() == TokenType.LPAREN) {
          return call(t);
        }
        if (peekRaw().type() == TokenType.COLON && peekAt(1).type() == TokenType.COLON) {
          return namespacedCall(t);
        }
        return new Variable(t.text(), loc(t));
      }
      case OQUOTE -> {
        pos++;
        Expression e = template(TokenType.CQUOTE, t, false, true);
        expect(TokenType.CQUOTE, "closing '\"'");
        return e;
      }
      case OHEREDOC -> {
        pos++;
        boolean flush = t.text().startsWith("<<-");
        Expression e = template(TokenType.CHEREDOC, t, flush, false);
        Token close = next();
        if (close.type() != TokenType.CHEREDOC) {
          throw error(close, "unterminated heredoc " + t.text().trim());
        }
        return e;
      }
      case LBRACK -> {
        pos++;
        skipNewlines.push(true);
        try {
          if (isFor()) {
            return forExpr(t, false);
          }
          List<Expression> items = new ArrayList<>();
          while (peek().type() != TokenType.RBRACK) {
            items.add(expression());
            if (peek().type() == TokenType.COMMA) {
              pos++;
            } else if (peek().type() != TokenType.RBRACK) {
              throw error(peek(), "expected ',' or ']' in the list, found " + describe(peek()));
            }
          }
          pos++;
          return new Tuple(items, loc(t));
        } finally {
          skipNewlines.pop();
        }
      }
      case LBRACE -> {
        pos++;
        skipNewlines.push(true);
        if (isFor()) {
          try {
            return forExpr(t, true);
          } finally {
            skipNewlines.pop();
          }
        }
        skipNewlines.pop();
        return object(t);
      }
      case LPAREN -> {
        pos++;
        skipNewlines.push(true);
        Expression inner = expression();
        expect(TokenType.RPAREN, "')'");
        skipNewlines.pop();
        return new Parens(inner, loc(t));
      }
      default -> throw error(t, "expected an expression, found " + describe(t));
    }
  }

  private Expression call(Token name) {
    pos++;
    skipNewlines.push(true);
    List<Expression> args = new ArrayList<>();
    boolean expand = false;
    while (peek().type() != TokenType.RPAREN) {
      args.add(expression());
      if (peek().type() == TokenType.ELLIPSIS) {
        pos++;
        expand = true;
        if (peek().type() == TokenType.COMMA) {
          pos++;
        }
        if (peek().type() != TokenType.RPAREN) {
          throw error(peek(), "'...' may only follow the last argument");
        }
        break;
      }
      if (peek().type() == TokenType.COMMA) {
        pos++;
      } else if (peek().type() != TokenType.RPAREN) {
        throw error(
            peek(),
            "expected ',' or ')' in the call of " + name.text() + ", found " + describe(peek()));
      }
    }
    pos++;
    skipNewlines.pop();
    return new Call(name.text(), args, expand, loc(name));
  }

  private Expression namespacedCall(Token first) {
    StringBuilder name = new StringBuilder(first.text());
    while (peekRaw().type() == TokenType.COLON && peekAt(1).type() == TokenType.COLON) {
      pos += 2;
      Token n = expect(TokenType.IDENT, "a function name after '::'");
      name.append("::").append(n.text());
    }
    if (peekRaw().type() != TokenType.LPAREN) {
      throw error(peekRaw(), "expected '(' after function name " + name);
    }
    return call(
        new Token(
            TokenType.IDENT, name.toString(), name.toString(), first.start(), first.end(), false));
  }

  private boolean isFor() {
    Token t = peek();
    if (t.type() != TokenType.IDENT || !t.text().equals("for")) {
      return false;
    }
    Token n = peekAt(1);
    return n.type() == TokenType.IDENT;
  }

  private Expression forExpr(Token open, boolean object) {
    pos++;
    Token first = expect(TokenType.IDENT, "a variable name after 'for'");
    String keyVar = null;
    String valueVar = first.text();
    if (peek().type() == TokenType.COMMA) {
      pos++;
      keyVar = first.text();
      valueVar = expect(TokenType.IDENT, "a second variable name").text();
    }
    Token in = expect(TokenType.IDENT, "'in'");
    if (!in.text().equals("in")) {
      throw error(in, "expected 'in' in the for expression, found " + describe(in));
    }
    Expression coll = expression();
    expect(TokenType.COLON, "':' in the for expression");
    Expression keyExpr = null;
    Expression valueExpr = expression();
    boolean grouping = false;
    if (object) {
      expect(TokenType.FAT_ARROW, "'=>' in the object for expression");
      keyExpr = valueExpr;
      valueExpr = expression();
      if (peek().type() == TokenType.ELLIPSIS) {
        pos++;
        grouping = true;
      }
    }
    Expression cond = null;
    if (peek().type() == TokenType.IDENT && peek().text().equals("if")) {
      pos++;
      cond = expression();
    }
    expect(object ? TokenType.RBRACE : TokenType.RBRACK, object ? "'}'" : "']'");
    return new For(keyVar, valueVar, coll, keyExpr, valueExpr, cond, grouping, loc(open));
  }

  private Expression object(Token open) {
    skipNewlines.push(false);
    List<ObjectItem> items = new ArrayList<>();
    try {
      while (true) {
        while (peekRaw().type() == TokenType.NEWLINE) {
          pos++;
        }
        if (peekRaw().type() == TokenType.RBRACE) {
          pos++;
          return new ObjectCons(items, loc(open));
        }
        Expression key = expression();
        if (key instanceof Variable v) {
          key = new Literal(Value.str(v.name()), v.location());
        }
        Token sep = peekRaw();
        if (sep.type() != TokenType.ASSIGN && sep.type() != TokenType.COLON) {
          throw error(sep, "expected '=' after the object key, found " + describe(sep));
        }
        pos++;
        Expression value = expression();
        items.add(new ObjectItem(key, value));
        Token end = peekRaw();
        if (end.type() == TokenType.COMMA || end.type() == TokenType.NEWLINE) {
          pos++;
        } else if (end.type() != TokenType.RBRACE) {
          throw error(
              end, "expected ',', a newline or '}' after the object item, found " + describe(end));
        }
      }
    } finally {
      skipNewlines.pop();
    }
  }

  // ---- templates

  private sealed interface Item permits Lit, Interp, Directive {}

  private static final class Lit implements Item {
    String text;
    final Location location;
    final boolean lineStart;

    Lit(String text, Location location, boolean lineStart) {
      this.text = text;
      this.location = location;
      this.lineStart = lineStart;
    }
  }

  private record Interp(Expression expr, boolean stripLeft, boolean stripRight, Location location)
      implements Item {}

  private record Directive(
      String keyword,
      String keyVar,
      String valueVar,
      Expression expr,
      boolean stripLeft,
      boolean stripRight,
      Location location)
      implements Item {}

  private Expression template(TokenType close, Token open, boolean flush, boolean wrapSingle) {
    skipNewlines.push(true);
    List<Item> items = new ArrayList<>();
    try {
      while (true) {
        Token t = peekRaw();
        if (t.type() == close || t.type() == TokenType.EOF) {
          break;
        }
        if (t.type() == TokenType.INVALID) {
          throw error(t, "unterminated string");
        }
        pos++;
        switch (t.type()) {
          case TEMPLATE_LITERAL -> items.add(new Lit(t.value(), loc(t), t.lineStart()));
          case TEMPLATE_INTERP -> {
            enter(t);
            Expression e = expression();
            Token end = expect(TokenType.TEMPLATE_SEQ_END, "'}' closing the interpolation");
            depth--;
            items.add(new Interp(e, t.strips(), end.strips(), loc(t)));
          }
          case TEMPLATE_CONTROL -> items.add(directive(t));
          default -> throw error(t, "unexpected " + describe(t) + " in a template");
        }
      }
    } finally {
      skipNewlines.pop();
    }
    if (flush) {
      flushIndent(items);
    }
    applyStrips(items);
    Location where = open == null ? file.at(1, 1) : loc(open);
    if (items.size() == 1 && items.get(0) instanceof Interp i && wrapSingle) {
      return new TemplateWrap(i.expr(), where);
    }
    int[] at = {0};
    Expression result = templateTree(items, at, where, List.of());
    if (at[0] < items.size() && items.get(at[0]) instanceof Directive d) {
      throw new SyntaxError(d.location(), "unexpected %{" + d.keyword() + "}");
    }
    if (result instanceof Template t
        && t.parts().stream()
            .allMatch(x -> x instanceof Literal l && l.value() instanceof Value.Str)) {
      // A template without sequences is just a string.
      StringBuilder sb = new StringBuilder();
      t.parts().forEach(x -> sb.append(((Value.Str) ((Literal) x).value()).value()));
      return new Literal(Value.str(sb.toString()), where);
    }
    return result;
  }

  private Directive directive(Token open) {
    Token kw = expect(TokenType.IDENT, "a directive keyword (if, else, endif, for, endfor)");
    String keyVar = null;
    String valueVar = null;
    Expression expr = null;
    switch (kw.text()) {
      case "if" -> expr = expression();
      case "for" -> {
        Token first = expect(TokenType.IDENT, "a variable name");
        valueVar = first.text();
        if (peek().type() == TokenType.COMMA) {
          pos++;
          keyVar = first.text();
          valueVar = expect(TokenType.IDENT, "a variable name").text();
        }
        Token in = expect(TokenType.IDENT, "'in'");
        if (!in.text().equals("in")) {
          throw error(in, "expected 'in', found " + describe(in));
        }
        expr = expression();
      }
      case "else", "endif", "endfor" -> {}
      default -> throw error(kw, "unknown template directive %{" + kw.text() + "}");
    }
    Token end = expect(TokenType.TEMPLATE_SEQ_END, "'}' closing the directive");
    return new Directive(kw.text(), keyVar, valueVar, expr, open.strips(), end.strips(), loc(open));
  }

  private Expression templateTree(List<Item> items, int[] at, Location where, List<String> stops) {
    List<Expression> parts = new ArrayList<>();
    while (at[0] < items.size()) {
      Item it = items.get(at[0]);
      if (it instanceof Lit l) {
        if (!l.text.isEmpty()) {
          parts.add(new Literal(Value.str(l.text), l.location));
        }
        at[0]++;
      } else if (it instanceof Interp i) {
        parts.add(i.expr());
        at[0]++;
      } else if (it instanceof Directive d) {
        if (stops.contains(d.keyword())) {
          break;
        }
        at[0]++;
        switch (d.keyword()) {
          case "if" -> {
            Expression then = templateTree(items, at, d.location(), List.of("else", "endif"));
            Expression otherwise = new Literal(Value.str(""), d.location());
            if (at[0] < items.size()
                && items.get(at[0]) instanceof Directive e
                && e.keyword().equals("else")) {
              at[0]++;
              otherwise = templateTree(items, at, e.location(), List.of("endif"));
            }
            closing(items, at, "endif", d);
            parts.add(new TemplateIf(d.expr(), then, otherwise, d.location()));
          }
          case "for" -> {
            Expression body = templateTree(items, at, d.location(), List.of("endfor"));
            closing(items, at, "endfor", d);
            parts.add(new TemplateFor(d.keyVar(), d.valueVar(), d.expr(), body, d.location()));
          }
          default -> throw new SyntaxError(d.location(), "unexpected %{" + d.keyword() + "}");
        }
      }
    }
    return new Template(parts, where);
  }

  private static void closing(List<Item> items, int[] at, String keyword, Directive open) {
    if (at[0] < items.size()
        && items.get(at[0]) instanceof Directive e
        && e.keyword().equals(keyword)) {
      at[0]++;
      return;
    }
    throw new SyntaxError(
        open.location(), "%{" + open.keyword() + "} has no matching %{" + keyword + "}");
  }

  private static void applyStrips(List<Item> items) {
    for (int i = 0; i < items.size(); i++) {
      boolean left;
      boolean right;
      if (items.get(i) instanceof Interp in) {
        left = in.stripLeft();
        right = in.stripRight();
      } else if (items.get(i) instanceof Directive d) {
        left = d.stripLeft();
        right = d.stripRight();
      } else {
        continue;
      }
      if (left && i > 0 && items.get(i - 1) instanceof Lit l) {
        l.text = l.text.stripTrailing();
      }
      if (right && i + 1 < items.size() && items.get(i + 1) instanceof Lit l) {
        l.text = l.text.stripLeading();
      }
    }
  }

  /** {@code <<-}: removes the smallest indentation shared by the lines from each line. */
  private static void flushIndent(List<Item> items) {
    int min = Integer.MAX_VALUE;
    for (Item it : items) {
      if (it instanceof Lit l && l.lineStart && !(l.text.isBlank() && l.text.endsWith("\n"))) {
        int n = 0;
        while (n < l.text.length() && (l.text.charAt(n) == ' ' || l.text.charAt(n) == '\t')) {
          n++;
        }
        min = Math.min(min, n);
      }
    }
    if (min == Integer.MAX_VALUE || min == 0) {
      return;
    }
    for (Item it : items) {
      if (it instanceof Lit l && l.lineStart) {
        int n = 0;
        while (n < l.text.length()
            && n < min
            && (l.text.charAt(n) == ' ' || l.text.charAt(n) == '\t')) {
          n++;
        }
        l.text = l.text.substring(n);
      }
    }
  }

  // ---- token helpers

  private void enter(Token t) {
    if (++depth > MAX_DEPTH) {
      throw error(t, "expression nested more than " + MAX_DEPTH + " levels deep");
    }
  }

  private Token peekRaw() {
    return tokens.get(Math.min(pos, tokens.size() - 1));
  }

  private Token peek() {
    if (skipNewlines.peek()) {
      while (pos < tokens.size() - 1 && tokens.get(pos).type() == TokenType.NEWLINE) {
        pos++;
      }
    }
    return peekRaw();
  }

  private Token peekAt(int ahead) {
    int p = pos;
    int seen = 0;
    while (p < tokens.size() - 1) {
      if (tokens.get(p).type() != TokenType.NEWLINE || !skipNewlines.peek()) {
        if (seen == ahead) {
          return tokens.get(p);
        }
        seen++;
      }
      p++;
    }
    return tokens.get(tokens.size() - 1);
  }

  private Token next() {
    Token t = peek();
    if (pos < tokens.size() - 1) {
      pos++;
    }
    return t;
  }

  private Token expect(TokenType type, String what) {
    Token t = peek();
    if (t.type() != type) {
      throw error(t, "expected " + what + ", found " + describe(t));
    }
    pos++;
    return t;
  }

  private Location loc(Token t) {
    return file.locationOf(Math.min(t.start(), file.text().length()));
  }

  private static String describe(Token t) {
    return switch (t.type()) {
      case EOF -> "end of file";
      case NEWLINE -> "end of line";
      case INVALID ->
          t.text().isBlank() ? "an unterminated string" : "invalid character '" + t.text() + "'";
      case OQUOTE -> "a string";
      case TEMPLATE_SEQ_END -> "'}'";
      default -> "'" + t.text() + "'";
    };
  }

  private SyntaxError error(Token t, String message) {
    return new SyntaxError(loc(t), message);
  }

  /** Internal: unwinds the parser to the file level, where it becomes a diagnostic. */
  private static final class SyntaxError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient Location location;

    SyntaxError(Location location, String message) {
      super(message, null, false, false);
      this.location = location;
    }
  }
}
