package dev.pipeperf.bake;

import dev.pipeperf.bake.hcl.Conversions;
import dev.pipeperf.bake.hcl.EvalError;
import dev.pipeperf.bake.hcl.Json;
import dev.pipeperf.bake.hcl.Value;
import dev.pipeperf.source.Diagnostic;
import dev.pipeperf.source.Location;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a resolved {@link TargetDraft} into a {@link BakeTarget}: values converted to the types
 * buildx's Target struct has (a type error is a diagnostic at the attribute), defaults applied,
 * option strings parsed, and the normalisation buildx does (duplicates dropped, empty contexts
 * removed, {@code network = "host"} entitled).
 */
final class TargetConversion {

  private final Map<String, String> env;
  private final List<Diagnostic> diagnostics;

  TargetConversion(Map<String, String> env, List<Diagnostic> diagnostics) {
    this.env = env;
    this.diagnostics = diagnostics;
  }

  static String stringOf(Value v) {
    return v instanceof Value.Seq || v instanceof Value.Obj
        ? Json.encode(v)
        : v.isNull() ? "" : Conversions.toStr(v);
  }

  List<String> stringList(TargetDraft d, String attr, Value v) {
    if (v == null || v.isNull()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    if (!(v instanceof Value.Seq s)) {
      typeError(d, attr, "a list of strings");
      return out;
    }
    for (Value x : s.items()) {
      if (x.isNull()) {
        continue;
      }
      if (x instanceof Value.Seq || x instanceof Value.Obj) {
        typeError(d, attr, "a list of strings");
        continue;
      }
      out.add(Conversions.toStr(x));
    }
    return out;
  }

  void typeError(TargetDraft d, String attr, String want) {
    diagnostics.add(
        Diagnostic.error(
            d.locations.getOrDefault(attr, d.location),
            "hcl-type",
            "target \"" + d.name + "\": " + attr + " must be " + want));
  }

  String string(TargetDraft d, String attr) {
    Value v = d.values.get(attr);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v instanceof Value.Seq || v instanceof Value.Obj) {
      typeError(d, attr, "a string");
      return null;
    }
    return Conversions.toStr(v);
  }

  Boolean bool(TargetDraft d, String attr) {
    Value v = d.values.get(attr);
    if (v == null || v.isNull()) {
      return null;
    }
    try {
      return Conversions.toBool(v);
    } catch (EvalError e) {
      typeError(d, attr, "a bool");
      return null;
    }
  }

  Map<String, String> stringMap(TargetDraft d, String attr) {
    Value v = d.values.get(attr);
    Map<String, String> out = new TreeMap<>();
    if (v == null || v.isNull()) {
      return out;
    }
    if (!(v instanceof Value.Obj o)) {
      typeError(d, attr, "a map of strings");
      return out;
    }
    for (Map.Entry<String, Value> e : o.entries().entrySet()) {
      Value x = e.getValue();
      if (x.isNull()) {
        continue;
      }
      if (x instanceof Value.Seq || x instanceof Value.Obj) {
        typeError(d, attr + "." + e.getKey(), "a string");
        continue;
      }
      out.put(e.getKey(), Conversions.toStr(x));
    }
    return out;
  }

  /**
   * The {@code resources} limits, checked as buildx converts them to its object type: only the
   * known keys, the cpu ones whole numbers.
   */
  Map<String, String> resources(TargetDraft d) {
    Map<String, String> out = stringMap(d, "resources");
    for (java.util.Iterator<Map.Entry<String, String>> it = out.entrySet().iterator();
        it.hasNext(); ) {
      Map.Entry<String, String> e = it.next();
      boolean number = RESOURCE_NUMBERS.contains(e.getKey());
      if (!RESOURCE_KEYS.contains(e.getKey())) {
        diagnostics.add(
            Diagnostic.error(
                d.locations.getOrDefault("resources", d.location),
                "hcl-type",
                "target \""
                    + d.name
                    + "\": unsupported resources key \""
                    + e.getKey()
                    + "\" (buildx knows "
                    + String.join(", ", RESOURCE_KEYS)
                    + ")"));
        it.remove();
      } else if (number && !e.getValue().matches("-?[0-9]+")) {
        typeError(d, "resources." + e.getKey(), "a whole number");
        it.remove();
      }
    }
    return out;
  }

  static final java.util.Set<String> RESOURCE_NUMBERS =
      java.util.Set.of("cpu-shares", "cpu-period", "cpu-quota");

  /** buildx's ResourcesConfig fields, in the order {@code --print} writes them. */
  static final List<String> RESOURCE_KEYS =
      List.of(
          "memory",
          "memory-swap",
          "cpu-shares",
          "cpu-period",
          "cpu-quota",
          "cpuset-cpus",
          "cpuset-mems");

