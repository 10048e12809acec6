package dev.pipeperf.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code check --format github} writes its annotations through the report's one workflow-command
 * writer: a hostile workflow path or name cannot end the command early or start another one.
 */
class CheckReportAnnotationsTest {

  private static String annotations(Comparison c) {
    Baseline empty = new Baseline(Baseline.SCHEMA_VERSION, "t", List.of(), List.of());
    CheckReport report =
        new CheckReport(
            empty, empty, c, Thresholds.parse("10%", "high"), "b.json", "pipeperf baseline .");
    StringWriter text = new StringWriter();
    report.annotations(new PrintWriter(text));
    return text.toString();
  }

  @Test
  void aRegressionIsOneEscapedErrorAtItsLine() {
    Comparison.Slower slower =
        new Comparison.Slower(
            ".github/workflows/a,b:c.yml",
            18,
            "CI %\n::warning ::fake",
            "critical path",
            "1m",
            "2m",
            1.0,
            0.1,
            "job x\r\nis slower");
    String out = annotations(new Comparison(List.of(slower), List.of(), List.of()));
    assertThat(out.lines()).hasSize(1);
    assertThat(out)
        .startsWith("::error file=.github/workflows/a%2Cb%3Ac.yml,line=18,title=pipeperf check::")
        .contains("CI %25%0A::warning ::fake")
        .endsWith("%0Ajob x%0D%0Ais slower" + System.lineSeparator());
  }

  @Test
  void improvementsOfAPassingGateAreOneNoticeWithoutAFile() {
    String out =
        annotations(new Comparison(List.of(), List.of("CI: 2m → 1m", "B: 5 → 4"), List.of()));
    assertThat(out.strip())
        .isEqualTo(
            "::notice title=pipeperf check::CI: 2m → 1m%0AB: 5 → 4%0Arun pipeperf baseline . to"
                + " record it");
  }
}
