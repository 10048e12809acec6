package dev.pipeperf.bake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Renders a definition the way {@code docker buildx bake --print} does: the groups and targets that
 * building the requested names involves, with buildx's attribute names, so output can be diffed
 * against buildx's.
 */
public final class BakePrint {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Indented like Go's json.MarshalIndent(v, "", " "), which buildx uses. */
  private static final DefaultPrettyPrinter GO_STYLE =
      new DefaultPrettyPrinter()
          .withObjectIndenter(new DefaultIndenter("  ", "\n"))
          .withArrayIndenter(new DefaultIndenter("  ", "\n"))
          .withSeparators(
              Separators.createDefaultInstance()
                  .withObjectFieldValueSpacing(Separators.Spacing.AFTER));

  private BakePrint() {}

  /** The {@code --print} JSON for building {@code requested} (empty: the default). */
  public static String toJson(BakeDefinition def, List<String> requested) {
    try {
      return MAPPER.writer(GO_STYLE).writeValueAsString(toTree(def, requested));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The {@code --print} document as a Jackson tree. */
  public static ObjectNode toTree(BakeDefinition def, List<String> requested) {
    List<String> names = BakeDefinition.requested(requested);
    ObjectNode root = MAPPER.createObjectNode();
    Map<String, List<String>> groups = new TreeMap<>();
    for (String n : names) {
      collectGroups(def, n, groups);
    }
    // As buildx's ReadTargets: every requested name joins the default group (made if missing),
    // except "default" itself when it is a group; the default group's names are sorted.
    for (String n : names) {
      if (groups.containsKey("default") && n.equals("default")) {
        continue;
      }
      groups.computeIfAbsent("default", k -> new ArrayList<>()).add(n);
    }
    List<String> defaults = groups.get("default");
    if (defaults != null) {
      List<String> sorted = new ArrayList<>(new LinkedHashSet<>(defaults));
      sorted.sort(null);
      groups.put("default", sorted);
    }
    if (!groups.isEmpty()) {
      ObjectNode g = root.putObject("group");
      groups.forEach(
          (k, v) -> {
            ArrayNode a = g.putObject(k).putArray("targets");
            v.forEach(a::add);
          });
    }
    Set<String> requestedTargets = new LinkedHashSet<>(def.resolveTargets(names));
    Map<String, ObjectNode> printed = new TreeMap<>();
    List<String> queue = new ArrayList<>(requestedTargets);
    Set<String> seen = new LinkedHashSet<>(requestedTargets);
    for (int i = 0; i < queue.size(); i++) {
      BakeTarget t = def.targets().get(queue.get(i));
      ObjectNode node = target(t);
      if (!requestedTargets.contains(t.name())) {
        // A target built only as another's context: buildx keeps its result in the cache.
        node.putArray("output").addObject().put("type", "cacheonly");
      }
      printed.put(t.name(), node);
      for (String dep : t.targetDependencies()) {
        if (def.targets().containsKey(dep) && seen.add(dep)) {
          queue.add(dep);
        }
      }
    }
    ObjectNode tn = root.putObject("target");
    printed.forEach(tn::set);
    return root;
  }

  private static void collectGroups(
      BakeDefinition def, String name, Map<String, List<String>> out) {
    BakeGroup g = def.groups().get(name);
    if (g == null || out.containsKey(name)) {
      return;
    }
    out.put(name, new ArrayList<>(g.targets()));
    for (String t : g.targets()) {
      collectGroups(def, t, out);
    }
  }

  private static ObjectNode target(BakeTarget t) {
    ObjectNode n = MAPPER.createObjectNode();
    put(n, "description", t.description());
    put(n, "context", t.context());
    map(n, "contexts", t.contexts());
    put(n, "dockerfile", t.dockerfile());
    put(n, "dockerfile-inline", t.dockerfileInline());
    map(n, "args", t.args());
    list(n, "annotations", t.annotations());
    entries(n, "attest", t.attest());
    map(n, "labels", t.labels());
    list(n, "tags", t.tags());
    entries(n, "cache-from", t.cacheFrom());
    entries(n, "cache-to", t.cacheTo());
    put(n, "target", t.target());
    entries(n, "secret", t.secret());
    entries(n, "ssh", t.ssh());
    list(n, "platforms", t.platforms());
    entries(n, "output", t.output());
    if (t.pull() != null) {
      n.put("pull", t.pull());
    }
    if (t.noCache() != null) {
      n.put("no-cache", t.noCache());
    }
    list(n, "no-cache-filter", t.noCacheFilter());
    put(n, "shm-size", t.shmSize());
    list(n, "ulimits", t.ulimits());
    if (!t.resources().isEmpty()) {
      ObjectNode r = n.putObject("resources");
      for (String k : TargetConversion.RESOURCE_KEYS) {
        String v = t.resources().get(k);
        if (v != null && TargetConversion.RESOURCE_NUMBERS.contains(k)) {
          r.put(k, Long.parseLong(v));
        } else if (v != null) {
          r.put(k, v);
        }
      }
    }
    put(n, "call", t.call());
    list(n, "entitlements", t.entitlements());
    map(n, "extra-hosts", t.extraHosts());
    put(n, "network", t.network());
    return n;
  }

  private static void put(ObjectNode n, String k, String v) {
    if (v != null) {
      n.put(k, v);
    }
  }

  private static void map(ObjectNode n, String k, Map<String, String> m) {
    if (!m.isEmpty()) {
      ObjectNode o = n.putObject(k);
      new TreeMap<>(m).forEach(o::put);
    }
  }

  private static void list(ObjectNode n, String k, List<String> l) {
    if (!l.isEmpty()) {
      ArrayNode a = n.putArray(k);
      l.forEach(a::add);
    }
  }

  private static void entries(ObjectNode n, String k, List<Map<String, String>> l) {
    if (!l.isEmpty()) {
      ArrayNode a = n.putArray(k);
      for (Map<String, String> e : l) {
        ObjectNode o = a.addObject();
        e.forEach(
            (key, value) -> {
              if (k.equals("ssh") && key.equals("paths")) {
                ArrayNode paths = o.putArray(key);
                for (String p : value.split(",")) {
                  paths.add(p);
                }
              } else {
                o.put(key, value);
              }
            });
      }
    }
  }
}
