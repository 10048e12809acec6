package dev.pipeperf.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipeperf.analysis.AnalysisResult;
import dev.pipeperf.analysis.Analyzer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every report format on the seed samples, against golden files in {@code
 * src/test/resources/report/<sample>/}. {@code -Dpipeperf.updateGolden=true} rewrites them (review
 * the diff before committing it).
 */
class ReportGoldenTest {

  static final Path GOLDEN = Path.of("src/test/resources/report");

  static final List<String> SAMPLES = List.of("seed-004-monorepo", "seed-000-monorepo");

  /** Real repositories whose markdown and HTML reports are kept as goldens (read at run time). */
  static final List<String> CORPUS =
      List.of("astral-sh__ruff", "paperless-ngx__paperless-ngx", "docker__buildx");

  /**
   * The project's home as the goldens show it: the README's placeholder, since the real address is
   * the release's to set (pom {@code pipeperf.url}); a build with or without it renders the same.
   */
  static final String HOME = "https://github.com/your-org/pipeperf";

  record Format(String file, BiConsumer<AnalysisResult, PrintWriter> renderer) {}

  static final List<Format> FORMATS =
      List.of(
          new Format("report.md", MarkdownRenderer::render),
          new Format("report.sarif", (r, out) -> SarifRenderer.render(r, out, false, HOME)),
          new Format("report.github.txt", GithubRenderer::render),
          new Format("report.html", HtmlRenderer::render),
          new Format("report.json", (r, out) -> new JsonRenderer().render(r, out)),
          new Format("report.txt", (r, out) -> new TextRenderer(false).render(r, out)));

  /** A sample analysed as the README says: with its timings when it has some. */
  static AnalysisResult analyse(String sample) throws IOException {
    Path root = Path.of("samples", sample);
    List<Path> timings = new ArrayList<>();
    Path dir = root.resolve("timings");
    if (Files.isDirectory(dir)) {
      try (Stream<Path> files = Files.list(dir)) {
        files.filter(p -> p.toString().endsWith(".json")).sorted().forEach(timings::add);
      }
    }
    return Analyzer.analyze(new Analyzer.Options(root, null, null, timings));
  }

  static String render(AnalysisResult result, BiConsumer<AnalysisResult, PrintWriter> renderer) {
    StringWriter text = new StringWriter();
    PrintWriter out = new PrintWriter(text);
    renderer.accept(result, out);
    out.flush();
    return text.toString();
  }

  /**
   * A rendering as the goldens hold it: pipeperf's own version as {@code <version>} (a release
   * builds with its tag's version and must still match), the analysed folder as {@code <root>}.
   */
  static String normalise(String rendered, AnalysisResult result) {
    return rendered
        .replace(dev.pipeperf.Version.current(), "<version>")
        .replace(result.workspace().root().toString(), "<root>");
  }

  @TestFactory
  Stream<DynamicTest> everyFormatOnEverySample() {
    return SAMPLES.stream()
        .flatMap(
            sample ->
                FORMATS.stream()
                    .map(
                        format ->
                            DynamicTest.dynamicTest(
                                sample + " " + format.file(), () -> check(sample, format))));
  }

  @TestFactory
  Stream<DynamicTest> markdownAndHtmlOnCorpusRepositories() {
    return CORPUS.stream()
        .flatMap(
            repo ->
                FORMATS.stream()
                    .filter(f -> f.file().equals("report.md") || f.file().equals("report.html"))
                    .map(
                        format ->
                            DynamicTest.dynamicTest(
                                repo + " " + format.file(), () -> checkCorpus(repo, format))));
  }

  private void checkCorpus(String repo, Format format) throws IOException {
    Path root = dev.pipeperf.testing.Corpus.require("real/" + repo);
    AnalysisResult result = Analyzer.analyze(new Analyzer.Options(root, null, null, List.of()));
    String actual = normalise(render(result, format.renderer()), result);
    compare(GOLDEN.resolve("corpus").resolve(repo).resolve(format.file()), actual);
  }

  private static void compare(Path expected, String actual) throws IOException {
    if (Boolean.getBoolean("pipeperf.updateGolden")) {
      Files.createDirectories(expected.getParent());
      Files.writeString(expected, actual);
    }
    assertThat(expected)
        .as("golden file (run with -Dpipeperf.updateGolden=true to create it)")
        .exists();
    assertThat(actual).isEqualTo(Files.readString(expected));
  }

  private void check(String sample, Format format) throws IOException {
    Assumptions.assumeTrue(
        Files.isDirectory(Path.of("samples", sample)), "samples/" + sample + " is not here yet");
    AnalysisResult result = analyse(sample);
    // The analysed folder's absolute path depends on where the repository is checked out.
    String actual = normalise(render(result, format.renderer()), result);
    assertThat(normalise(render(analyse(sample), format.renderer()), result))
        .as("the same input renders the same bytes")
        .isEqualTo(actual);
    Path expected = GOLDEN.resolve(sample).resolve(format.file());
    if (Boolean.getBoolean("pipeperf.updateGolden")) {
      Files.createDirectories(expected.getParent());
      Files.writeString(expected, actual);
    }
    assertThat(expected)
        .as("golden file (run with -Dpipeperf.updateGolden=true to create it)")
        .exists();
    assertThat(actual).isEqualTo(Files.readString(expected));
  }
}
