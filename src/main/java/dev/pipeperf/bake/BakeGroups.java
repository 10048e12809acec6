package dev.pipeperf.bake;

import dev.pipeperf.bake.hcl.Body.Attribute;
import dev.pipeperf.bake.hcl.Body.Block;
import dev.pipeperf.bake.hcl.Conversions;
import dev.pipeperf.bake.hcl.EvalContext;
import dev.pipeperf.bake.hcl.EvalError;
import dev.pipeperf.bake.hcl.Evaluator;
import dev.pipeperf.bake.hcl.Value;
import dev.pipeperf.source.Diagnostic;
import dev.pipeperf.source.Location;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Bake's {@code group} blocks: their {@code targets} and {@code description} evaluated (blocks of
 * one name merged, members without repeats), the groups matrix targets make, and the check that
 * every member exists.
 */
final class BakeGroups {

  private final Map<String, List<Block>> groupBlocks;
  private final Map<String, List<String>> matrixGroups;
  private final Map<String, Location> matrixLocations;
  private final Evaluator evaluator;
  private final EvalContext root;
  private final List<Diagnostic> diagnostics;
  private final BiConsumer<EvalError, Location> report;

  BakeGroups(
      Map<String, List<Block>> groupBlocks,
      Map<String, List<String>> matrixGroups,
      Map<String, Location> matrixLocations,
      Evaluator evaluator,
      EvalContext root,
      List<Diagnostic> diagnostics,
      BiConsumer<EvalError, Location> report) {
    this.groupBlocks = groupBlocks;
    this.matrixGroups = matrixGroups;
    this.matrixLocations = matrixLocations;
    this.evaluator = evaluator;
    this.root = root;
    this.diagnostics = diagnostics;
    this.report = report;
  }

  /** The groups as defined, then the groups matrix targets make where no block has the name. */
  Map<String, BakeGroup> read(Set<String> targetNames) {
    Map<String, BakeGroup> out = new LinkedHashMap<>();
    for (Map.Entry<String, List<Block>> e : groupBlocks.entrySet()) {
      List<String> members = new ArrayList<>();
      String description = null;
      Location at = e.getValue().get(0).location();
      for (Block b : e.getValue()) {
        for (Attribute a : b.body().attributes()) {
          try {
            switch (a.name()) {
              case "targets" -> {
                Value v = evaluator.evaluate(a.expression(), root);
                if (!(v instanceof Value.Seq s)) {
                  diagnostics.add(
                      Diagnostic.error(
                          a.location(),
                          "hcl-type",
                          "group \"" + e.getKey() + "\": targets must be a list of strings"));
                  continue;
                }
                for (Value x : s.items()) {
                  if (x.isNull()) {
                    continue;
                  }
                  if (x instanceof Value.Seq || x instanceof Value.Obj) {
                    diagnostics.add(
                        Diagnostic.error(
                            a.location(),
                            "hcl-type",
                            "group \"" + e.getKey() + "\": targets must be a list of strings"));
                    continue;
                  }
                  String t = Conversions.toStr(x);
                  if (!members.contains(t)) {
                    members.add(t);
                  }
                }
              }
              case "description" ->
                  description = TargetConversion.stringOf(evaluator.evaluate(a.expression(), root));
              case "name", "matrix" ->
                  diagnostics.add(
                      Diagnostic.error(
                          a.location(),
                          "bake-group",
                          a.name() + " is not supported for groups, only for targets"));
              default ->
                  diagnostics.add(
                      Diagnostic.warning(
                          a.location(),
                          "bake-unknown-attribute",
                          "unknown group attribute \"" + a.name() + "\""));
            }
          } catch (EvalError err) {
            report.accept(err, a.location());
          }
        }
      }
      out.put(e.getKey(), new BakeGroup(e.getKey(), members, description, at));
    }
    for (Map.Entry<String, List<String>> m : matrixGroups.entrySet()) {
      if (!out.containsKey(m.getKey()) && !targetNames.contains(m.getKey())) {
        out.put(
            m.getKey(),
            new BakeGroup(m.getKey(), m.getValue(), null, matrixLocations.get(m.getKey())));
      }
    }
    return out;
  }

  /** Every name a group lists is a target or a group, as buildx requires. */
  void check(Map<String, BakeGroup> groups, Map<String, BakeTarget> targets) {
    for (BakeGroup g : groups.values()) {
      if (matrixGroups.containsKey(g.name()) && !groupBlocks.containsKey(g.name())) {
        continue;
      }
      Location at =
          groupBlocks
              .get(g.name())
              .get(0)
              .body()
              .attribute("targets")
              .map(Attribute::location)
              .orElse(g.location());
      for (String t : g.targets()) {
        if (!targets.containsKey(t) && !groups.containsKey(t)) {
          diagnostics.add(
              Diagnostic.error(
                  at,
                  "bake-unknown-target",
                  "group \""
                      + g.name()
                      + "\" names \""
                      + t
                      + "\", which is neither a target nor a group"));
        }
      }
    }
  }
}
