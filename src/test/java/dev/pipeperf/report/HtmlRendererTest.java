package dev.pipeperf.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipeperf.analysis.AnalysisResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlRendererTest {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  @TempDir Path tmp;

  static String seed004() throws IOException {
    AnalysisResult result = ReportGoldenTest.analyse("seed-004-monorepo");
    return ReportGoldenTest.render(result, HtmlRenderer::render);
  }

  @Test
  void oneSelfContainedPageWithGanttGraphAndFindings() throws IOException {
    String html = seed004();
    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .contains("<meta name=\"viewport\"")
        .contains("aria-label=\"Current: 21 min\"")
        .contains("tag-production-images · eliminated")
        .contains("aria-label=\"current job graph of Test\"")
        .contains("aria-label=\"optimised job graph of Test\"")
        .contains("<table class=\"findings\">")
        .contains("<section id=\"cost\">")
        .contains("<section id=\"phases\">")
        .contains("<section id=\"break-even\">")
        .contains("<section id=\"matrix\">")
        .contains("<section id=\"bottlenecks\">")
        .contains("<section id=\"decision-tree\">")
        .contains("<section id=\"conditions\">")
        .contains("<section id=\"files\">")
        .contains("<section id=\"cache\">")
        .contains("<section id=\"dockerfiles\">")
        .contains("PP001</code> redundant-retag-job")
        .contains("@media (max-width:640px)")
        .containsPattern("aria-label=\"Optimised: [0-9.–]+ min\"");
    // Nothing to fetch and nothing to run: no script, no external resource.
    assertThat(html).doesNotContain("<script").doesNotContain("src=").doesNotContain("<link");
    assertThat(html).doesNotContainPattern("(href|url)\\(?=?\"?https?:");
  }

  @Test
  void htmlEscapesWhatItQuotes() {
    assertThat(HtmlRenderer.esc("<a href=\"x\">'&'</a>"))
        .isEqualTo("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  }

  @Test
  void rendersInHeadlessChromiumWithoutConsoleErrors() throws Exception {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMIUM),
        "skipped: no /usr/bin/chromium (apt-get install chromium; .ci/run installs it)");
    Path page = tmp.resolve("report.html");
    Files.writeString(page, seed004(), StandardCharsets.UTF_8);
    for (String size : List.of("1280,2000", "390,2000")) {
      Path shot = tmp.resolve("shot-" + size.replace(',', 'x') + ".png");
      List<String> cmd =
          new ArrayList<>(
              List.of(
                  CHROMIUM.toString(),
                  "--headless",
                  "--no-sandbox",
                  "--disable-gpu",
                  "--disable-background-networking",
                  "--disable-component-update",
                  "--disable-sync",
                  "--no-first-run",
                  "--user-data-dir=" + Files.createTempDirectory(tmp, "profile"),
                  "--enable-logging=stderr",
                  "--v=0",
                  "--screenshot=" + shot,
                  "--window-size=" + size,
                  page.toUri().toString()));
      Path log = tmp.resolve("chromium-" + size.replace(',', 'x') + ".log");
      Process p =
          new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      if (!p.waitFor(90, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("chromium did not finish in 90 s");
      }
      String output = Files.readString(log);
      assertThat(p.exitValue()).as(output).isZero();
      assertThat(shot).exists();
      // A blank page compresses to almost nothing; the report's colours and text do not.
      assertThat(Files.size(shot)).as("screenshot size").isGreaterThan(20_000);
      assertThat(output).doesNotContain("CONSOLE").doesNotContain("Uncaught");
    }
  }
}
