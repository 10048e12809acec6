package dev.pipeperf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {

  static final String SAMPLE = "samples/seed-004-monorepo";

  @TempDir Path tmp;

  static String[] timings() throws IOException {
    try (var files = Files.list(Path.of(SAMPLE, "timings"))) {
      return files
          .map(Path::toString)
          .filter(p -> p.endsWith(".json"))
          .sorted()
          .toArray(String[]::new);
    }
  }

  static String[] args(String... head) throws IOException {
    String[] t = timings();
    String[] all = new String[head.length + 1 + t.length];
    System.arraycopy(head, 0, all, 0, head.length);
    all[head.length] = "--timings";
    System.arraycopy(t, 0, all, head.length + 1, t.length);
    return all;
  }

  @Test
  void reportWritesTheMarkdownVerdictToTheFile() throws IOException {
    Path file = tmp.resolve("out/VERDICT.md");
    Cli r = Cli.run(args("report", SAMPLE, "-o", file.toString()));
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEmpty();
    String md = Files.readString(file);
    assertThat(md)
        .contains("**Status: 🔴 CHANGES REQUESTED**")
        .contains("## Executive summary")
        .contains("## What is already optimised")
        .contains("## Blocking issues")
        .contains("## Expected improvements")
        .contains("## Cost (monthly)")
        .contains("### Runner cost")
        .contains("### Waiting time (assumption stated)")
        .contains("## Cache strategy comparison")
        .contains("## Dockerfile architecture")
        .contains("## Key files reviewed")
        .contains("## Approval conditions")
        .contains("## Next steps")
        .contains("## Current vs optimised runtime")
        .contains("## Impact vs effort matrix")
        .contains("## Bottleneck breakdown")
        .contains("## Job dependency flow")
        .contains("## Phased plan")
        .contains("## Cost-benefit and break-even")
        .contains("## Decision tree, answered for this repository")
        .contains("## Quick reference card")
        .contains("```mermaid\ngantt")
        .contains("```mermaid\nflowchart TD")
        .contains("Critical path (current): 5m + 10m + 1m + 5m = 21 min")
        .contains("optimised dependency chain");
  }

  @Test
  void seed000IsBlockedByThePp010BlockerWithItsFix() throws IOException {
    Path sample = Path.of("samples/seed-000-monorepo");
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.isDirectory(sample), "samples/seed-000-monorepo is not here yet");
    Path file = tmp.resolve("VERDICT.md");
    Cli r = Cli.run("report", sample.toString(), "-o", file.toString());
    assertThat(r.code()).isZero();
    String md = Files.readString(file);
    assertThat(md)
        .contains("**Status: 🛑 BLOCKED**")
        .contains("1 blocking fix required first")
        .contains("### 1. 🔴 PP010 build-context-escape — backend/pyproject.toml:55:1")
        .contains("`context: .`")
        .contains("- ✅ Cloud Run deploy with startup CPU boost")
        .contains("- ✅ multi-stage build")
        .contains("**🔴 REQUIRES UPDATE — `backend/pyproject.toml`**")
        .contains("**✅ APPROVED — `backend/Dockerfile`**")
        .contains("5 files reviewed")
        .contains("**🛑 BLOCKED: do not merge until the blocking fix is in**");
    String must = md.substring(md.indexOf("**Must fix before approval:**"));
    assertThat(must.substring(0, must.indexOf("**Recommended")))
        .contains("PP010 build-context-escape at `backend/pyproject.toml:55:1`");
  }

  @Test
  void theMarkdownAgreesWithTheJson() throws IOException {
    Cli json = Cli.run(args("report", SAMPLE, "--format", "json", "--workflow", "test.yml"));
    Cli md = Cli.run(args("report", SAMPLE, "--workflow", "test.yml"));
    assertThat(json.code()).isZero();
    JsonNode root = new ObjectMapper().readTree(json.out());
    double score = root.get("verdict").get("score").asDouble();
    assertThat(md.out()).contains("Performance score **" + Verdict(score) + "**");
    double optimised =
        root.get("optimised")
            .get(".github/workflows/test.yml")
            .get("criticalPath")
            .get("high")
            .asDouble();
    assertThat(md.out()).contains("21 min → ").contains(minutes(optimised) + " min");
    assertThat(root.get("phases")).hasSize(3);
  }

  private static String Verdict(double score) {
    return dev.pipeperf.review.Verdict.formatScore(score);
  }

  private static String minutes(double seconds) {
    double m = Math.round(seconds / 6.0) / 10.0;
    return m == Math.rint(m)
        ? String.valueOf((long) m)
        : String.format(java.util.Locale.ROOT, "%.1f", m);
  }

  @Test
  void reportSarifAndHtmlFormats() throws IOException {
    Cli sarif = Cli.run(args("report", SAMPLE, "--format", "sarif"));
    assertThat(sarif.code()).isZero();
    assertThat(new ObjectMapper().readTree(sarif.out()).get("version").asText()).isEqualTo("2.1.0");
    Cli html = Cli.run(args("report", SAMPLE, "--format", "html"));
    assertThat(html.out()).startsWith("<!DOCTYPE html>");
  }

  @Test
  void analyzeGithubPrintsCommandsAndAppendsTheSummary() throws IOException {
    Path summary = tmp.resolve("summary.md");
    Files.writeString(summary, "before\n");
    Cli r =
        Cli.run(
            Map.of("GITHUB_STEP_SUMMARY", summary.toString()),
            args("analyze", SAMPLE, "--format", "github"));
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains(
            "::error file=.github/workflows/test.yml,line=131,col=3,title=PP001 redundant-retag-job::")
        // A missing timeout saves nothing computable: "also consider", not annotated by default.
        .doesNotContain("title=PP015 missing-timeout::");
    Cli all = Cli.run(Map.of(), args("analyze", SAMPLE, "--format", "github", "--all"));
    assertThat(all.out())
        .contains(
            "::notice file=.github/workflows/lint.yml,line=7,col=3,title=PP015 missing-timeout::");
    String md = Files.readString(summary);
    assertThat(md).startsWith("before\n# CI/CD pipeline performance review");
  }

  @Test
  void withoutTheSummaryVariableNothingElseIsWritten() throws IOException {
    Cli r = Cli.run(Map.of(), args("analyze", SAMPLE, "--format", "github"));
    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("::");
  }

  @Test
  void unknownFormatIsAUsageError() {
    Cli r = Cli.run("report", SAMPLE, "--format", "pdf");
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("text, json, markdown, sarif, github, html");
  }
}
