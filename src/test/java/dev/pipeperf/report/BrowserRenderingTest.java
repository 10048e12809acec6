package dev.pipeperf.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipeperf.analysis.AnalysisResult;
import dev.pipeperf.review.Timeline;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The charts as a browser draws them: the mermaid gantt rendered by the real mermaid library in
 * headless Chromium, its bars checked for their start positions; the HTML report laid out at 1280
 * and 390 px wide with every element's bounds checked against the viewport. Needs {@code
 * /usr/bin/chromium} and mermaid installed by npm into {@code target/mermaid} ({@code .ci/run} does
 * both); skips with a message without them.
 */
class BrowserRenderingTest {

  static final Path MERMAID = Path.of("target/mermaid/node_modules/mermaid/dist/mermaid.min.js");

  @TempDir Path tmp;

  @Test
  void mermaidDrawsEveryGanttBarWhereItStarts() throws Exception {
    assumeChromium();
    Assumptions.assumeTrue(
        Files.isRegularFile(MERMAID),
        "skipped: no "
            + MERMAID
            + " (npm install --prefix target/mermaid mermaid@11; .ci/run does)");
    AnalysisResult result = ReportGoldenTest.analyse("seed-004-monorepo");
    Timeline test =
        Timeline.of(result).stream()
            .filter(t -> t.workflow().path().endsWith("test.yml"))
            .findFirst()
            .orElseThrow();
    String chart = MarkdownPage.ganttChart("Test", List.of("Current"), List.of(test));
    Path page = tmp.resolve("gantt.html");
    Files.writeString(
        page,
        "<!DOCTYPE html><html><body><pre class=\"mermaid\">"
            + HtmlPage.esc(chart)
            + "</pre><pre id=\"out\">pending</pre><script src=\""
            + MERMAID.toAbsolutePath().toUri()
            + "\"></script><script>"
            + "mermaid.initialize({startOnLoad:false});"
            + "mermaid.run().then(()=>{const r=[...document.querySelectorAll('rect.task')]"
            + ".map(e=>e.id+'='+e.getAttribute('x')+'/'+e.getAttribute('width'));"
            + "document.getElementById('out').textContent='BARS '+r.join(' ');})"
            + ".catch(e=>{document.getElementById('out').textContent='ERROR '+e;});"
            + "</script></body></html>",
        StandardCharsets.UTF_8);
    String dom = dumpDom(page, "1280,1000");
    assertThat(dom).contains("<pre id=\"out\">BARS ");
    Matcher m = Pattern.compile("(s0j\\d+)=([0-9.]+)/([0-9.]+)").matcher(dom);
    List<double[]> bars = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    while (m.find()) {
      ids.add(m.group(1));
      bars.add(new double[] {Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3))});
    }
    List<Timeline.Entry> entries =
        MarkdownPage.sortedByStart(test).stream().filter(e -> e.duration().high() >= 1).toList();
    assertThat(bars).as("one bar per job that runs").hasSize(entries.size());
    // Bars are drawn in time order; x is proportional to the start, width to the duration.
    double x0 = bars.get(0)[0];
    double pxPerSecond = bars.get(0)[1] / Math.round(entries.get(0).duration().high());
    for (int i = 0; i < entries.size(); i++) {
      double start = Math.round(entries.get(i).start().high());
      assertThat(bars.get(i)[0] - x0)
          .as("%s starts at %ss", ids.get(i), start)
          .isCloseTo(start * pxPerSecond, org.assertj.core.data.Offset.offset(2.0));
    }
    assertThat(bars.get(bars.size() - 1)[0])
        .as("the last bar does not start at 0:00")
        .isGreaterThan(x0 + 10);
  }

  @Test
  void theHtmlReportFitsDesktopAndPhoneWidths() throws Exception {
    assumeChromium();
    String html =
        ReportGoldenTest.render(
            ReportGoldenTest.analyse("seed-004-monorepo"), HtmlRenderer::render);
    // The report has no script; the test adds one that measures every element after layout.
    String probe =
        "<pre id=\"overflow\">pending</pre><script>addEventListener('load',()=>{"
            + "const w=document.documentElement.clientWidth;const bad=[];"
            + "for(const e of document.querySelectorAll('main *')){"
            + "if(e.closest('details:not([open])'))continue;"
            + "const r=e.getBoundingClientRect();if(r.width===0&&r.height===0)continue;"
            + "if(r.left<-1||r.right>w+1)bad.push(e.tagName+'.'+(e.className.baseVal??e.className)"
            + "+'['+Math.round(r.left)+','+Math.round(r.right)+']:'+(e.textContent||'').slice(0,40));}"
            + "const sw=document.documentElement.scrollWidth;"
            + "document.getElementById('overflow').textContent='WIDTH '+w+' SCROLL '+sw+' BAD '+bad.length+' '+bad.slice(0,10).join(' | ');"
            + "});</script>";
    for (String size : List.of("1280,2000", "390,2000")) {
      Path page = tmp.resolve("report-" + size.replace(',', 'x') + ".html");
      Files.writeString(page, html.replace("</body>", probe + "</body>"), StandardCharsets.UTF_8);
      String dom = dumpDom(page, size);
      Matcher m = Pattern.compile("WIDTH (\\d+) SCROLL (\\d+) BAD (\\d+)(.*)").matcher(dom);
      assertThat(m.find()).as("the probe ran at %s", size).isTrue();
      assertThat(Integer.parseInt(m.group(2)))
          .as("no horizontal scrolling at %s: %s", size, m.group(4))
          .isLessThanOrEqualTo(Integer.parseInt(m.group(1)));
      assertThat(Integer.parseInt(m.group(3)))
          .as("elements outside the viewport at %s: %s", size, m.group(4))
          .isZero();
    }
  }

  private static void assumeChromium() {
    Assumptions.assumeTrue(
        Files.isExecutable(HtmlRendererTest.CHROMIUM),
        "skipped: no /usr/bin/chromium (apt-get install chromium; .ci/run installs it)");
  }

  private String dumpDom(Path page, String size) throws IOException, InterruptedException {
    List<String> cmd =
        List.of(
            HtmlRendererTest.CHROMIUM.toString(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--allow-file-access-from-files",
            "--user-data-dir=" + Files.createTempDirectory(tmp, "profile"),
            "--window-size=" + size,
            "--virtual-time-budget=10000",
            "--dump-dom",
            page.toUri().toString());
    Path out = tmp.resolve("dom-" + size.replace(',', 'x') + ".html");
    Path log = tmp.resolve("chromium.log");
    Process p =
        new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(log.toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish in 120 s");
    }
    assertThat(p.exitValue()).as(Files.readString(log)).isZero();
    return Files.readString(out);
  }
}
