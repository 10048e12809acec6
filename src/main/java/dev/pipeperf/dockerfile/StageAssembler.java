package dev.pipeperf.dockerfile;

import dev.pipeperf.source.Diagnostic;
import dev.pipeperf.source.Location;
import dev.pipeperf.source.SourceFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the flat instruction list into stages, the way BuildKit's {@code instructions} package and
 * {@code dockerfile2llb} see it: global {@code ARG}s, stage names, each stage's base and the stages
 * or images it copies or mounts from. Reports what BuildKit would refuse at that level (an
 * instruction before {@code FROM}, an unknown instruction, a {@code --from} that names a later
 * stage) and what is probably a typo (a {@code --from} that names no stage).
 */
final class StageAssembler {

  private static final Set<String> KNOWN =
      Set.of(
          "ADD",
          "ARG",
          "CMD",
          "COPY",
          "ENTRYPOINT",
          "ENV",
          "EXPOSE",
          "FROM",
          "HEALTHCHECK",
          "LABEL",
          "MAINTAINER",
          "ONBUILD",
          "RUN",
          "SHELL",
          "STOPSIGNAL",
          "USER",
          "VOLUME",
          "WORKDIR");

  private final SourceFile file;
  private final List<Diagnostic> diagnostics;
  private final char escape;

  /**
   * BuildKit's automatic platform ARGs ({@code dockerfile2llb.defaultArgs}), valued as a build
   * without {@code --platform} and {@code --target} on GitHub's linux/amd64 hosted runners sees
   * them. They are in scope before any {@code ARG}, without being declared.
   */
  static final Map<String, String> PLATFORM_DEFAULTS =
      Map.ofEntries(
          Map.entry("TARGETPLATFORM", "linux/amd64"),
          Map.entry("TARGETOS", "linux"),
          Map.entry("TARGETOSVERSION", ""),
          Map.entry("TARGETARCH", "amd64"),
          Map.entry("TARGETVARIANT", ""),
          Map.entry("TARGETSTAGE", "default"),
          Map.entry("BUILDPLATFORM", "linux/amd64"),
          Map.entry("BUILDOS", "linux"),
          Map.entry("BUILDOSVERSION", ""),
          Map.entry("BUILDARCH", "amd64"),
          Map.entry("BUILDVARIANT", ""));

  /**
   * The global ARGs as BuildKit evaluates them ({@code buildMetaArgs}) for a linux/amd64 build
   * without build args: platform ARGs first, each {@code ARG k=v} expanded in that scope, an unset
   * variable empty. This decides which stage a {@code FROM} or {@code --from} refers to.
   */
  private final Map<String, String> buildEnv = new HashMap<>(PLATFORM_DEFAULTS);

  /**
   * The global ARGs as names are shown to users: only values that are the same on every platform
   * and for every build arg. A name that depends on the platform is kept as written ({@code FROM
   * binaries-$TARGETOS}), so is an operator on a value that holds unexpanded text.
   */
  private final Map<String, String> globalEnv = new HashMap<>();

  /** Global ARGs whose value depends on the platform (the platform ARGs themselves first). */
  private final Set<String> platformDependent = new HashSet<>(PLATFORM_DEFAULTS.keySet());

  /** Names shown as written in every operator: platform-dependent, or holding unexpanded text. */
  private final Set<String> asWritten = new HashSet<>(PLATFORM_DEFAULTS.keySet());

  StageAssembler(SourceFile file, List<Diagnostic> diagnostics, char escape) {
    this.file = file;
    this.diagnostics = diagnostics;
    this.escape = escape;
  }

  private record Header(
      int index, String name, String raw, String baseName, String platform, Instruction from) {}

