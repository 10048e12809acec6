package dev.pipeperf.rules.docker;

import dev.pipeperf.estimate.DurationRange;
import dev.pipeperf.estimate.docker.BuildCatalogue;
import dev.pipeperf.estimate.docker.CacheBackend;
import dev.pipeperf.estimate.docker.StageEstimate;
import dev.pipeperf.graph.GraphEdit;
import dev.pipeperf.graph.Node;
import dev.pipeperf.graph.Subject;
import dev.pipeperf.rules.AnalysisView;
import dev.pipeperf.rules.Effort;
import dev.pipeperf.rules.Remedy;
import dev.pipeperf.rules.Rule;
import dev.pipeperf.rules.RuleContext;
import dev.pipeperf.rules.RuleInfo;
import dev.pipeperf.source.Location;
import dev.pipeperf.source.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Image builds in CI with no cache backend (every hosted runner starts empty, so every build is
 * cold), or with the {@code gha} backend: 10 GB per repository and entries evicted after 7 days
 * unused, and slower to restore than a registry cache next to the images.
 */
@RuleInfo(
    id = "PP004",
    name = "weak-build-cache",
    severity = Severity.MEDIUM,
    effort = Effort.LOW,
    effortHours = 2,
    summary = "Docker builds in CI use no cache, or the gha cache instead of a registry cache")
public final class WeakBuildCacheRule implements Rule {

  @Override
  public void finish(AnalysisView view, RuleContext ctx) {
    Map<String, List<Node>> byBuild = new LinkedHashMap<>();
    for (Node io : view.buildIo()) {
      Subject.BuildIo b = (Subject.BuildIo) io.subject();
      byBuild
          .computeIfAbsent(
              b.job().key() + "|" + b.build().location() + "|" + b.build().dockerfile(),
              k -> new ArrayList<>())
          .add(io);
    }
    Map<String, List<GraphEdit>> editsByLocation = new LinkedHashMap<>();
    Map<String, Subject.BuildIo> firstByLocation = new LinkedHashMap<>();
    Map<String, CacheBackend> backendByLocation = new LinkedHashMap<>();
    BuildCatalogue cat = BuildCatalogue.builtIn();
    for (List<Node> ios : byBuild.values()) {
      Subject.BuildIo b = (Subject.BuildIo) ios.get(0).subject();
      CacheBackend backend = b.estimate().cache();
      if (backend == CacheBackend.REGISTRY || backend == CacheBackend.LOCAL) {
        ctx.practice(
            "registry-cache",
            b.build().location(),
            "image build cached in a registry (" + String.join(", ", b.build().cacheFrom()) + ")");
        continue;
      }
      if (backend == CacheBackend.NONE && cacheSetElsewhere(b)) {
        continue;
      }
      String key = b.build().location().toString();
      List<GraphEdit> edits = editsByLocation.computeIfAbsent(key, k -> new ArrayList<>());
      firstByLocation.putIfAbsent(key, b);
      backendByLocation.put(key, backend);
      BuildCatalogue.CacheCost registry = cat.cacheCost(CacheBackend.REGISTRY);
      for (Node io : ios) {
        Subject.BuildIo x = (Subject.BuildIo) io.subject();
        if (x.what().equals("prepare")) {
          DurationRange after = x.estimate().contextUpload().range().plus(registry.importCost());
          edits.add(new GraphEdit.ChangeDuration(io.id(), scaledLike(io, x, after)));
        }
      }
      if (backend == CacheBackend.NONE) {
        // With a cache, unchanged layers are hits: each stage takes its warm estimate.
        for (Node n : view.buildStages()) {
          Subject.BuildStage s = (Subject.BuildStage) n.subject();
          if (s.job() == b.job()
              && s.build().location().equals(b.build().location())
              && s.build().dockerfile().equals(b.build().dockerfile())) {
            StageEstimate se = s.stage();
            double cold = se.cold().range().mid();
            edits.add(
                new GraphEdit.ScaleDuration(
                    n.id(), cold <= 0 ? 1 : Math.min(1, se.warm().range().mid() / cold)));
          }
        }
      }
    }
    for (Map.Entry<String, List<GraphEdit>> e : editsByLocation.entrySet()) {
      Subject.BuildIo b = firstByLocation.get(e.getKey());
      CacheBackend backend = backendByLocation.get(e.getKey());
      Location at = b.build().location();
      String image = imageRef(b);
      String message =
          backend == CacheBackend.NONE
              ? "the image build " + describe(b) + " has no build cache: every CI build is cold"
              : "the image build "
                  + describe(b)
                  + " uses the gha cache (10 GB per repository, entries evicted after 7 days unused)";
      String fix =
          (b.build().bakeTarget() != null
                  ? "In target \""
                      + b.build().bakeTarget()
                      + "\" ("
                      + at
                      + "), use a registry cache:\n"
                      + "  cache-from = [\"type=registry,ref="
                      + image
                      + ":buildcache\"]\n"
                      + "  cache-to   = [\"type=registry,ref="
                      + image
                      + ":buildcache,mode=max\"]"
                  : "In the build at "
                      + at
                      + ", use a registry cache:\n"
                      + "  cache-from: type=registry,ref="
                      + image
                      + ":buildcache\n"
                      + "  cache-to: type=registry,ref="
                      + image
                      + ":buildcache,mode=max")
              + "\n(the job needs packages: write permission to push the cache).";
      ctx.report(
          at,
          message,
          fix,
          // gha → registry: the gha cache's miss share is assumed, not measured, and a registry
          // cache needs a write token that fork pull requests do not get: hygiene, no saving.
          backend == CacheBackend.NONE ? Remedy.of(e.getValue()) : Remedy.NONE,
          b.job().workflow(),
          e.getKey() + "|" + backend);
    }
  }

