package dev.pipeperf.bake.hcl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code csvdecode}: RFC 4180 text with a header row to a list of objects of strings. */
final class Csv {

  private Csv() {}

  static Value decode(String text) {
    List<List<String>> rows = parse(text);
    if (rows.isEmpty()) {
      throw EvalError.of("missing header line");
    }
    List<String> header = rows.get(0);
    List<Value> out = new ArrayList<>();
    for (List<String> row : rows.subList(1, rows.size())) {
      if (row.size() != header.size()) {
        throw EvalError.of("a row has " + row.size() + " fields, the header " + header.size());
      }
      Map<String, Value> m = new TreeMap<>();
      for (int i = 0; i < header.size(); i++) {
        m.put(header.get(i), Value.str(row.get(i)));
      }
      out.add(Value.object(m));
    }
    return Value.tuple(out);
  }

  static List<List<String>> parse(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      any = true;
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(field.toString());
        field.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        row.add(field.toString());
        field.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
        any = false;
      } else {
        field.append(c);
      }
    }
    if (any) {
      row.add(field.toString());
      rows.add(row);
    }
    return rows;
  }
}
