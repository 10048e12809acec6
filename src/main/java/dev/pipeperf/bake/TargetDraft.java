package dev.pipeperf.bake;

import dev.pipeperf.bake.hcl.Value;
import dev.pipeperf.source.Location;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A target's evaluated attributes before defaults and conversion, and buildx's Target.Merge rules
 * for combining them (blocks of the same name, and inheritance).
 */
final class TargetDraft {
  private static final Set<String> MAP_ATTRIBUTES =
      Set.of("args", "labels", "contexts", "extra-hosts", "resources");
  private static final Set<String> APPEND_ATTRIBUTES =
      Set.of(
          "annotations",
          "attest",
          "secret",
          "ssh",
          "cache-from",
          "no-cache-filter",
          "ulimits",
          "entitlements");

  final String name;
  final Location location;
  final Map<String, Value> values = new LinkedHashMap<>();
  final Map<String, Location> locations = new HashMap<>();
  String matrixOrigin;

  TargetDraft(String name, Location location) {
    this.name = name;
    this.location = location;
  }

  /** Merges {@code other} over this one as buildx's Target.Merge does. */
  void merge(TargetDraft other, boolean withInherits) {
    for (Map.Entry<String, Value> e : other.values.entrySet()) {
      String k = e.getKey();
      if (k.equals("inherits") && !withInherits) {
        continue;
      }
      Value v = e.getValue();
      if (v.isNull()) {
        continue;
      }
      v = mergeAttribute(k, values.get(k), v);
      values.put(k, v);
      locations.put(k, other.locations.get(k));
    }
  }

  /** One attribute of Target.Merge: maps merge by key, some lists append, the rest replace. */
  static Value mergeAttribute(String k, Value old, Value v) {
    if (v == null || v.isNull()) {
      return old;
    }
    if (MAP_ATTRIBUTES.contains(k) && old instanceof Value.Obj o && v instanceof Value.Obj n) {
      Map<String, Value> m = new TreeMap<>(o.entries());
      n.entries()
          .forEach(
              (mk, mv) -> {
                if (!mv.isNull() || k.equals("contexts")) {
                  m.put(mk, mv);
                }
              });
      return Value.object(m);
    }
    if ((APPEND_ATTRIBUTES.contains(k) || k.equals("inherits"))
        && old instanceof Value.Seq o
        && v instanceof Value.Seq n) {
      List<Value> l = new ArrayList<>(o.items());
      l.addAll(n.items());
      return Value.tuple(l);
    }
    return v;
  }
}