  Dockerfile assemble(Map<String, String> directives, List<Instruction> instructions) {
    List<Instruction> globalArgs = new ArrayList<>();
    List<Header> headers = new ArrayList<>();
    List<List<Instruction>> bodies = new ArrayList<>();
    Map<String, List<Integer>> byName = new HashMap<>();
    for (Instruction i : instructions) {
      checkKnown(i);
      if (i.isFrom()) {
        Header h = header(headers.size(), i, byName);
        headers.add(h);
        bodies.add(new ArrayList<>(List.of(i)));
      } else if (headers.isEmpty()) {
        if (i.isArg()) {
          globalArgs.add(i);
          declareGlobal(i);
        } else if (KNOWN.contains(i.keyword())) {
          diagnostics.add(
              Diagnostic.error(
                  i.location(),
                  "instruction-before-from",
                  i.keyword() + " before the first FROM: only ARG may come before FROM"));
        }
      } else {
        bodies.get(bodies.size() - 1).add(i);
      }
    }
    List<Stage> stages = new ArrayList<>();
    for (int s = 0; s < headers.size(); s++) {
      Header h = headers.get(s);
      // FROM can only build on an earlier stage; a later stage's name is taken as an image.
      Integer base = lookup(byName, resolveForPlatform(h.raw()), s);
      if (base != null && base >= s) {
        base = null;
      }
      List<StageDependency> deps = new ArrayList<>();
      if (base != null) {
        deps.add(new StageDependency(StageDependency.Kind.FROM, base, null, h.from().location()));
      } else if (!h.baseName().isEmpty() && !h.baseName().equalsIgnoreCase("scratch")) {
        deps.add(
            new StageDependency(
                StageDependency.Kind.FROM, null, h.baseName(), h.from().location()));
      }
      for (Instruction i : bodies.get(s)) {
        if (i.is("ADD") && i.hasFlag("from")) {
          diagnostics.add(
              Diagnostic.error(
                  flagLocation(i, "from"),
                  "unknown-flag",
                  "unknown flag: from (ADD cannot copy from a stage; COPY --from can)"));
        }
        if (i.is("COPY") && i.from() != null) {
          Location at = flagLocation(i, "from");
          dependency(deps, StageDependency.Kind.COPY_FROM, i.from(), s, headers, byName, at);
        }
        if (i.isRun()) {
          for (Mount m : i.mounts()) {
            if (m.from() != null) {
              dependency(
                  deps,
                  StageDependency.Kind.RUN_MOUNT_FROM,
                  m.from(),
                  s,
                  headers,
                  byName,
                  m.location());
            }
          }
        }
      }
      stages.add(
          new Stage(
              s,
              h.name(),
              h.baseName(),
              base,
              h.platform(),
              h.from().location(),
              bodies.get(s),
              deps));
    }
    return new Dockerfile(file.path(), directives, escape, globalArgs, stages, instructions);
  }

  private void checkKnown(Instruction i) {
    if (!KNOWN.contains(i.keyword())) {
      diagnostics.add(
          Diagnostic.error(
              i.location(), "unknown-instruction", "unknown instruction: " + i.keyword()));
    }
    Instruction t = i.trigger();
    if (t != null) {
      if (t.is("ONBUILD") || t.is("FROM") || t.is("MAINTAINER")) {
        diagnostics.add(
            Diagnostic.error(
                i.location(),
                "invalid-onbuild",
                t.keyword() + " isn't allowed as an ONBUILD trigger"));
      } else if (!KNOWN.contains(t.keyword())) {
        diagnostics.add(
            Diagnostic.error(
                i.location(), "unknown-instruction", "unknown instruction: " + t.keyword()));
      }
    }
  }

  private void declareGlobal(Instruction arg) {
    for (String word : arg.args()) {
      int eq = word.indexOf('=');
      if (eq < 0) {
        // ARG X without a value keeps what X had (a platform ARG keeps its automatic value).
        continue;
      }
      String key = word.substring(0, eq);
      String value = word.substring(eq + 1);
      try {
        buildEnv.put(key, buildkit().process(value).word());
      } catch (ShellLex.LexError e) {
        buildEnv.remove(key);
      }
      ShellLex.Processed shown;
      try {
        shown = display().process(value);
      } catch (ShellLex.LexError e) {
        shown = new ShellLex.Processed(value, List.of(), Set.of(), false);
      }
      if (shown.referenced().stream().anyMatch(platformDependent::contains)) {
        platformDependent.add(key);
        asWritten.add(key);
        globalEnv.remove(key);
        continue;
      }
      platformDependent.remove(key);
      globalEnv.put(key, shown.word());
      if (shown.complete()) {
        asWritten.remove(key);
      } else {
        asWritten.add(key);
      }
    }
  }

  /** BuildKit's {@code ProcessWord} over the global scope of a linux/amd64 build. */
  private ShellLex buildkit() {
    return new ShellLex(escape, false, false, false, false, buildEnv);
  }

  private ShellLex display() {
    return new ShellLex(escape, false, false, true, true, globalEnv, asWritten);
  }

  /**
   * Expands global ARG defaults as names are shown: values that do not depend on the platform or on
   * a build arg are filled in, the rest kept as written.
   */
  private String substitute(String word) {
    try {
      return display().process(word).word();
    } catch (ShellLex.LexError e) {
      return word;
    }
  }

