package dev.pipeperf.bake;

import dev.pipeperf.bake.hcl.Body;
import dev.pipeperf.bake.hcl.Body.Attribute;
import dev.pipeperf.bake.hcl.Body.Block;
import dev.pipeperf.bake.hcl.Conversions;
import dev.pipeperf.bake.hcl.EvalContext;
import dev.pipeperf.bake.hcl.EvalError;
import dev.pipeperf.bake.hcl.Evaluator;
import dev.pipeperf.bake.hcl.Expression;
import dev.pipeperf.bake.hcl.HclFunction;
import dev.pipeperf.bake.hcl.Json;
import dev.pipeperf.bake.hcl.JsonSyntax;
import dev.pipeperf.bake.hcl.Parser;
import dev.pipeperf.bake.hcl.Stdlib;
import dev.pipeperf.bake.hcl.TypeConstraint;
import dev.pipeperf.bake.hcl.Value;
import dev.pipeperf.source.Diagnostic;
import dev.pipeperf.source.Location;
import dev.pipeperf.source.ParseResult;
import dev.pipeperf.source.SourceFile;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Evaluates bake files as {@code docker buildx bake} does: files merged in order, variables with
 * defaults and environment overrides (typed as buildx types them), user functions, the stdlib,
 * targets with inheritance and matrices, and groups. Problems become diagnostics with
 * file:line:col; evaluation goes on without the bad part.
 *
 * <p>One concern: the order of bake's evaluation (files merged, variables typed, then functions,
 * targets and groups resolved against each other). The parts that stand alone live beside it:
 * {@link UserFunctions}, {@link MatrixCombinations}, {@link BakeGroups}, {@link TargetLinks}.
 */
public final class BakeEvaluator {

  /** Target attributes buildx knows. */
  static final Set<String> TARGET_ATTRIBUTES =
      Set.of(
          "context",
          "contexts",
          "dockerfile",
          "dockerfile-inline",
          "target",
          "args",
          "labels",
          "annotations",
          "attest",
          "tags",
          "platforms",
          "cache-from",
          "cache-to",
          "output",
          "secret",
          "ssh",
          "entitlements",
          "network",
          "no-cache",
          "no-cache-filter",
          "pull",
          "call",
          "shm-size",
          "ulimits",
          "extra-hosts",
          "description",
          "inherits",
          "matrix",
          "name",
          "policy",
          "resources",
          "platform");

  /**
   * The bake files {@code docker buildx bake} reads without {@code -f}, in the order it merges them
   * (compose files, which come first, are not bake syntax and are left out).
   */
  public static final List<String> DEFAULT_FILES =
      List.of(
          "docker-bake.json",
          "docker-bake.hcl",
          "docker-bake.override.json",
          "docker-bake.override.hcl");

