package dev.pipeperf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeCommandTest {

  static final String SAMPLE = "samples/seed-004-monorepo";

  @TempDir Path tmp;

  void write(String path, String text) throws IOException {
    Path p = tmp.resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  @Test
  void theSeed004SamplesCriticalPathIs21Minutes() {
    Cli r = Cli.run("analyze", SAMPLE, "--workflow", "Test");
    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .contains("critical path 21 min")
        .containsPattern("build-docker-image +5m +█+ +config")
        .containsPattern("test-suite +10m ")
        .containsPattern("all-checks +1m ")
        .containsPattern("tag-production-images +5m ")
        .containsPattern("build-production-images +8m +2m ")
        .containsPattern("coverage-upload +5m +1m ")
        .doesNotContain("\u001b[");
    String onPath =
        r.out()
            .substring(
                r.out().indexOf("on the critical path"), r.out().indexOf("off the critical path"));
    assertThat(onPath).doesNotContain("coverage-upload").doesNotContain("build-production-images");
  }

  @Test
  void jsonCarriesASchemaVersionAndTheSameNumbers() throws IOException {
    Cli r = Cli.run("analyze", SAMPLE, "--format", "json", "--workflow", "test.yml");
    assertThat(r.code()).isZero();
    JsonNode root = new ObjectMapper().readTree(r.out());
    assertThat(root.get("schemaVersion").asInt()).isEqualTo(1);
    JsonNode w = root.get("workflows").get(0);
    assertThat(w.get("criticalPath").get("high").asDouble()).isEqualTo(1260.0);
    assertThat(w.get("criticalJobs").findValuesAsText("name"))
        .containsExactly("build-docker-image", "test-suite", "all-checks", "tag-production-images");
  }

  @Test
  void colourOnlyOnATerminalAndNeverWithNoColor() {
    java.io.StringWriter out = new java.io.StringWriter();
    Main.run(
        new java.io.PrintWriter(out),
        new java.io.PrintWriter(new java.io.StringWriter()),
        true,
        java.util.Map.of(),
        "analyze",
        SAMPLE);
    assertThat(out.toString()).contains("\u001b[");
    java.io.StringWriter plain = new java.io.StringWriter();
    Main.run(
        new java.io.PrintWriter(plain),
        new java.io.PrintWriter(new java.io.StringWriter()),
        true,
        java.util.Map.of("NO_COLOR", "1"),
        "analyze",
        SAMPLE);
    assertThat(plain.toString()).doesNotContain("\u001b[");
  }

  @Test
  void badFilesAreOneLineEachAndTheRestIsStillAnalysed() throws IOException {
    write(
        ".github/workflows/good.yml",
        "on: push\njobs:\n  ok:\n    runs-on: ubuntu-latest\n    steps: [{run: make}]\n");
    write(".github/workflows/malformed.yml", "on: push\njobs:\n  a: [\n");
    write(
        ".github/workflows/cycle.yml",
        "on: push\njobs:\n  a: {needs: b, runs-on: x, steps: [{run: a}]}\n  b: {needs: a, runs-on: x, steps: [{run: b}]}\n");
    write(
        ".github/workflows/unknown.yml",
        "on: push\njobs:\n  a: {needs: zz, runs-on: x, steps: [{run: a}]}\n");
    write(
        ".github/workflows/dup.yml",
        "on: push\non: pull_request\njobs:\n  a: {runs-on: x, steps: [{run: a}]}\n");
    StringBuilder bomb = new StringBuilder("a: &a [x,x,x,x,x,x,x,x,x]\n");
    for (char c = 'b'; c <= 'j'; c++) {
      bomb.append(c)
          .append(": &")
          .append(c)
          .append(" [")
          .append(String.join(",", java.util.Collections.nCopies(9, "*" + (char) (c - 1))))
          .append("]\n");
    }
    write(".github/workflows/bomb.yml", bomb + "on: push\njobs: {}\n");
    Files.write(tmp.resolve(".github/workflows/binary.yml"), new byte[] {'o', 'n', 0, 1, 2});
    Cli r = Cli.run("analyze", tmp.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("good.yml").doesNotContain("Exception").doesNotContain("\tat ");
    String diagnostics = r.out().substring(r.out().indexOf("\ndiagnostics"));
    assertThat(diagnostics)
        .contains(".github/workflows/binary.yml:1:3: binary file")
        .contains(".github/workflows/bomb.yml:1:1: too many YAML aliases")
        .contains(".github/workflows/cycle.yml:3:14: needs form a cycle: a -> b -> a [needs-cycle]")
        .contains(".github/workflows/dup.yml:2:1: key \"on\" is duplicated")
        .contains(".github/workflows/malformed.yml:4:1: ")
        .contains(
            ".github/workflows/unknown.yml:3:14: job \"a\" needs \"zz\", which is not a job of this workflow [unknown-needs]");
    assertThat(diagnostics.lines().filter(l -> l.startsWith("  .github")).count()).isEqualTo(6);
  }

  @Test
  void aMissingFolderIsExitCode2WithOneLine() {
    Cli r = Cli.run("analyze", tmp.resolve("nope").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip()).endsWith("nope: no such folder").doesNotContain("\n");
  }

  @Test
  void aBrokenConfigNamesItsLineAndExits2() throws IOException {
    write(".pipeperf.yml", "runsPerDay: 5\ndurations:\n  jbos:\n    a: 5m\n");
    Cli r = Cli.run("analyze", tmp.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains(".pipeperf.yml:3:3: unknown key \"durations.jbos\"");
  }

  @Test
  void usageErrorsAreExitCode2AndVersionWorks() {
    assertThat(Cli.run("analyze", "--frobnicate").code()).isEqualTo(2);
    assertThat(Cli.run("analyze", "--format", "yaml", SAMPLE).err())
        .contains("Invalid value for option '--format'");
    Cli v = Cli.run("--version");
    assertThat(v.code()).isZero();
    assertThat(v.out()).startsWith("pipeperf ");
  }

  @Test
  void outputGoesToAFileWhenAsked() throws IOException {
    Path file = tmp.resolve("out/report.json");
    Cli r = Cli.run("analyze", SAMPLE, "--format", "json", "-o", file.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(Files.readString(file)).contains("\"schemaVersion\" : 1");
  }
}