  /** A stage name as BuildKit resolves it in a linux/amd64 build without build args. */
  private String resolveForPlatform(String word) {
    if (word.indexOf('$') < 0) {
      return word;
    }
    try {
      return buildkit().process(word).word();
    } catch (ShellLex.LexError e) {
      return substitute(word);
    }
  }

  private Header header(int index, Instruction from, Map<String, List<Integer>> byName) {
    List<String> args = from.args();
    String name = null;
    if (args.size() == 3 && args.get(1).equalsIgnoreCase("as")) {
      name = args.get(2).toLowerCase(Locale.ROOT);
      if (!validStageName(name)) {
        diagnostics.add(
            Diagnostic.error(
                from.location(),
                "invalid-stage",
                "invalid name for build stage: "
                    + GoText.quote(args.get(2))
                    + ", name can't start with a number or contain symbols"));
      } else {
        if (byName.containsKey(name)) {
          // BuildKit builds it (its DuplicateStageName check only warns); references then
          // mean the latest stage of that name before them.
          diagnostics.add(
              Diagnostic.warning(
                  from.location(),
                  "duplicate-stage-name",
                  "Duplicate stage name " + GoText.quote(name) + ", stage names should be unique"));
        }
        byName.computeIfAbsent(name, k -> new ArrayList<>()).add(index);
      }
    } else if (args.size() != 1) {
      diagnostics.add(
          Diagnostic.error(
              from.location(), "invalid-stage", "FROM requires either one or three arguments"));
    }
    String raw = args.isEmpty() ? "" : args.get(0);
    return new Header(index, name, raw, substitute(raw), from.platform(), from);
  }

  private static boolean validStageName(String name) {
    if (name.isEmpty() || name.charAt(0) < 'a' || name.charAt(0) > 'z') {
      return false;
    }
    for (int i = 1; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private void dependency(
      List<StageDependency> deps,
      StageDependency.Kind kind,
      String raw,
      int current,
      List<Header> headers,
      Map<String, List<Integer>> byName,
      Location at) {
    String v = substitute(raw);
    String what = kind == StageDependency.Kind.COPY_FROM ? "copy" : "mount";
    Integer index = lookup(byName, resolveForPlatform(raw), current);
    if (index == null && !v.isEmpty() && v.chars().allMatch(c -> c >= '0' && c <= '9')) {
      int n = v.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(v);
      if (n >= headers.size()) {
        diagnostics.add(
            Diagnostic.error(
                at,
                "unknown-stage",
                "--from="
                    + v
                    + " names stage "
                    + v
                    + ", but the file has "
                    + headers.size()
                    + (headers.size() == 1 ? " stage" : " stages")));
        return;
      }
      index = n;
    }
    if (index != null) {
      if (index >= current) {
        diagnostics.add(
            Diagnostic.error(
                at,
                "forward-stage-reference",
                "cannot "
                    + what
                    + " from stage "
                    + GoText.quote(v)
                    + ", it needs to be defined before current stage "
                    + GoText.quote(
                        headers.get(current).name() == null
                            ? String.valueOf(current)
                            : headers.get(current).name())));
      }
      deps.add(new StageDependency(kind, index, null, at));
      return;
    }
    if (!v.contains("$") && v.indexOf('/') < 0 && v.indexOf(':') < 0 && v.indexOf('.') < 0) {
      diagnostics.add(
          Diagnostic.warning(
              at,
              "unknown-stage",
              "--from="
                  + v
                  + " names no stage of this file, so BuildKit will pull an image called "
                  + GoText.quote(v)));
    }
    deps.add(new StageDependency(kind, null, v, at));
  }

  /**
   * The stage a name refers to from stage {@code current}: the latest one of that name before it,
   * else the first one after (a forward reference, reported by the caller); null when none.
   */
  private static Integer lookup(Map<String, List<Integer>> byName, String name, int current) {
    List<Integer> indices = byName.get(name.toLowerCase(Locale.ROOT));
    if (indices == null) {
      return null;
    }
    // Indices are ascending: binary search keeps a file of many same-named stages linear-ish.
    int at = java.util.Collections.binarySearch(indices, current);
    int before = (at >= 0 ? at : -at - 1) - 1;
    return before >= 0 ? indices.get(before) : indices.get(0);
  }

  private static Location flagLocation(Instruction i, String name) {
    for (Flag f : i.flags()) {
      if (f.name().equalsIgnoreCase(name)) {
        return f.location();
      }
    }
    return i.location();
  }
}
