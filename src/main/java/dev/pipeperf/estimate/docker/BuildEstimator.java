package dev.pipeperf.estimate.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipeperf.dockerfile.Dockerfile;
import dev.pipeperf.dockerfile.Instruction;
import dev.pipeperf.dockerfile.Mount;
import dev.pipeperf.dockerfile.Stage;
import dev.pipeperf.dockerfile.StageDependency;
import dev.pipeperf.estimate.DurationRange;
import dev.pipeperf.estimate.Estimate;
import dev.pipeperf.estimate.Provenance;
import dev.pipeperf.estimate.docker.BuildCatalogue.BaseImage;
import dev.pipeperf.estimate.docker.BuildCatalogue.CompileStep;
import dev.pipeperf.estimate.docker.BuildCatalogue.HeavyPackage;
import dev.pipeperf.estimate.docker.BuildCatalogue.PerItem;
import dev.pipeperf.shell.PackageInstall;
import dev.pipeperf.shell.PackageInstall.Manager;
import dev.pipeperf.shell.PackageInstalls;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Estimates a Docker build per instruction, cold and warm (spec §6.2), from the {@link
 * BuildCatalogue}.
 *
 * <p>Assumptions, all of them:
 *
 * <ul>
 *   <li><b>Cold</b>: an empty builder, as on a GitHub-hosted runner without a cache backend: every
 *       base image is pulled, every instruction runs.
 *   <li><b>Warm</b> = the rebuild after an ordinary commit that changes source files but no
 *       dependency manifest, with the given cache backend holding the previous build's layers
 *       ({@code mode=max}, so intermediate stages are in it too). Without a backend ({@link
 *       CacheBackend#NONE}) warm equals cold: CI builders start empty.
 *   <li>An ordinary commit changes: every COPY/ADD source from the context except dependency
 *       manifests and lock files (the catalogue's {@code manifestFiles}); every {@code ADD <url>};
 *       every {@code ARG} whose name says it carries the commit, version or date (the catalogue's
 *       {@code changingArgs}; the build is assumed to pass it). Global ARGs before the first FROM
 *       are not considered. Nothing else changes (base image tags are assumed not re-pushed).
 *   <li>In a stage, the layers before the first changed instruction are cache hits (the catalogue's
 *       {@code cacheHit} each; the backend's import cost is counted once per build in {@link
 *       BuildEstimate#cacheImportWarm()}); that instruction and every later one run at full cost. A
 *       stage whose base stage is invalidated is invalidated from its FROM; a {@code COPY --from} /
 *       {@code RUN --mount=from} of an invalidated stage invalidates from that instruction.
 *   <li>A stage with an invalidated instruction pulls its base image again (the layers after it
 *       need the base's file system); a fully cached stage does not.
 *   <li>{@code RUN --mount=type=cache}: a re-run install costs the catalogue's {@code
 *       cacheMountWarmFactor} of its cold cost, assuming the mount's content survived (a persistent
 *       builder or a cache-mount export); cold it helps nothing.
 *   <li>The context is sent in full on both builds (a fresh builder has no previous context).
 *   <li>Push: cold pushes the target's layers (the base image's included); warm pushes only the
 *       layers from the first invalidated one on (the registry has the rest). Layer sizes are the
 *       catalogue's rough {@code mb} figures, COPY sizes are measured.
 *   <li>Emulated platforms (QEMU) and BuildKit's parallelism inside a stage are not modelled.
 * </ul>
 *
 * <p>One concern, the cold/warm model above applied instruction by instruction; its size is that
 * model's cases (invalidation across stages, mounts, pulls, pushes), which read best in one place.
 */
public final class BuildEstimator {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final BuildCatalogue cat;

  public BuildEstimator(BuildCatalogue catalogue) {
    this.cat = catalogue;
  }

  public BuildEstimator() {
    this(BuildCatalogue.builtIn());
  }

  /** The estimate of building {@code target} (null: the last stage), without a push. */
  public BuildEstimate estimate(
      Dockerfile df, String target, BuildContext ctx, CacheBackend cache) {
    return estimate(df, target, ctx, cache, false);
  }

  /** The estimate of building {@code target} (null: the last stage), with a push when asked. */
  public BuildEstimate estimate(
      Dockerfile df, String target, BuildContext ctx, CacheBackend cache, boolean push) {
    BuildContext context = ctx == null ? BuildContext.unknown() : ctx;
    CacheBackend backend = cache == null ? CacheBackend.NONE : cache;
    List<Stage> needed = df.stagesNeededFor(target);
    Set<Integer> invalidStages = new HashSet<>();
    List<StageEstimate> stages = new ArrayList<>();
    for (Stage s : needed) {
      StageEstimate se = estimateStage(df, s, context, backend, invalidStages);
      if (se.invalidated()) {
        invalidStages.add(s.index());
      }
      stages.add(se);
    }
    Estimate upload = contextUpload(context);
    BuildCatalogue.CacheCost cc = cat.cacheCost(backend);
    String b = backend.name().toLowerCase(Locale.ROOT);
    Estimate importCold =
        Estimate.zero(
            backend == CacheBackend.NONE
                ? "no cache backend"
                : b + " cache: nothing to import on a cold build");
    Estimate importWarm =
        backend == CacheBackend.NONE
            ? Estimate.zero("no cache backend: every CI build is cold")
            : Estimate.of(
                cc.importCost(),
                Provenance.CATALOGUE,
                b + " cache import " + fmt(cc.importCost()) + " (catalogue)");
    Estimate export =
        backend == CacheBackend.NONE || stages.isEmpty()
            ? Estimate.zero(stages.isEmpty() ? "no stage to build" : "no cache backend")
            : Estimate.of(
                cc.exportCost(),
                Provenance.CATALOGUE,
                b + " cache export " + fmt(cc.exportCost()) + " (catalogue)");
    Estimate pushCold = Estimate.zero("no push");
    Estimate pushWarm = Estimate.zero("no push");
    if (push && !stages.isEmpty()) {
      double[] mb = imageSize(stages);
      pushCold = push(mb[0], "image");
      pushWarm =
          backend == CacheBackend.NONE ? push(mb[0], "image") : push(mb[1], "changed layers of");
    }
    return new BuildEstimate(
        df.path(),
        target,
        backend,
        stages,
        upload,
        importCold,
        importWarm,
        export,
        pushCold,
        pushWarm);
  }

  /** [whole image MB, changed layers MB] of the last needed stage and the stages it builds on. */
  private static double[] imageSize(List<StageEstimate> stages) {
    StageEstimate cur = stages.get(stages.size() - 1);
    double total = 0;
    double changed = 0;
    Set<Integer> seen = new HashSet<>();
    while (cur != null && seen.add(cur.stage().index())) {
      total += cur.sizeMb();
      changed += cur.changedSizeMb();
      Integer base = cur.stage().baseStageIndex();
      StageEstimate next = null;
      if (base != null) {
        for (StageEstimate s : stages) {
          if (s.stage().index() == base) {
            next = s;
          }
        }
      }
      cur = next;
    }
    return new double[] {total, changed};
  }

  private Estimate push(double mb, String what) {
    DurationRange r = cat.pushFixed().plus(cat.pushPerGb().times(mb / 1000));
    return Estimate.of(
        r,
        Provenance.HEURISTIC,
        String.format(
            Locale.ROOT,
            "export + push %s ~%.0f MB: %s + %s per GB (catalogue)",
            what,
            mb,
            fmt(cat.pushFixed()),
            fmt(cat.pushPerGb())));
  }

  private Estimate contextUpload(BuildContext ctx) {
    BuildCatalogue.Throughput t = cat.contextUpload();
    if (!ctx.isKnown()) {
      return Estimate.of(
          t.unknown(), Provenance.DEFAULT, "context upload: size unknown, " + fmt(t.unknown()));
    }
    return Estimate.of(
        t.forBytes(ctx.totalBytes()),
        Provenance.CATALOGUE,
        String.format(
            Locale.ROOT,
            "context upload: %s in %d files%s at %.0f–%.0f MB/s (catalogue)",
            mbText(ctx.totalBytes()),
            ctx.fileCount(),
            ctx.truncated() ? " (at least; walk stopped at its limit)" : "",
            t.slowMbPerSecond(),
            t.fastMbPerSecond()));
  }

  /** One instruction's cold cost, its cost when re-run warm, and what it is. */
  private record Cost(
      DurationRange cold,
      DurationRange warmRerun,
      Provenance provenance,
      String source,
      String what,
      double mb) {}

  private StageEstimate estimateStage(
      Dockerfile df, Stage stage, BuildContext ctx, CacheBackend backend, Set<Integer> invalid) {
    List<Instruction> ins = stage.instructions();
    boolean baseInvalid =
        stage.baseStageIndex() != null && invalid.contains(stage.baseStageIndex());
    boolean inval = baseInvalid;
    List<Cost> costs = new ArrayList<>();
    List<Boolean> flags = new ArrayList<>();
    List<Instruction> copiedSoFar = new ArrayList<>();
    for (Instruction i : ins) {
      Cost c;
      if (i.isFrom()) {
        c = from(df, stage);
      } else {
        c = instruction(df, i, ctx, copiedSoFar);
        if (!inval && changes(df, i, invalid)) {
          inval = true;
        }
        if (i.isCopyLike()) {
          copiedSoFar.add(i);
        }
      }
      costs.add(c);
      flags.add(inval);
    }
    boolean stageInvalid = inval;
    List<InstructionEstimate> out = new ArrayList<>();
    DurationRange cold = DurationRange.ZERO;
    DurationRange warm = DurationRange.ZERO;
    for (int k = 0; k < ins.size(); k++) {
      Instruction i = ins.get(k);
      Cost c = costs.get(k);
      Estimate coldE = Estimate.of(c.cold(), c.provenance(), c.source());
      Estimate warmE;
      if (backend == CacheBackend.NONE) {
        warmE = Estimate.of(c.cold(), c.provenance(), "no cache backend: as cold; " + c.source());
      } else if (i.isFrom() && stageInvalid && !flags.get(k)) {
        warmE =
            Estimate.of(
                c.cold(),
                c.provenance(),
                "base pulled again: later layers of the stage are rebuilt; " + c.source());
      } else if (flags.get(k)) {
        warmE =
            Estimate.of(
                c.warmRerun(),
                c.provenance(),
                (c.warmRerun().equals(c.cold())
                        ? "rebuilt (inputs change); "
                        : "rebuilt with warm cache mount; ")
                    + c.source());
      } else {
        warmE =
            Estimate.of(
                i.isFrom() && c.cold().isZero() ? DurationRange.ZERO : cat.cacheHit(),
                Provenance.CATALOGUE,
                "cache hit " + fmt(cat.cacheHit()) + " (catalogue)");
      }
      out.add(new InstructionEstimate(i, coldE, warmE, flags.get(k), c.what(), c.mb()));
      cold = cold.plus(coldE.range());
      warm = warm.plus(warmE.range());
    }
    LinkedHashSet<Integer> deps = new LinkedHashSet<>();
    for (StageDependency d : stage.dependencies()) {
      if (d.isStage() && d.stageIndex() != null) {
        deps.add(d.stageIndex());
      }
    }
    String name = "stage " + stage.displayName();
    return new StageEstimate(
        stage,
        out,
        Estimate.of(
            cold, Provenance.HEURISTIC, name + ": sum of " + ins.size() + " instructions, cold"),
        Estimate.of(
            warm,
            Provenance.HEURISTIC,
            name
                + ": sum of "
                + ins.size()
                + " instructions, warm ("
                + backend.name().toLowerCase(Locale.ROOT)
                + " cache)"),
        stageInvalid,
        List.copyOf(deps));
  }

  /** True when an ordinary commit changes this instruction's inputs. */
  private boolean changes(Dockerfile df, Instruction i, Set<Integer> invalidStages) {
    if (i.isCopyLike()) {
      String from = i.from();
      if (from != null) {
        Optional<Stage> s = df.stage(from);
        return s.isPresent() && invalidStages.contains(s.get().index());
      }
      for (String src : i.copySources()) {
        if (src.startsWith("<<")) {
          continue;
        }
        if (isUrl(src)) {
          return i.is("ADD");
        }
        if (!cat.isManifest(src)) {
          return true;
        }
      }
      return false;
    }
    if (i.isArg()) {
      return i.keyValues().keySet().stream().anyMatch(cat::isChangingArg);
    }
    if (i.isRun()) {
      for (Mount m : i.mounts()) {
        String from = m.from();
        if (from != null) {
          Optional<Stage> s = df.stage(from);
          if (s.isPresent() && invalidStages.contains(s.get().index())) {
            return true;
          }
        } else if (m.type().equals("bind")) {
          // A bind mount of the context: its source changes like a COPY's.
          String src = m.options().getOrDefault("source", m.options().getOrDefault("src", "."));
          if (!cat.isManifest(src)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static boolean isUrl(String s) {
    String l = s.toLowerCase(Locale.ROOT);
    return l.startsWith("http://") || l.startsWith("https://") || l.startsWith("git@");
  }

  private Cost from(Dockerfile df, Stage stage) {
    if (stage.baseStageIndex() != null) {
      String base = df.stages().get(stage.baseStageIndex()).displayName();
      return new Cost(
          DurationRange.ZERO,
          DurationRange.ZERO,
          Provenance.CATALOGUE,
          "builds on stage " + base,
          "FROM stage " + base,
          0);
    }
    String image = stage.baseName() == null ? "" : stage.baseName();
    BaseImage b = cat.baseImage(image);
    String family = b.match().get(0);
    return new Cost(
        b.pull(),
        b.pull(),
        b.match().contains("*") ? Provenance.DEFAULT : Provenance.CATALOGUE,
        "pull " + image + ": " + fmt(b.pull()) + " for " + family + " images (catalogue)",
        "pull " + image + String.format(Locale.ROOT, " (~%.0f MB)", b.mb()),
        b.mb());
  }

  private Cost instruction(
      Dockerfile df, Instruction i, BuildContext ctx, List<Instruction> copied) {
    if (i.isRun()) {
      return run(i, ctx, copied);
    }
    if (i.isCopyLike()) {
      return copy(df, i, ctx);
    }
    String what = i.keyword();
    if (i.isArg()) {
      List<String> changing = i.keyValues().keySet().stream().filter(cat::isChangingArg).toList();
      what =
          "ARG "
              + String.join(" ", i.keyValues().keySet())
              + (changing.isEmpty() ? "" : " (changes per commit)");
    }
    return new Cost(
        cat.floor(),
        cat.floor(),
        Provenance.CATALOGUE,
        i.keyword() + ": metadata only, " + fmt(cat.floor()) + " (catalogue floor)",
        what,
        0);
  }

  private Cost copy(Dockerfile df, Instruction i, BuildContext ctx) {
    String kw = i.keyword();
    String from = i.from();
    if (from != null) {
      Optional<Stage> s = df.stage(from);
      if (s.isPresent()) {
        return new Cost(
            cat.copyFromStage(),
            cat.copyFromStage(),
            Provenance.CATALOGUE,
            kw + " --from=" + from + ": " + fmt(cat.copyFromStage()) + " (catalogue)",
            kw + " from stage " + s.get().displayName(),
            20);
      }
      BaseImage b = cat.baseImage(from);
      DurationRange r = b.pull().plus(cat.copyFromStage());
      return new Cost(
          r,
          r,
          Provenance.CATALOGUE,
          kw
              + " --from="
              + from
              + ": pull "
              + fmt(b.pull())
              + " + copy "
              + fmt(cat.copyFromStage())
              + " (catalogue)",
          kw + " from image " + from,
          20);
    }
    List<String> sources = i.copySources();
    DurationRange total = DurationRange.ZERO;
    long bytes = 0;
    boolean unknown = false;
    int urls = 0;
    for (String src : sources) {
      if (src.startsWith("<<")) {
        continue;
      }
      if (isUrl(src)) {
        urls++;
        continue;
      }
      Optional<Long> b = ctx.bytesFor(src);
      if (b.isEmpty()) {
        unknown = true;
      } else {
        bytes += b.get();
      }
    }
    String srcText = String.join(" ", sources);
    if (urls > 0) {
      total = total.plus(cat.copyUrl().times(urls));
    }
    if (unknown) {
      DurationRange r = total.plus(cat.copy().fixed()).plus(cat.copy().unknown());
      return new Cost(
          r,
          r,
          Provenance.DEFAULT,
          kw + " " + srcText + ": context not on disk, " + fmt(r) + " (catalogue default)",
          kw + " " + srcText + " (size unknown)",
          20);
    }
    DurationRange r = total.plus(cat.copy().forBytes(bytes));
    return new Cost(
        r,
        r,
        Provenance.CATALOGUE,
        String.format(
            Locale.ROOT,
            "%s %s: %s at %.0f–%.0f MB/s + %s%s (catalogue)",
            kw,
            srcText,
            mbText(bytes),
            cat.copy().slowMbPerSecond(),
            cat.copy().fastMbPerSecond(),
            fmt(cat.copy().fixed()),
            urls > 0 ? " + " + urls + " download(s) " + fmt(cat.copyUrl()) + " each" : ""),
        kw + " " + srcText + " (" + mbText(bytes) + ")",
        bytes / 1e6);
  }

  private Cost run(Instruction i, BuildContext ctx, List<Instruction> copied) {
    String script = i.runCommand() == null ? "" : i.runCommand();
    boolean cacheMount = i.mounts().stream().anyMatch(Mount::isCache);
    DurationRange cold = DurationRange.ZERO;
    DurationRange warm = DurationRange.ZERO;
    List<String> sources = new ArrayList<>();
    List<String> whats = new ArrayList<>();
    Provenance prov = Provenance.CATALOGUE;
    double mb = 0;
    for (PackageInstall p : PackageInstalls.find(script)) {
      Part part = install(p, ctx, copied);
      if (part == null) {
        continue;
      }
      cold = cold.plus(part.range);
      warm =
          warm.plus(
              cacheMount
                  ? new DurationRange(
                      part.range.low() * cat.cacheMountFactorLow(),
                      part.range.high() * cat.cacheMountFactorHigh())
                  : part.range);
      sources.add(part.source);
      whats.add(part.what);
      mb += part.mb;
      if (part.defaulted) {
        prov = Provenance.HEURISTIC;
      }
    }
    for (CompileStep c : cat.compileSteps()) {
      if (c.pattern().matcher(script).find()) {
        cold = cold.plus(c.range());
        warm = warm.plus(c.range());
        sources.add(c.name() + " " + fmt(c.range()));
        whats.add(c.name());
        mb += c.mb();
      }
    }
    if (sources.isEmpty()) {
      return new Cost(
          cat.run(),
          cat.run(),
          Provenance.DEFAULT,
          "RUN: no known command, " + fmt(cat.run()) + " (catalogue default)",
          "RUN " + abbreviate(script),
          5);
    }
    if (cold.high() < cat.floor().high()) {
      cold = cold.max(cat.floor());
      warm = warm.max(cat.floor());
    }
    String note =
        cacheMount
            ? "; warm re-run × "
                + cat.cacheMountFactorLow()
                + "–"
                + cat.cacheMountFactorHigh()
                + " (cache mount)"
            : "";
    return new Cost(
        cold,
        warm,
        prov,
        String.join("; ", sources) + " (catalogue)" + note,
        String.join(", ", whats),
        mb);
  }

  private record Part(
      DurationRange range, String source, String what, double mb, boolean defaulted) {}

  private Part install(PackageInstall p, BuildContext ctx, List<Instruction> copied) {
    Manager m = p.manager();
    String tool = toolName(m);
    PerItem sys = cat.packageManagers().get(m);
    if (sys != null) {
      if (p.packages().isEmpty() && (m == Manager.CARGO || m == Manager.GO)) {
        return null; // cargo build/fetch, go mod download: compile steps
      }
      int n = p.packages().size();
      DurationRange r = sys.forItems(n);
      double mb = sys.mbPerItem() * n;
      StringBuilder src =
          new StringBuilder(
              tool + ": " + fmt(sys.fixed()) + " + " + n + " × " + fmt(sys.perItem()));
      List<String> heavyNames = new ArrayList<>();
      for (String pkg : p.packages()) {
        HeavyPackage h = cat.heavy(pkg);
        if (h != null) {
          r = r.plus(h.extra());
          mb += h.mb();
          src.append(" + ").append(bare(pkg)).append(' ').append(fmt(h.extra()));
          heavyNames.add(bare(pkg));
        }
      }
      String unit = m == Manager.DOWNLOAD ? " download" : " package";
      String what =
          tool
              + " "
              + n
              + unit
              + (n == 1 ? "" : "s")
              + (heavyNames.isEmpty() ? "" : " incl. " + String.join(", ", heavyNames));
      return new Part(r, src.toString(), what, mb, false);
    }
    PerItem dep = cat.dependencyInstalls().get(m);
    if (dep == null) {
      return null;
    }
    int items = 0;
    boolean defaulted = false;
    List<String> counted = new ArrayList<>();
    List<String> heavyNames = new ArrayList<>();
    DurationRange extra = DurationRange.ZERO;
    double mb = 0;
    if (m == Manager.PLAYWRIGHT) {
      items = p.packages().size();
      counted.add(items + " browser(s)");
    } else {
      for (String pkg : p.packages()) {
        if (pkg.startsWith("-r ")) {
          String file = pkg.substring(3).trim();
          Optional<Integer> lines = requirementLines(file, ctx, copied, 0);
          if (lines.isPresent()) {
            items += lines.get();
            counted.add(file + ": " + lines.get() + " requirements");
          } else {
            items += dep.defaultItems();
            defaulted = true;
            counted.add(file + " not on disk: " + dep.defaultItems() + " assumed");
          }
        } else if (pkg.equals(".") || pkg.startsWith("./") || pkg.startsWith("/")) {
          items += dep.defaultItems();
          defaulted = true;
          counted.add(pkg + ": project, " + dep.defaultItems() + " dependencies assumed");
        } else {
          items++;
          HeavyPackage h = cat.heavy(pkg);
          if (h != null) {
            extra = extra.plus(h.extra());
            mb += h.mb();
            heavyNames.add(bare(pkg));
          }
        }
      }
      long named =
          p.packages().stream()
              .filter(x -> !x.startsWith("-r ") && !x.startsWith(".") && !x.startsWith("/"))
              .count();
      if (named > 0) {
        counted.add(named + " named");
      }
      if (p.packages().isEmpty()) {
        Optional<Integer> deps =
            switch (m) {
              case NPM, YARN, PNPM -> packageJsonDependencies(ctx, copied);
              default -> Optional.empty();
            };
        if (deps.isPresent()) {
          items = deps.get();
          counted.add("package.json: " + items + " dependencies");
        } else {
          items = dep.defaultItems();
          defaulted = true;
          counted.add("lock file: " + items + " dependencies assumed");
        }
      }
    }
    DurationRange r = dep.forItems(items).plus(extra);
    mb += dep.mbPerItem() * items;
    String src =
        tool
            + ": "
            + fmt(dep.fixed())
            + " + "
            + items
            + " × "
            + fmt(dep.perItem())
            + " ("
            + String.join(", ", counted)
            + ")"
            + (heavyNames.isEmpty()
                ? ""
                : " + " + String.join(", ", heavyNames) + " " + fmt(extra));
    String what =
        tool
            + " "
            + items
            + (m == Manager.PLAYWRIGHT ? " browser" : " dependenc")
            + (m == Manager.PLAYWRIGHT ? (items == 1 ? "" : "s") : (items == 1 ? "y" : "ies"))
            + (heavyNames.isEmpty() ? "" : " incl. " + String.join(", ", heavyNames));
    return new Part(r, src, what, mb, defaulted);
  }

  /** Requirement lines of a pip requirements file found in the context, following {@code -r}. */
  private Optional<Integer> requirementLines(
      String file, BuildContext ctx, List<Instruction> copied, int depth) {
    Optional<String> text = locate(file, ctx, copied);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    int n = 0;
    for (String raw : text.get().split("\r?\n")) {
      String l = raw.strip();
      int hash = l.indexOf(" #");
      if (hash >= 0) {
        l = l.substring(0, hash).strip();
      }
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      if ((l.startsWith("-r ") || l.startsWith("--requirement")) && depth < 3) {
        String inner = l.substring(l.indexOf(' ') + 1).strip();
        String dir = file.contains("/") ? file.substring(0, file.lastIndexOf('/') + 1) : "";
        n += requirementLines(dir + inner, ctx, copied, depth + 1).orElse(0);
      } else if (!l.startsWith("-")) {
        n++;
      }
    }
    return Optional.of(n);
  }

  /**
   * Finds a file the image refers to by its in-image path in the context: as a context path, then
   * through the COPY sources of the stage that name it, then anywhere in the context by name.
   */
  private static Optional<String> locate(String file, BuildContext ctx, List<Instruction> copied) {
    if (!ctx.isKnown()) {
      return Optional.empty();
    }
    String clean = Globs.clean(file);
    Optional<String> direct = ctx.read(clean);
    if (direct.isPresent()) {
      return direct;
    }
    String base = clean.substring(clean.lastIndexOf('/') + 1);
    for (Instruction c : copied) {
      if (c.from() != null) {
        continue;
      }
      for (String src : c.copySources()) {
        String s = Globs.clean(src);
        if (s.endsWith("/" + base) || s.equals(base)) {
          Optional<String> t = ctx.read(s);
          if (t.isPresent()) {
            return t;
          }
        }
        // A copied folder (COPY requirements/ ...) holding the file under the same tail.
        int at = clean.indexOf(s.substring(s.lastIndexOf('/') + 1) + "/");
        if (at >= 0) {
          Optional<String> t =
              ctx.read(s + clean.substring(at + s.substring(s.lastIndexOf('/') + 1).length()));
          if (t.isPresent()) {
            return t;
          }
        }
      }
    }
    for (String f : ctx.findByName(base)) {
      if (!f.contains("node_modules/") && !f.contains("site-packages/")) {
        return ctx.read(f);
      }
    }
    return Optional.empty();
  }

  private static Optional<Integer> packageJsonDependencies(
      BuildContext ctx, List<Instruction> copied) {
    Optional<String> text = locate("package.json", ctx, copied);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      JsonNode root = JSON.readTree(text.get());
      int n = 0;
      for (String k : List.of("dependencies", "devDependencies", "optionalDependencies")) {
        JsonNode d = root.get(k);
        if (d != null && d.isObject()) {
          n += d.size();
        }
      }
      return Optional.of(n);
    } catch (java.io.IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static String toolName(Manager m) {
    return switch (m) {
      case APT -> "apt-get install";
      case APK -> "apk add";
      case YUM -> "yum install";
      case DNF -> "dnf install";
      case PIP -> "pip install";
      case UV -> "uv";
      case POETRY -> "poetry install";
      case NPM -> "npm install";
      case YARN -> "yarn install";
      case PNPM -> "pnpm install";
      case GO -> "go install";
      case CARGO -> "cargo install";
      case GEM -> "gem install";
      case BUNDLER -> "bundle install";
      case PLAYWRIGHT -> "playwright install";
      case DOWNLOAD -> "curl/wget";
    };
  }

  private static String bare(String pkg) {
    return pkg.split("[=<>~!@\\[;: ]", 2)[0];
  }

  private static String abbreviate(String s) {
    String one = s.strip().replaceAll("\\s+", " ");
    return one.length() <= 50 ? one : one.substring(0, 47) + "...";
  }

  static String mbText(long bytes) {
    if (bytes < 1000) {
      return bytes + " B";
    }
    if (bytes < 1_000_000) {
      return String.format(Locale.ROOT, "%.0f kB", bytes / 1e3);
    }
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
  }

  /** {@code 1.2–2.5s}, {@code 8–20s}, {@code 1m30s–5m}: sub-minute ranges keep one decimal. */
  static String fmt(DurationRange r) {
    if (r.high() >= 60) {
      return r.format();
    }
    String l = num(r.low());
    String h = num(r.high());
    return l.equals(h) ? l + "s" : l + "–" + h + "s";
  }

  private static String num(double s) {
    double v = Math.round(s * 10) / 10.0;
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }
}
