package dev.pipeperf.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipeperf.source.Diagnostic;
import dev.pipeperf.source.ParseResult;
import dev.pipeperf.source.SourceFile;
import dev.pipeperf.testing.Corpus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** actionlint's {@code testdata/ok/} holds valid workflows: pipeperf must say nothing of them. */
class ActionlintOkTest {

  @Test
  void everyActionlintOkWorkflowHasNoDiagnostics() {
    Path ok = Corpus.require("peer/actionlint-testdata/ok");
    List<Path> files =
        Corpus.files(ok, p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml"));
    List<Diagnostic> all = new ArrayList<>();
    for (Path f : files) {
      ParseResult<SourceFile> src = SourceFile.read(f, ok.relativize(f).toString());
      ParseResult<Workflow> r = WorkflowParser.parse(src.model());
      all.addAll(r.diagnostics());
    }
    System.out.printf("actionlint ok/: %d workflows, %d diagnostics%n", files.size(), all.size());
    assertThat(files).isNotEmpty();
    assertThat(all).isEmpty();
  }
}
