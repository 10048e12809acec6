package dev.pipeperf.bake.hcl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Conversions between {@link Value}s and JSON, as cty's jsonencode/jsondecode do them. */
public final class Json {

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private Json() {}

  /** Compact JSON text of {@code v}; numbers print without a trailing {@code .0}. */
  public static String encode(Value v) {
    try {
      return MAPPER.writeValueAsString(toNode(v));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The JSON tree of a value. */
  public static JsonNode toNode(Value v) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (v instanceof Value.Str s) {
      return f.textNode(s.value());
    }
    if (v instanceof Value.Num n) {
      BigDecimal d = n.value().stripTrailingZeros();
      if (d.scale() <= 0 && !Value.outOfRange(d)) {
        // (1e999999999 stays a BigDecimal: as a BigInteger it would not fit in memory.)
        return f.numberNode(d.toBigIntegerExact());
      }
      return f.numberNode(d);
    }
    if (v instanceof Value.Bool b) {
      return f.booleanNode(b.value());
    }
    if (v instanceof Value.Seq s) {
      ArrayNode a = f.arrayNode();
      s.items().forEach(x -> a.add(toNode(x)));
      return a;
    }
    if (v instanceof Value.Obj o) {
      ObjectNode on = f.objectNode();
      o.entries().forEach((k, x) -> on.set(k, toNode(x)));
      return on;
    }
    return f.nullNode();
  }

  /** The value of JSON text; {@link EvalError#of} when it is not JSON. */
  public static Value parse(String text) {
    try {
      return decode(MAPPER.readTree(text));
    } catch (JsonProcessingException e) {
      throw EvalError.of(e.getOriginalMessage());
    }
  }

  /** The value of a JSON tree. */
  public static Value decode(JsonNode n) {
    if (n == null || n.isNull() || n.isMissingNode()) {
      return Value.NULL;
    }
    if (n.isTextual()) {
      return Value.str(n.textValue());
    }
    if (n.isNumber()) {
      return Value.num(n.decimalValue());
    }
    if (n.isBoolean()) {
      return Value.bool(n.booleanValue());
    }
    if (n.isArray()) {
      List<Value> items = new ArrayList<>();
      n.forEach(x -> items.add(decode(x)));
      return Value.tuple(items);
    }
    Map<String, Value> m = new TreeMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = n.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      m.put(e.getKey(), decode(e.getValue()));
    }
    return Value.object(m);
  }
}
