package dev.pipeperf.rules.docker;

import dev.pipeperf.dockerfile.Instruction;
import dev.pipeperf.estimate.docker.CacheBackend;
import dev.pipeperf.estimate.docker.InstructionEstimate;
import dev.pipeperf.graph.GraphEdit;
import dev.pipeperf.graph.Node;
import dev.pipeperf.graph.Subject;
import dev.pipeperf.rules.AnalysisView;
import dev.pipeperf.rules.DockerFacts;
import dev.pipeperf.rules.Effort;
import dev.pipeperf.rules.Remedy;
import dev.pipeperf.rules.Rule;
import dev.pipeperf.rules.RuleContext;
import dev.pipeperf.rules.RuleInfo;
import dev.pipeperf.source.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A heavy system-package layer (apt/apk/yum) that CI builds rebuild: always without a cache, and
 * whenever the gha cache has evicted it (7 days unused, 10 GB per repository). A base image with
 * those packages, rebuilt on a schedule, turns the layer into a pull.
 */
@RuleInfo(
    id = "PP012",
    name = "base-image-prebake",
    severity = Severity.LOW,
    effort = Effort.MEDIUM,
    effortHours = 6,
    summary =
        "Heavy system-package layers are rebuilt by CI builds instead of pulled from a base image")
public final class BaseImagePrebakeRule implements Rule {

  /** A system-package layer worth pre-baking: its cold estimate (midpoint) at least this. */
  static final double MIN_SECONDS = 30;

  /**
   * How often a gha-cached build misses a layer: entries go after 7 days unused or when the repo's
   * 10 GB fills (several GB-sized images fill it quickly). An assumption, stated in the report.
   */
  static final double GHA_MISS_RATE = 0.3;

  /** What pulling the pre-baked layers costs, as a share of installing them. */
  static final double PULL_SHARE = 0.2;

  @Override
  public void finish(AnalysisView view, RuleContext ctx) {
    Map<String, List<GraphEdit>> edits = new LinkedHashMap<>();
    Map<String, Instruction> at = new LinkedHashMap<>();
    Map<String, Double> seconds = new LinkedHashMap<>();
    Map<String, String> how = new LinkedHashMap<>();
    for (Node n : view.buildStages()) {
      Subject.BuildStage bs = (Subject.BuildStage) n.subject();
      CacheBackend cache =
          ((Subject.BuildStage) n.subject()).warm() ? cacheOf(view, bs) : CacheBackend.NONE;
      if (cache == CacheBackend.REGISTRY) {
        continue;
      }
      double missRate = cache == CacheBackend.NONE ? 1 : GHA_MISS_RATE;
      double stageMid = (bs.warm() ? bs.stage().warm() : bs.stage().cold()).range().mid();
      for (InstructionEstimate ie : bs.stage().instructions()) {
        if (DockerFacts.systemInstalls(ie.instruction()).isEmpty()
            || ie.cold().range().mid() < MIN_SECONDS) {
          continue;
        }
        String key = bs.build().dockerfile() + ":" + ie.instruction().location().line();
        at.putIfAbsent(key, ie.instruction());
        seconds.merge(key, ie.cold().range().mid(), Math::max);
        how.putIfAbsent(
            key,
            cache == CacheBackend.NONE
                ? "every build (no cache)"
                : "whenever the gha cache misses (assumed "
                    + Math.round(GHA_MISS_RATE * 100)
                    + "% of builds)");
        if (stageMid > 0) {
          double saved = missRate * ie.cold().range().mid() * (1 - PULL_SHARE);
          edits
              .computeIfAbsent(key, k -> new ArrayList<>())
              .add(
                  new GraphEdit.ScaleDuration(
                      n.id(), Math.max(0, 1 - saved / Math.max(stageMid, saved))));
        }
      }
    }
    for (Map.Entry<String, Instruction> e : at.entrySet()) {
      Instruction i = e.getValue();
      String file = e.getKey().substring(0, e.getKey().lastIndexOf(':'));
      ctx.finding(
              i.location(),
              "system packages installed at "
                  + file
                  + ":"
                  + i.location().line()
                  + " (about "
                  + Math.round(seconds.get(e.getKey()))
                  + "s cold) are rebuilt "
                  + how.get(e.getKey()))
          .fix(
              "Move this layer into a base image: a Dockerfile.base with the same FROM and this RUN, built and pushed by a scheduled workflow"
                  + " (e.g. weekly, `on: schedule`), and `FROM ghcr.io/OWNER/base:latest` here (or an ARG for its tag).")
          .remedy( // No computed saving: the miss share of a gha cache is assumed, and the base
              // image's own
              // scheduled build, pull and upkeep are not counted; with no cache at all the fix is a
              // layer cache (PP004), not a second image. Listed under "also consider".
              Remedy.NONE)
          .subject(e.getKey())
          .report();
    }
  }

  private static CacheBackend cacheOf(AnalysisView view, Subject.BuildStage bs) {
    for (String spec : bs.build().cacheFrom()) {
      CacheBackend c = CacheBackend.fromCacheSpec(spec);
      if (c != CacheBackend.NONE) {
        return c;
      }
    }
    return CacheBackend.NONE;
  }
}