  /** Build args; like buildx, SOURCE_DATE_EPOCH from the environment is passed to every target. */
  Map<String, String> args(TargetDraft d) {
    Map<String, String> args = stringMap(d, "args");
    String epoch = env.get("SOURCE_DATE_EPOCH");
    if (epoch != null && !epoch.isEmpty()) {
      args.putIfAbsent("SOURCE_DATE_EPOCH", epoch);
    }
    return args;
  }

  private static Map<String, Location> attributeLocations(TargetDraft d) {
    Map<String, Location> out = new TreeMap<>();
    d.locations.forEach(
        (k, v) -> {
          if (v != null && !k.equals("inherits")) {
            out.put(k, v);
          }
        });
    return Collections.unmodifiableMap(out);
  }

  /** As buildx's normalisation: duplicates and empty strings dropped ({@code c ? "x" : ""}). */
  List<String> distinctStrings(TargetDraft d, String attr) {
    List<String> out =
        new ArrayList<>(new LinkedHashSet<>(stringList(d, attr, d.values.get(attr))));
    out.removeIf(String::isEmpty);
    return out;
  }

  List<Map<String, String>> entries(TargetDraft d, String attr, OptionEntry.Kind kind) {
    Value v = d.values.get(attr);
    List<Map<String, String>> out = new ArrayList<>();
    if (v == null || v.isNull()) {
      return out;
    }
    List<Value> items;
    if (v instanceof Value.Seq s) {
      items = s.items();
    } else if (v instanceof Value.Str || v instanceof Value.Obj) {
      // buildx's option types also read a single entry.
      items = List.of(v);
    } else {
      typeError(d, attr, "a list of strings or objects");
      return out;
    }
    for (Value x : items) {
      Map<String, String> entry;
      if (x.isNull()) {
        continue;
      } else if (x instanceof Value.Obj o) {
        entry = new LinkedHashMap<>();
        for (Map.Entry<String, Value> e : o.entries().entrySet()) {
          if (!e.getValue().isNull()) {
            entry.put(e.getKey(), stringOf(e.getValue()));
          }
        }
      } else if (x instanceof Value.Seq) {
        typeError(d, attr, "a list of strings or objects");
        continue;
      } else {
        String str = Conversions.toStr(x);
        if (str.isEmpty()) {
          continue;
        }
        entry = OptionEntry.parse(str, kind);
      }
      if (!out.contains(entry)) {
        out.add(entry);
      }
    }
    return out;
  }

  BakeTarget toTarget(TargetDraft d, TargetDraft own) {
    Map<String, String> contexts = stringMap(d, "contexts");
    contexts.values().removeIf(String::isEmpty);
    List<Map<String, String>> output = entries(d, "output", OptionEntry.Kind.OUTPUT);
    Boolean push = null;
    if (!output.isEmpty()) {
      push =
          output.stream()
              .anyMatch(o -> "registry".equals(o.get("type")) || "true".equals(o.get("push")));
    }
    String network = string(d, "network");
    List<String> entitlements = distinctStrings(d, "entitlements");
    if ("host".equals(network) && !entitlements.contains("network.host")) {
      entitlements.add("network.host");
    }
    List<String> platforms = distinctStrings(d, "platforms");
    String context = string(d, "context");
    String dockerfile = string(d, "dockerfile");
    return new BakeTarget(
        d.name,
        d.location,
        string(d, "description"),
        context == null ? "." : GoPath.context(context),
        contexts,
        dockerfile == null ? "Dockerfile" : dockerfile,
        string(d, "dockerfile-inline"),
        string(d, "target"),
        args(d),
        stringMap(d, "labels"),
        distinctStrings(d, "annotations"),
        distinctStrings(d, "tags"),
        platforms,
        entries(d, "cache-from", OptionEntry.Kind.CACHE),
        entries(d, "cache-to", OptionEntry.Kind.CACHE),
        output,
        entries(d, "secret", OptionEntry.Kind.SECRET),
        entries(d, "ssh", OptionEntry.Kind.SSH),
        entries(d, "attest", OptionEntry.Kind.ATTEST),
        entitlements,
        network,
        bool(d, "no-cache"),
        distinctStrings(d, "no-cache-filter"),
        bool(d, "pull"),
        string(d, "call"),
        string(d, "shm-size"),
        distinctStrings(d, "ulimits"),
        stringMap(d, "extra-hosts"),
        resources(d),
        push,
        stringList(own, "inherits", own.values.get("inherits")),
        d.matrixOrigin,
        attributeLocations(d));
  }
}
