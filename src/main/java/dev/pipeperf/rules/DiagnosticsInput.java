package dev.pipeperf.rules;

import dev.pipeperf.source.Diagnostic;
import java.util.List;

/**
 * Implemented by a rule that reports the input's diagnostics (parse errors, graph problems) as
 * findings.
 */
public interface DiagnosticsInput {
  void diagnostics(List<Diagnostic> diagnostics);
}
