package dev.pipeperf.cli;

import dev.pipeperf.analysis.AnalysisResult;
import dev.pipeperf.rules.RuleResults;
import dev.pipeperf.source.Severity;

/** {@code --min-severity}: the same analysis showing only findings of a severity or worse. */
final class SeverityFilter {

  private SeverityFilter() {}

  static AnalysisResult atLeast(AnalysisResult r, Severity least) {
    if (least == null || least == Severity.INFO) {
      return r;
    }
    RuleResults rules = r.rules();
    RuleResults kept =
        new RuleResults(
            rules.findings().stream().filter(f -> f.severity().atLeast(least)).toList(),
            rules.practices(),
            rules.optimised(),
            rules.optimisedCosts(),
            rules.diagnostics(),
            rules.suppressed(),
            rules.alsoConsider().stream().filter(f -> f.severity().atLeast(least)).toList());
    return new AnalysisResult(
        r.workspace(),
        r.graph(),
        r.schedule(),
        r.diagnostics(),
        r.workflowFilter(),
        r.observations(),
        r.costs(),
        r.pricing(),
        r.costInputs(),
        kept);
  }
}
