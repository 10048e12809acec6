package dev.pipeperf.estimate.docker;

import dev.pipeperf.estimate.DurationRange;
import dev.pipeperf.estimate.Estimate;
import dev.pipeperf.estimate.Provenance;
import java.util.List;

/**
 * The estimate of one {@code docker build} of a Dockerfile target: the stages that target needs
 * (each with its instructions and its dependencies), and the costs around them.
 *
 * <p>Stages run in parallel where they do not depend on each other; that is the pipeline graph's
 * business. {@link #serialCold()} and {@link #serialWarm()} add everything up, an upper bound.
 *
 * @param dockerfile the Dockerfile's path
 * @param target the target asked for; null for the last stage
 * @param cache the cache backend the build imports from and exports to
 * @param stages the needed stages, in file order
 * @param contextUpload sending the context to BuildKit (cold and warm alike: a CI builder starts
 *     empty)
 * @param cacheImportCold importing the cache on a cold build (nothing to import: zero)
 * @param cacheImportWarm importing the cache on a warm build (zero without a backend)
 * @param cacheExport exporting the cache (zero without a backend)
 * @param pushCold exporting the image and pushing all of it; zero when no push was asked for
 * @param pushWarm exporting the image and pushing the changed layers (all of them without a
 *     backend); zero when no push was asked for
 */
public record BuildEstimate(
    String dockerfile,
    String target,
    CacheBackend cache,
    List<StageEstimate> stages,
    Estimate contextUpload,
    Estimate cacheImportCold,
    Estimate cacheImportWarm,
    Estimate cacheExport,
    Estimate pushCold,
    Estimate pushWarm) {

  public BuildEstimate {
    stages = List.copyOf(stages);
  }

  /** Everything of a cold build added up, as if no stage ran in parallel. */
  public Estimate serialCold() {
    DurationRange r = contextUpload.range().plus(cacheImportCold.range());
    for (StageEstimate s : stages) {
      r = r.plus(s.cold().range());
    }
    r = r.plus(cacheExport.range()).plus(pushCold.range());
    return Estimate.of(r, Provenance.HEURISTIC, "cold build, stages one after the other");
  }

  /** Everything of a warm build added up, as if no stage ran in parallel. */
  public Estimate serialWarm() {
    DurationRange r = contextUpload.range().plus(cacheImportWarm.range());
    for (StageEstimate s : stages) {
      r = r.plus(s.warm().range());
    }
    r = r.plus(cacheExport.range()).plus(pushWarm.range());
    return Estimate.of(
        r,
        Provenance.HEURISTIC,
        "warm build ("
            + cache.name().toLowerCase(java.util.Locale.ROOT)
            + " cache), stages one after the other");
  }
}