  /**
   * True when the step sets a cache the build model did not see: bake-action's {@code set:
   * *.cache-from=…} overrides, or cache flags kept in a shell variable ({@code
   * cache="--cache-from=…"; docker buildx build ${cache}}).
   */
  private static boolean cacheSetElsewhere(Subject.BuildIo b) {
    for (dev.pipeperf.workflow.Step st : b.job().job().allSteps()) {
      String set = st.with().getOrDefault("set", "");
      String run = st.run() == null ? "" : st.run();
      if (set.contains("cache-from") || set.contains("cache-to") || run.contains("--cache-from")) {
        return true;
      }
      // A cache handed to a script through the environment (CACHE_FROM: type=gha,...).
      for (var e : st.env().entrySet()) {
        if (e.getKey().toUpperCase(java.util.Locale.ROOT).contains("CACHE")
            && e.getValue().matches("(?s).*type=(gha|registry|local|s3|azblob).*")) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * A new duration for a node whose estimate may have been scaled (job overrides): keep the scale.
   */
  private static DurationRange scaledLike(Node io, Subject.BuildIo x, DurationRange unscaledAfter) {
    DurationRange unscaled =
        x.estimate()
            .contextUpload()
            .range()
            .plus(
                x.estimate().cache() == CacheBackend.NONE
                    ? DurationRange.ZERO
                    : x.estimate().cacheImportWarm().range());
    double f = unscaled.mid() <= 0 ? 1 : io.estimate().range().mid() / unscaled.mid();
    return unscaledAfter.times(f);
  }

  private static String describe(Subject.BuildIo b) {
    return b.build().bakeTarget() != null
        ? "of bake target " + b.build().bakeTarget()
        : "of " + b.build().dockerfile();
  }

  private static String imageRef(Subject.BuildIo b) {
    String name = b.build().bakeTarget() != null ? b.build().bakeTarget() : "app";
    return "ghcr.io/OWNER/" + name;
  }
}
