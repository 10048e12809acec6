package dev.pipeperf.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipeperf.source.ParseResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineFileTest {

  @TempDir Path tmp;

  static final Baseline SAMPLE =
      new Baseline(
          1,
          "1.2.3",
          List.of(
              new Baseline.WorkflowEntry(
                  ".github/workflows/ci.yml",
                  "CI",
                  new Baseline.Range(600, 900),
                  new Baseline.Range(700, 950.5),
                  new Baseline.Range(12, 15),
                  2,
                  List.of(
                      new Baseline.JobEntry(
                          "build",
                          new Baseline.Range(300, 300),
                          true,
                          ".github/workflows/ci.yml",
                          7,
                          new Baseline.Range(240, 420)),
                      new Baseline.JobEntry(
                          "lint",
                          new Baseline.Range(60, 90),
                          false,
                          ".github/workflows/ci.yml",
                          12,
                          null)))),
          List.of(
              new Baseline.FindingEntry(
                  "0123456789abcdef",
                  "PP015",
                  "low",
                  ".github/workflows/ci.yml",
                  7,
                  "job build has no timeout-minutes")));

  ParseResult<Baseline> roundTrip(Baseline b) throws IOException {
    StringWriter text = new StringWriter();
    BaselineFile.write(b, new PrintWriter(text));
    Path file = tmp.resolve("baseline.json");
    Files.writeString(file, text.toString());
    return BaselineFile.read(file, "baseline.json");
  }

  @Test
  void whatIsWrittenReadsBackEqual() throws IOException {
    ParseResult<Baseline> r = roundTrip(SAMPLE);
    assertThat(r.diagnostics()).isEmpty();
    assertThat(r.model()).isEqualTo(SAMPLE);
  }

  @Test
  void withoutTimingsThereIsNoObservedPath() throws IOException {
    Baseline.WorkflowEntry w = SAMPLE.workflows().get(0);
    Baseline b =
        new Baseline(
            1,
            "1.2.3",
            List.of(
                new Baseline.WorkflowEntry(
                    w.path(), w.name(), w.criticalPath(), null, w.billableMinutes(), 2, w.jobs())),
            List.of());
    StringWriter text = new StringWriter();
    BaselineFile.write(b, new PrintWriter(text));
    assertThat(text.toString()).doesNotContain("observed");
    assertThat(roundTrip(b).model()).isEqualTo(b);
  }

  @Test
  void aNewerSchemaIsRefusedWithAReason() throws IOException {
    Path file = tmp.resolve("b.json");
    Files.writeString(file, "{\"schemaVersion\": 2, \"workflows\": [], \"findings\": []}");
    ParseResult<Baseline> r = BaselineFile.read(file, "b.json");
    assertThat(r.hasModel()).isFalse();
    assertThat(r.diagnostics().get(0).message())
        .isEqualTo(
            "not a pipeperf baseline: schemaVersion 2 is not one this pipeperf reads (it reads 1)"
                + " (record a new one with pipeperf baseline)");
  }

  @Test
  void trailingGarbageAndEmptyFilesAreCorrupt() throws IOException {
    Path file = tmp.resolve("b.json");
    Files.writeString(file, "{\"schemaVersion\": 1, \"workflows\": [], \"findings\": []} x");
    ParseResult<Baseline> r = BaselineFile.read(file, "b.json");
    assertThat(r.diagnostics().get(0).location().toString()).isEqualTo("b.json:1:55");
    assertThat(r.diagnostics().get(0).message()).startsWith("baseline is not valid JSON");
    Files.writeString(file, "");
    assertThat(BaselineFile.read(file, "b.json").diagnostics().get(0).message())
        .isEqualTo("baseline is empty");
  }
}