  private static final Map<String, OptionEntry.Kind> ENTRY_KINDS =
      Map.of(
          "cache-from", OptionEntry.Kind.CACHE,
          "cache-to", OptionEntry.Kind.CACHE,
          "output", OptionEntry.Kind.OUTPUT,
          "secret", OptionEntry.Kind.SECRET,
          "ssh", OptionEntry.Kind.SSH,
          "attest", OptionEntry.Kind.ATTEST);

  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]+");
  private static final String CMD_CONTEXT = "BAKE_CMD_CONTEXT";
  private static final String LOCAL_PLATFORM = "BAKE_LOCAL_PLATFORM";

  private final Map<String, String> env;
  private final TargetConversion conversion;
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private final Evaluator evaluator = new Evaluator();
  private final Map<String, Block> variables = new LinkedHashMap<>();
  private final Map<String, Attribute> globals = new LinkedHashMap<>();
  private final Map<String, Block> functionBlocks = new LinkedHashMap<>();
  private final Map<String, List<Block>> targetBlocks = new LinkedHashMap<>();
  private final Map<String, List<Block>> groupBlocks = new LinkedHashMap<>();
  private final Map<String, Value> resolved = new HashMap<>();
  private final Set<String> failed = new HashSet<>();
  private final LinkedHashSet<String> resolving = new LinkedHashSet<>();
  private final Map<String, TargetDraft> drafts = new LinkedHashMap<>();
  private final Map<String, List<String>> matrixGroups = new LinkedHashMap<>();
  private final Map<String, Location> matrixLocations = new HashMap<>();
  private final Set<String> expanded = new HashSet<>();
  private final Set<String> expanding = new HashSet<>();
  private final Map<String, Value> targetAttributes = new HashMap<>();
  private final Set<String> resolvingAttributes = new HashSet<>();
  private EvalContext root;

  private BakeEvaluator(Map<String, String> env) {
    this.env = env == null ? Map.of() : env;
    this.conversion = new TargetConversion(this.env, diagnostics);
  }

  /**
   * Evaluates {@code files} (native HCL, or JSON when the path ends in {@code .json}) merged in
   * order, with {@code environment} standing for the process environment buildx would read.
   */
  public static ParseResult<BakeDefinition> evaluate(
      List<SourceFile> files, Map<String, String> environment) {
    BakeEvaluator b = new BakeEvaluator(environment);
    BakeDefinition def = b.run(files);
    List<Diagnostic> sorted = new ArrayList<>(b.diagnostics);
    sorted.sort(null);
    return ParseResult.of(def, sorted);
  }

  /** Evaluates one file; convenient for tests and single-file repositories. */
  public static ParseResult<BakeDefinition> evaluate(
      SourceFile file, Map<String, String> environment) {
    return evaluate(List.of(file), environment);
  }

  private BakeDefinition run(List<SourceFile> files) {
    for (SourceFile f : files) {
      ParseResult<Body> parsed = f.path().endsWith(".json") ? JsonSyntax.parse(f) : Parser.parse(f);
      diagnostics.addAll(parsed.diagnostics());
      collect(parsed.model());
    }
    Map<String, HclFunction> functions = new HashMap<>(Stdlib.functions(clock(), 0L));
    root =
        EvalContext.root(Map.of(), functions, this::lookup)
            .withTraversalHook(this::targetAttribute);
    for (Block fb : functionBlocks.values()) {
      UserFunctions.of(fb, root, diagnostics).ifPresent(f -> functions.put(f.name(), f));
    }
    Map<String, String> variableValues = new LinkedHashMap<>();
    Set<String> names = new LinkedHashSet<>(variables.keySet());
    names.addAll(globals.keySet());
    for (String name : names) {
      try {
        Value v = lookup(name).orElse(Value.NULL);
        variableValues.put(
            name,
            v instanceof Value.Str || v instanceof Value.Num || v instanceof Value.Bool
                ? Conversions.toStr(v)
                : Json.encode(v));
      } catch (EvalError e) {
        // Already reported where the variable is defined.
      }
    }
    validations();
    for (String label : targetBlocks.keySet()) {
      ensureExpanded(label, null);
    }
    BakeGroups groupReader =
        new BakeGroups(
            groupBlocks, matrixGroups, matrixLocations, evaluator, root, diagnostics, this::report);
    Map<String, BakeGroup> groups = groupReader.read(drafts.keySet());
    Map<String, BakeTarget> targets = new LinkedHashMap<>();
    Map<String, TargetDraft> done = new HashMap<>();
    for (String name : drafts.keySet()) {
      TargetDraft d = resolveInheritance(name, done, new ArrayDeque<>());
      targets.put(name, conversion.toTarget(d, drafts.get(name)));
    }
    groupReader.check(groups, targets);
    TargetLinks.check(targets, diagnostics);
    return new BakeDefinition(targets, groups, variableValues);
  }

  /**
   * The time {@code timestamp()} answers: {@code SOURCE_DATE_EPOCH} when the environment sets it
   * (as reproducible builds do), else now.
   */
  private Instant clock() {
    String epoch = env.get("SOURCE_DATE_EPOCH");
    if (epoch != null) {
      try {
        return Instant.ofEpochSecond(Long.parseLong(epoch.trim()));
      } catch (NumberFormatException e) {
        // Not a number: fall back to the current time, as buildx would not use it either.
      }
    }
    return Instant.now();
  }

  // ---- collecting blocks from files

  private void collect(Body body) {
    for (Attribute a : body.attributes()) {
      globals.put(a.name(), a);
    }
    for (Block b : body.blocks()) {
      if (!Set.of("variable", "target", "group", "function").contains(b.type())) {
        diagnostics.add(
            Diagnostic.warning(
                b.location(),
                "bake-unknown-block",
                "unknown block type \""
                    + b.type()
                    + "\"; bake reads variable, function, target and group"));
        continue;
      }
      if (b.labels().size() != 1) {
        diagnostics.add(
            Diagnostic.error(
                b.location(),
                "bake-block-label",
                b.type() + " blocks take exactly one label, found " + b.labels().size()));
        continue;
      }
      String label = b.labels().get(0);
      switch (b.type()) {
        case "variable" -> variables.put(label, b);
        case "function" -> functionBlocks.put(label, b);
        case "target" -> targetBlocks.computeIfAbsent(label, k -> new ArrayList<>()).add(b);
        default -> groupBlocks.computeIfAbsent(label, k -> new ArrayList<>()).add(b);
      }
    }
  }

  // ---- variables

  private Optional<Value> lookup(String name) {
    if (name.equals("target") && !variables.containsKey(name) && !globals.containsKey(name)) {
      return Optional.of(targetsValue());
    }
    if (name.equals(CMD_CONTEXT) && !variables.containsKey(name)) {
      return Optional.of(Value.str(env.getOrDefault(CMD_CONTEXT, "cwd://")));
    }
    if (name.equals(LOCAL_PLATFORM) && !variables.containsKey(name)) {
      return Optional.of(Value.str(env.getOrDefault(LOCAL_PLATFORM, "linux/amd64")));
    }
    if (!variables.containsKey(name) && !globals.containsKey(name)) {
      return Optional.empty();
    }
    Value v = resolved.get(name);
    if (v != null) {
      return Optional.of(v);
    }
    if (failed.contains(name)) {
      throw new EvalError(
          null, "bake-variable-failed", "variable \"" + name + "\" could not be evaluated");
    }
    if (!resolving.add(name)) {
      throw new EvalError(
          null,
          "bake-variable-cycle",
          "variable \""
              + name
              + "\" depends on itself: "
              + String.join(" -> ", resolving)
              + " -> "
              + name);
    }
    try {
      v = computeVariable(name);
      resolved.put(name, v);
      return Optional.of(v);
    } catch (EvalError e) {
      failed.add(name);
      if (!e.code().equals("bake-variable-failed")) {
        diagnostics.add(e.at(variableLocation(name)).toDiagnostic());
      }
      throw new EvalError(
          null, "bake-variable-failed", "variable \"" + name + "\" could not be evaluated");
    } finally {
      resolving.remove(name);
    }
  }

  private Location variableLocation(String name) {
    Attribute g = globals.get(name);
    return g != null ? g.location() : variables.get(name).location();
  }

  private Value computeVariable(String name) {
    Block vb = variables.get(name);
    Attribute global = globals.get(name);
    TypeConstraint type = null;
    if (vb != null) {
      Optional<Attribute> t = vb.body().attribute("type");
      if (t.isPresent()) {
        type = VariableTyping.typeOf(t.get().expression());
      }
    }
    Value v;
    Location where;
    if (global != null) {
      v = evaluator.evaluate(global.expression(), root);
      where = global.location();
    } else {
      Optional<Attribute> def = vb.body().attribute("default");
      v = def.isPresent() ? evaluator.evaluate(def.get().expression(), root) : Value.NULL;
      where = def.map(Attribute::location).orElse(vb.location());
    }
    if (vb != null) {
      String json = env.get(name + "_JSON");
      if (type != null && json != null && !variables.containsKey(name + "_JSON")) {
        try {
          v = Json.parse(json);
        } catch (EvalError e) {
          throw new EvalError(
              vb.location(),
              "bake-variable-env",
              "environment variable " + name + "_JSON is not valid JSON: " + e.getMessage());
        }
      } else if (env.containsKey(name)) {
        v = VariableTyping.fromEnvironment(name, env.get(name), type, v, vb.location());
      }
    }
    if (type != null) {
      try {
        v = type.convert(v);
      } catch (EvalError e) {
        throw new EvalError(
            where,
            "hcl-type",
            "variable \"" + name + "\" must be " + type.display() + ": " + e.getMessage());
      }
    }
    return v;
  }

  private void validations() {
    for (Map.Entry<String, Block> e : variables.entrySet()) {
      if (failed.contains(e.getKey())) {
        continue;
      }
      for (Block vb : e.getValue().body().blocks()) {
        if (!vb.type().equals("validation")) {
          continue;
        }
        Optional<Attribute> cond = vb.body().attribute("condition");
        if (cond.isEmpty()) {
          diagnostics.add(
              Diagnostic.error(
                  vb.location(), "bake-validation", "a validation block needs a condition"));
          continue;
        }
        try {
          Value ok = evaluator.evaluate(cond.get().expression(), root);
          if (!Conversions.toBool(ok)) {
            String msg =
                vb.body()
                    .attribute("error_message")
                    .map(a -> TargetConversion.stringOf(evaluator.evaluate(a.expression(), root)))
                    .orElse("validation failed");
            diagnostics.add(
                Diagnostic.error(
                    cond.get().location(),
                    "bake-validation",
                    "variable \"" + e.getKey() + "\": " + msg));
          }
        } catch (EvalError err) {
          report(err, cond.get().location());
        }
      }
    }
  }

  private void report(EvalError err, Location fallback) {
    if (err.code().equals("bake-variable-failed")) {
      return;
    }
    diagnostics.add(err.at(fallback).toDiagnostic());
  }

  // ---- targets

  /**
   * {@code target.<name>.<attribute>}: the attribute alone, evaluated from the target's blocks and
   * its parents, the way buildx resolves such references attribute by attribute (so a target may
   * refer to its own attributes).
   */
  private Optional<Value> targetAttribute(String rootName, String name, String attr) {
    if (!rootName.equals("target")
        || variables.containsKey("target")
        || globals.containsKey("target")) {
      return Optional.empty();
    }
    String key = name + "\0" + attr;
    Value cached = targetAttributes.get(key);
    if (cached != null) {
      return Optional.of(cached);
    }
    if (!targetBlocks.containsKey(name) && !drafts.containsKey(name)) {
      // Perhaps a name a matrix gives: expand the matrix targets not yet expanded.
      for (Map.Entry<String, List<Block>> e : targetBlocks.entrySet()) {
        if (!expanding.contains(e.getKey())
            && e.getValue().stream().anyMatch(b -> b.body().attribute("matrix").isPresent())) {
          ensureExpanded(e.getKey(), null);
        }
      }
    }
    if (targetBlocks.containsKey(name)
        && targetBlocks.get(name).stream()
            .allMatch(b -> b.body().attribute("matrix").isPresent())) {
      throw new EvalError(
          null,
          "bake-unknown-target",
          "target \""
              + name
              + "\" has a matrix, so it is a group of targets; refer to one of the names it gives");
    }
    if (!targetBlocks.containsKey(name)) {
      TargetDraft d = drafts.get(name);
      if (d == null) {
        throw new EvalError(
            null, "bake-unknown-target", "there is no target named \"" + name + "\"");
      }
      Map<String, TargetDraft> done = new HashMap<>();
      List<Diagnostic> saved = new ArrayList<>(diagnostics);
      TargetDraft merged = resolveInheritance(name, done, new ArrayDeque<>());
      diagnostics.clear();
      diagnostics.addAll(saved);
      return Optional.of(
          attr.equals("name")
              ? Value.str(name)
              : asReferenced(attr, merged.values.getOrDefault(attr, Value.NULL)));
    }
    if (!resolvingAttributes.add(key)) {
      throw new EvalError(
          null, "bake-target-cycle", "target." + name + "." + attr + " depends on itself");
    }
    try {
      Value v = asReferenced(attr, attributeWithParents(name, attr, new HashSet<>()));
      targetAttributes.put(key, v);
      return Optional.of(v);
    } finally {
      resolvingAttributes.remove(key);
    }
  }

  /**
   * How buildx exposes an attribute to references: entries of cache-from, cache-to, output, secret,
   * ssh and attest as objects even when written as {@code "type=...,k=v"} strings.
   */
  private static Value asReferenced(String attr, Value v) {
    OptionEntry.Kind kind = ENTRY_KINDS.get(attr);
    if (kind == null || !(v instanceof Value.Seq seq)) {
      return v;
    }
    List<Value> items = new ArrayList<>();
    for (Value x : seq.items()) {
      if (x instanceof Value.Str str) {
        Map<String, Value> m = new TreeMap<>();
        OptionEntry.parse(str.value(), kind).forEach((k, val) -> m.put(k, Value.str(val)));
        items.add(Value.object(m));
      } else {
        items.add(x);
      }
    }
    return Value.tuple(items);
  }

  private Value attributeWithParents(String name, String attr, Set<String> seen) {
    if (attr.equals("name")) {
      return Value.str(name);
    }
    List<Block> blocks = targetBlocks.get(name);
    if (blocks == null || !seen.add(name)) {
      return Value.NULL;
    }
    Value inherited = null;
    Value own = null;
    for (Block b : blocks) {
      if (b.body().attribute("matrix").isPresent()) {
        continue;
      }
      Optional<Attribute> inh = b.body().attribute("inherits");
      if (inh.isPresent()
          && evaluator.evaluate(inh.get().expression(), root) instanceof Value.Seq parents) {
        for (Value p : parents.items()) {
          if (p instanceof Value.Str ps) {
            inherited =
                TargetDraft.mergeAttribute(
                    attr, inherited, attributeWithParents(ps.value(), attr, seen));
          }
        }
      }
      Optional<Attribute> a = b.body().attribute(attr);
      if (a.isPresent()) {
        own = TargetDraft.mergeAttribute(attr, own, evaluator.evaluate(a.get().expression(), root));
      }
    }
    Value v = TargetDraft.mergeAttribute(attr, inherited, own);
    return v == null ? Value.NULL : v;
  }

  /**
   * Evaluates the blocks of target {@code label} unless done: in file order, or earlier when
   * another target's attribute refers to it as {@code target.<label>.<attribute>}.
   */
  private void ensureExpanded(String label, Location from) {
    if (expanded.contains(label) || !targetBlocks.containsKey(label)) {
      return;
    }
    if (!expanding.add(label)) {
      throw new EvalError(
          from,
          "bake-target-cycle",
          "target \"" + label + "\" refers to itself through target." + label + " references");
    }
    try {
      for (Block b : targetBlocks.get(label)) {
        expandTarget(b);
      }
    } finally {
      expanding.remove(label);
      expanded.add(label);
    }
    TargetDraft d = drafts.get(label);
    if (d != null && d.values.get("inherits") instanceof Value.Seq parents) {
      for (Value p : parents.items()) {
        if (p instanceof Value.Str ps) {
          ensureExpanded(ps.value(), from);
        }
      }
    }
  }

  /** The {@code target} object: every target evaluated so far, inheritance applied. */
  private Value targetsValue() {
    Map<String, Value> all = new TreeMap<>();
    Map<String, TargetDraft> done = new HashMap<>();
    List<Diagnostic> saved = new ArrayList<>(diagnostics);
    for (String name : new ArrayList<>(drafts.keySet())) {
      TargetDraft d = resolveInheritance(name, done, new ArrayDeque<>());
      Map<String, Value> attrs = new TreeMap<>();
      for (String a : TARGET_ATTRIBUTES) {
        attrs.put(a, Value.NULL);
      }
      attrs.putAll(d.values);
      attrs.remove("inherits");
      attrs.remove("matrix");
      attrs.put("name", Value.str(name));
      all.put(name, Value.object(attrs));
    }
    diagnostics.clear();
    diagnostics.addAll(saved);
    return Value.object(all);
  }

  private void expandTarget(Block b) {
    String label = b.labels().get(0);
    Optional<Attribute> matrix = b.body().attribute("matrix");
    Optional<Attribute> nameAttr = b.body().attribute("name");
    List<Map<String, Value>> combos = List.of(Map.of());
    if (matrix.isPresent()) {
      try {
        combos =
            MatrixCombinations.combinations(
                evaluator.evaluate(matrix.get().expression(), root), matrix.get().location());
      } catch (EvalError e) {
        report(e, matrix.get().location());
        return;
      }
      matrixLocations.putIfAbsent(label, b.location());
      if (nameAttr.isEmpty() && combos.size() > 1) {
        // buildx names every combination after the block, so they merge into one target.
        diagnostics.add(
            Diagnostic.warning(
                matrix.get().location(),
                "bake-matrix",
                "target \""
                    + label
                    + "\" has a matrix of "
                    + combos.size()
                    + " combinations but no name attribute: they all become one target"));
      }
    } else if (nameAttr.isPresent()) {
      diagnostics.add(
          Diagnostic.error(
              nameAttr.get().location(),
              "bake-matrix",
              "name requires matrix: target \"" + label + "\" has a name attribute but no matrix"));
      return;
    }
    Set<String> given = new HashSet<>();
    for (Map<String, Value> combo : combos) {
      EvalContext ctx = combo.isEmpty() ? root : root.child(combo);
      String name = label;
      if (matrix.isPresent() && nameAttr.isPresent()) {
        try {
          Value n = evaluator.evaluate(nameAttr.get().expression(), ctx);
          name = Conversions.toStr(n);
        } catch (EvalError e) {
          report(e, nameAttr.get().location());
          continue;
        }
      }
      Location nameAt = nameAttr.map(Attribute::location).orElse(b.location());
      if (!NAME.matcher(name).matches()) {
        diagnostics.add(
            Diagnostic.error(
                nameAt,
                "bake-target-name",
                "invalid target name \"" + name + "\": use letters, digits, '_' and '-'"));
        continue;
      }
      if (!given.add(name) && nameAttr.isPresent()) {
        diagnostics.add(
            Diagnostic.error(
                nameAt,
                "bake-matrix",
                "the matrix of target \""
                    + label
                    + "\" gives the name \""
                    + name
                    + "\" to more than one target"));
        continue;
      }
      TargetDraft own = new TargetDraft(name, b.location());
      for (Attribute a : b.body().attributes()) {
        if (a.name().equals("matrix") || a.name().equals("name")) {
          continue;
        }
        if (!TARGET_ATTRIBUTES.contains(a.name())) {
          if (combo == combos.get(0)) {
            diagnostics.add(
                Diagnostic.warning(
                    a.location(),
                    "bake-unknown-attribute",
                    "unknown target attribute \"" + a.name() + "\""));
          }
          continue;
        }
        try {
          own.values.put(a.name(), evaluator.evaluate(a.expression(), ctx));
          own.locations.put(a.name(), a.location());
        } catch (EvalError e) {
          report(e, a.location());
        }
      }
      TargetDraft d = drafts.get(name);
      if (d == null) {
        d = new TargetDraft(name, b.location());
        drafts.put(name, d);
      }
      d.merge(own, true);
      if (matrix.isPresent()) {
        d.matrixOrigin = label;
        List<String> members = matrixGroups.computeIfAbsent(label, k -> new ArrayList<>());
        if (!members.contains(name)) {
          members.add(name);
        }
      }
    }
  }

  private TargetDraft resolveInheritance(
      String name, Map<String, TargetDraft> done, Deque<String> stack) {
    TargetDraft cached = done.get(name);
    if (cached != null) {
      return cached;
    }
    TargetDraft own = drafts.get(name);
    stack.push(name);
    TargetDraft merged = new TargetDraft(name, own.location);
    Value inh = own.values.get("inherits");
    for (String parent : conversion.stringList(own, "inherits", inh)) {
      Location at = own.locations.getOrDefault("inherits", own.location);
      if (stack.contains(parent)) {
        List<String> chain = new ArrayList<>(stack);
        Collections.reverse(chain);
        chain = chain.subList(chain.indexOf(parent), chain.size());
        diagnostics.add(
            Diagnostic.error(
                at,
                "bake-inherits-cycle",
                "inheritance cycle: " + String.join(" -> ", chain) + " -> " + parent));
        continue;
      }
      if (!drafts.containsKey(parent)) {
        diagnostics.add(
            Diagnostic.error(
                at,
                "bake-unknown-target",
                "target \"" + name + "\" inherits from \"" + parent + "\", which is not a target"));
        continue;
      }
      merged.merge(resolveInheritance(parent, done, stack), false);
    }
    merged.merge(own, false);
    merged.matrixOrigin = own.matrixOrigin;
    stack.pop();
    done.put(name, merged);
    return merged;
  }

  /** Evaluates an expression with the variables and functions of {@code files}. */
  static ParseResult<Value> evaluateExpression(
      List<SourceFile> files, Map<String, String> env, Expression e) {
    BakeEvaluator b = new BakeEvaluator(env);
    b.run(files);
    try {
      return ParseResult.of(b.evaluator.evaluate(e, b.root), b.diagnostics);
    } catch (EvalError err) {
      List<Diagnostic> d = new ArrayList<>(b.diagnostics);
      d.add(err.at(e.location()).toDiagnostic());
      return ParseResult.failed(d);
    }
  }
}
