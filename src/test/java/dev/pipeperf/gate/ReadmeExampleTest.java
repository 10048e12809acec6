package dev.pipeperf.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipeperf.analysis.AnalysisResult;
import dev.pipeperf.analysis.Analyzer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The README's example workflow for the GitHub Action is one pipeperf accepts, and it only uses
 * inputs that {@code action.yml} declares.
 */
class ReadmeExampleTest {

  static final String START = "<!-- ci-gate-example:start -->";
  static final String END = "<!-- ci-gate-example:end -->";

  @TempDir Path repo;

  static String example() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    int start = readme.indexOf(START);
    int end = readme.indexOf(END);
    assertThat(start).as("README has the %s marker", START).isNotNegative();
    assertThat(end).as("README has the %s marker", END).isGreaterThan(start);
    String block = readme.substring(start + START.length(), end).strip();
    assertThat(block).startsWith("```yaml\n").endsWith("\n```");
    return block.substring("```yaml\n".length(), block.length() - "\n```".length()) + "\n";
  }

  @Test
  void theExampleWorkflowAnalysesWithoutDiagnostics() throws IOException {
    Path wf = repo.resolve(".github/workflows/pipeperf.yml");
    Files.createDirectories(wf.getParent());
    Files.writeString(wf, example());
    AnalysisResult result = Analyzer.analyze(Analyzer.Options.of(repo));
    assertThat(result.diagnostics()).isEmpty();
    assertThat(result.graph().workflows()).hasSize(1);
    assertThat(result.graph().jobs()).hasSize(1);
  }

  @Test
  @SuppressWarnings("unchecked")
  void theExampleOnlyUsesInputsTheActionDeclares() throws IOException {
    Map<String, Object> workflow = new Yaml().load(example());
    Map<String, Object> job =
        (Map<String, Object>) ((Map<String, Object>) workflow.get("jobs")).get("gate");
    Map<String, Object> step =
        ((List<Map<String, Object>>) job.get("steps"))
            .stream()
                .filter(s -> String.valueOf(s.get("uses")).contains("/pipeperf@v"))
                .findFirst()
                .orElseThrow();
    Map<String, Object> action = new Yaml().load(Files.readString(Path.of("action.yml")));
    Map<String, Object> inputs = (Map<String, Object>) action.get("inputs");
    assertThat(inputs.keySet())
        .containsAll(((Map<String, Object>) step.get("with")).keySet())
        .contains(
            "command",
            "path",
            "workflow",
            "baseline",
            "fail-on",
            "max-increase",
            "timings",
            "sarif",
            "comment",
            "args");
    assertThat(((Map<String, Object>) action.get("outputs")).keySet())
        .contains("decision", "score", "critical-path-seconds", "report-path", "exit-code");
    Map<String, Object> runs = (Map<String, Object>) action.get("runs");
    assertThat(runs.get("using")).isEqualTo("composite");
    // The script is the tested one; inputs reach it only as environment variables.
    assertThat(runs.toString()).contains("action/run.sh").doesNotContain("${{ inputs.args }}\n");
    for (Map<String, Object> step2 : (List<Map<String, Object>>) runs.get("steps")) {
      Object run = step2.get("run");
      if (run != null) {
        assertThat(run.toString()).as("run: of an action step").doesNotContain("${{");
      }
    }
  }
}
