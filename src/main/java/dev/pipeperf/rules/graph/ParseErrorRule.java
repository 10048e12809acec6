package dev.pipeperf.rules.graph;

import dev.pipeperf.rules.AnalysisView;
import dev.pipeperf.rules.Effort;
import dev.pipeperf.rules.Rule;
import dev.pipeperf.rules.RuleContext;
import dev.pipeperf.rules.RuleInfo;
import dev.pipeperf.source.Diagnostic;
import dev.pipeperf.source.Severity;
import java.util.ArrayList;
import java.util.List;

/** Input that could not be used — a parse error, a needs cycle — as a finding of its own. */
@RuleInfo(
    id = "PP000",
    name = "input-problem",
    severity = Severity.HIGH,
    effort = Effort.LOW,
    effortHours = 0.5,
    summary = "A file could not be parsed, or the pipeline graph has a problem")
public final class ParseErrorRule implements Rule, dev.pipeperf.rules.DiagnosticsInput {

  private final List<Diagnostic> diagnostics = new ArrayList<>();

  @Override
  public void diagnostics(List<Diagnostic> input) {
    diagnostics.addAll(input);
  }

  @Override
  public void finish(AnalysisView view, RuleContext ctx) {
    for (Diagnostic d : diagnostics) {
      // Parser test cases are invalid on purpose: not the pipeline's problem.
      if (dev.pipeperf.rules.TestFixtures.isFixture(d.location().file())
          && !d.location().file().startsWith(".github/")) {
        continue;
      }
      String fix =
          d.severity().atLeast(Severity.HIGH)
              ? "Correct "
                  + d.location()
                  + " ("
                  + d.code()
                  + "); until then pipeperf leaves this part out of the analysis"
              : "Check " + d.location() + " (" + d.code() + ")";
      ctx.finding(d.location(), d.message() + " (" + d.code() + ")")
          .fix(fix)
          .subject(d.code() + ":" + d.message())
          .atMost(d.severity().atLeast(Severity.HIGH) ? Severity.HIGH : Severity.LOW)
          .report();
    }
  }
}
