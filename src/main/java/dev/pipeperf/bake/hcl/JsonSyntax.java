package dev.pipeperf.bake.hcl;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.pipeperf.bake.hcl.Body.Attribute;
import dev.pipeperf.bake.hcl.Body.Block;
import dev.pipeperf.bake.hcl.Expression.Literal;
import dev.pipeperf.bake.hcl.Expression.ObjectCons;
import dev.pipeperf.bake.hcl.Expression.ObjectItem;
import dev.pipeperf.bake.hcl.Expression.Tuple;
import dev.pipeperf.source.Diagnostic;
import dev.pipeperf.source.Location;
import dev.pipeperf.source.ParseResult;
import dev.pipeperf.source.SourceFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * HCL's JSON syntax for the shapes bake uses ({@code docker-bake.json}): the top-level keys {@code
 * variable}, {@code target}, {@code group} and {@code function} hold blocks by label; other keys
 * are attributes. Strings are templates, so {@code "${TAG}"} interpolates as in native syntax.
 */
public final class JsonSyntax {

  /** Top-level keys whose members are labelled blocks. */
  public static final Set<String> BLOCK_TYPES = Set.of("variable", "target", "group", "function");

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build())
          .build();

  private final SourceFile file;

  private JsonSyntax(SourceFile file) {
    this.file = file;
  }

  /** A JSON value with where it starts. */
  private record Node(Object value, Location location) {}

  /** Parses a JSON bake file into the same body shape the native parser produces. */
  public static ParseResult<Body> parse(SourceFile file) {
    JsonSyntax js = new JsonSyntax(file);
    Node root;
    try (JsonParser p = FACTORY.createParser(file.text())) {
      p.nextToken();
      root = js.read(p);
      if (p.nextToken() != null) {
        return failed(
            file, js.loc(p.currentTokenLocation()), "unexpected content after the JSON value");
      }
    } catch (IOException | RuntimeException e) {
      Location at = file.at(1, 1);
      if (e instanceof JsonProcessingException jpe && jpe.getLocation() != null) {
        at = js.loc(jpe.getLocation());
      }
      String msg = e.getMessage() == null ? e.toString() : e.getMessage().split("\n")[0];
      return failed(file, at, "invalid JSON: " + msg);
    }
    if (!(root.value() instanceof Map<?, ?> top)) {
      return failed(file, root.location(), "a JSON bake file must be an object");
    }
    List<Diagnostic> diags = new ArrayList<>();
    List<Attribute> attrs = new ArrayList<>();
    List<Block> blocks = new ArrayList<>();
    for (Map.Entry<?, ?> e : top.entrySet()) {
      String key = (String) e.getKey();
      Node n = (Node) e.getValue();
      if (BLOCK_TYPES.contains(key)
          && (n.value() instanceof Map<?, ?> || n.value() instanceof List<?>)) {
        // HCL's JSON syntax also allows arrays of objects at both levels.
        for (Node labelledNode : elements(n)) {
          if (!(labelledNode.value() instanceof Map<?, ?> labelled)) {
            diags.add(
                Diagnostic.error(
                    labelledNode.location(), "hcl-syntax", key + " must be an object"));
            continue;
          }
          for (Map.Entry<?, ?> b : labelled.entrySet()) {
            for (Node bn : elements((Node) b.getValue())) {
              if (!(bn.value() instanceof Map<?, ?> body)) {
                diags.add(
                    Diagnostic.error(
                        bn.location(),
                        "hcl-syntax",
                        key + " \"" + b.getKey() + "\" must be an object"));
                continue;
              }
              blocks.add(
                  new Block(
                      key,
                      List.of((String) b.getKey()),
                      js.body(body, bn.location(), diags),
                      bn.location()));
            }
          }
        }
      } else {
        attrs.add(new Attribute(key, js.expression(n, diags), n.location()));
      }
    }
    return ParseResult.of(new Body(attrs, blocks, file.at(1, 1)), diags);
  }

  private static List<Node> elements(Node n) {
    List<Node> out = new ArrayList<>();
    if (n.value() instanceof List<?> l) {
      l.forEach(o -> out.add((Node) o));
    } else {
      out.add(n);
    }
    return out;
  }

  private static ParseResult<Body> failed(SourceFile file, Location at, String message) {
    return ParseResult.of(
        new Body(List.of(), List.of(), file.at(1, 1)),
        List.of(Diagnostic.error(at, "hcl-syntax", message)));
  }

  private Body body(Map<?, ?> obj, Location at, List<Diagnostic> diags) {
    List<Attribute> attrs = new ArrayList<>();
    List<Block> blocks = new ArrayList<>();
    for (Map.Entry<?, ?> e : obj.entrySet()) {
      String key = (String) e.getKey();
      Node n = (Node) e.getValue();
      if (key.equals("validation")) {
        List<?> items = n.value() instanceof List<?> l ? l : List.of(n);
        for (Object o : items) {
          Node vn = (Node) o;
          if (vn.value() instanceof Map<?, ?> m) {
            blocks.add(new Block(key, List.of(), body(m, vn.location(), diags), vn.location()));
          }
        }
        continue;
      }
      attrs.add(new Attribute(key, expression(n, diags), n.location()));
    }
    return new Body(attrs, blocks, at);
  }

  private Expression expression(Node n, List<Diagnostic> diags) {
    Object v = n.value();
    if (v instanceof String s) {
      ParseResult<Expression> r = Parser.parseTemplate(file, s, n.location());
      diags.addAll(r.diagnostics());
      return r.model();
    }
    if (v instanceof Map<?, ?> m) {
      List<ObjectItem> items = new ArrayList<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        Node vn = (Node) e.getValue();
        items.add(
            new ObjectItem(
                new Literal(Value.str((String) e.getKey()), vn.location()), expression(vn, diags)));
      }
      return new ObjectCons(items, n.location());
    }
    if (v instanceof List<?> l) {
      List<Expression> items = new ArrayList<>();
      for (Object o : l) {
        items.add(expression((Node) o, diags));
      }
      return new Tuple(items, n.location());
    }
    return new Literal((Value) v, n.location());
  }

  private Node read(JsonParser p) throws IOException {
    Location at = loc(p.currentTokenLocation());
    JsonToken t = p.currentToken();
    if (t == null) {
      throw new JsonParseException(p, "empty file");
    }
    switch (t) {
      case START_OBJECT -> {
        Map<String, Node> m = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          p.nextToken();
          m.put(name, read(p));
        }
        return new Node(m, at);
      }
      case START_ARRAY -> {
        List<Node> l = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          l.add(read(p));
        }
        return new Node(l, at);
      }
      case VALUE_STRING -> {
        return new Node(p.getText(), at);
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        return new Node(Value.num(p.getDecimalValue()), at);
      }
      case VALUE_TRUE -> {
        return new Node(Value.TRUE, at);
      }
      case VALUE_FALSE -> {
        return new Node(Value.FALSE, at);
      }
      case VALUE_NULL -> {
        return new Node(Value.NULL, at);
      }
      default -> throw new JsonParseException(p, "unexpected " + t);
    }
  }

  private Location loc(JsonLocation l) {
    int line = Math.max(1, l.getLineNr());
    int col = Math.max(1, l.getColumnNr());
    return file.at(line, col);
  }
}
