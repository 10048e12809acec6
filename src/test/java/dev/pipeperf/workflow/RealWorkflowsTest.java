package dev.pipeperf.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipeperf.source.Diagnostic;
import dev.pipeperf.source.ParseResult;
import dev.pipeperf.source.SourceFile;
import dev.pipeperf.testing.Corpus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Every real workflow in the corpus parses without an exception; diagnostics are listed. */
class RealWorkflowsTest {

  static boolean isWorkflow(Path p) {
    // GitHub reads only the files directly in .github/workflows, not sub-folders.
    Path parent = p.getParent();
    String name = p.getFileName().toString();
    return parent != null
        && parent.endsWith(Path.of(".github", "workflows"))
        && (name.endsWith(".yml") || name.endsWith(".yaml"));
  }

  @Test
  void everyRealWorkflowParsesWithoutAnException() {
    Path real = Corpus.require("real");
    List<Path> files = Corpus.files(real, RealWorkflowsTest::isWorkflow);
    Map<String, Integer> byCode = new TreeMap<>();
    List<Diagnostic> all = new ArrayList<>();
    int parsed = 0;
    for (Path f : files) {
      ParseResult<SourceFile> src = SourceFile.read(f, real.relativize(f).toString());
      assertThat(src.hasModel()).as(f.toString()).isTrue();
      ParseResult<Workflow> r = WorkflowParser.parse(src.model());
      if (r.hasModel()) {
        parsed++;
      }
      for (Diagnostic d : r.diagnostics()) {
        byCode.merge(d.code(), 1, Integer::sum);
        all.add(d);
      }
    }
    System.out.printf(
        "real workflows: %d files, %d parsed into a model, %d diagnostics %s%n",
        files.size(), parsed, all.size(), byCode);
    all.forEach(d -> System.out.println("  " + d));
    assertThat(files).hasSizeGreaterThan(100);
    assertThat(parsed).isGreaterThanOrEqualTo(files.size() - all.size());
  }
}
