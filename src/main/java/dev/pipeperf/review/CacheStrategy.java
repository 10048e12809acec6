package dev.pipeperf.review;

import dev.pipeperf.analysis.AnalysisResult;
import dev.pipeperf.rules.Finding;
import dev.pipeperf.rules.Practice;
import java.util.ArrayList;
import java.util.List;

/**
 * What each job and image build caches now, and what the cache findings would gain: the cache
 * practices pipeperf recognised beside the cache findings, with their savings.
 */
public record CacheStrategy(List<Practice> inPlace, List<Finding> changes) {

  public static CacheStrategy of(AnalysisResult result) {
    List<Practice> inPlace = new ArrayList<>();
    for (Practice p : result.rules().practices()) {
      if (p.id().contains("cache")) {
        inPlace.add(p);
      }
    }
    List<Finding> changes =
        result.rankedFindings().stream()
            .filter(f -> !f.alsoConsider() && f.ruleName().contains("cache"))
            .toList();
    return new CacheStrategy(inPlace, changes);
  }
}
