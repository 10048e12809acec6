package dev.pipeperf.bake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipeperf.bake.hcl.Conversions;
import dev.pipeperf.bake.hcl.Expression;
import dev.pipeperf.bake.hcl.Json;
import dev.pipeperf.bake.hcl.Parser;
import dev.pipeperf.bake.hcl.Value;
import dev.pipeperf.source.ParseResult;
import dev.pipeperf.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Evaluates the examples of buildx's bake documentation (extracted into the shared corpus) and
 * compares with what the documentation says they produce: the {@code --print} JSON that follows an
 * example, and the {@code # => value} annotations of the stdlib page.
 */
class BakeDocsExamplesTest {

  private static final Path DOCS =
      Path.of("..", "shared", "corpus", "peer", "bake", "docs-extracted");
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Measured on 2026-11-23: 2 of 4 {@code --print} examples match. The two that differ
   * (011-target-context, 017-target-dockerfile: {@code target "default" {}}) show no "group";
   * buildx since PR #2863 (v0.20) adds {@code "default": {"targets": ["default"]}} there, and its
   * own TestReadTargetsDefault expects that group, so we follow the code, not the stale console
   * text.
   */
  private static final int PRINT_FLOOR = 2;

  /**
   * Measured on 2026-11-23: 98 of 104 checkable annotations match (007-bcrypt only by shape: our
   * bcrypt is a stable stand-in, buildx's is salted). The 6 that differ, and why:
   *
   * <ul>
   *   <li>017-cidrsubnets: the annotation is truncated ({@code ...}) inside a list;
   *   <li>036-greaterthan: the docs say {@code greaterthan(2, 5)} is true; it is false;
   *   <li>055-md5: the docs' hash prefix is not md5("docker") (05b6053c...);
   *   <li>068-regex-replace: the docs pass (pattern, string, replacement); cty's function takes
   *       (string, pattern, replacement), so buildx answers "[0-9]+" too;
   *   <li>070-replace: the docs' "ba-- --" is a typo for "ba----";
   *   <li>094-title: Go's strings.Title keeps "From_docker" ('_' is not a word separator).
   * </ul>
   */
  private static final int ANNOTATION_FLOOR = 98;

  @Test
  void printExamplesMatchBuildx() throws IOException {
    Assumptions.assumeTrue(Files.isDirectory(DOCS), "corpus not present: skipped");
    List<String> misses = new ArrayList<>();
    int total = 0;
    int matched = 0;
    for (Path console : files("console.txt")) {
      String text = Files.readString(console);
      Matcher cmd =
          Pattern.compile("(?m)^\\$ (.*docker buildx bake[^\\n]*--print[^\\n]*)$").matcher(text);
      if (!cmd.find()) {
        continue;
      }
      int brace = text.indexOf("\n{", cmd.end());
      if (brace < 0) {
        continue;
      }
      JsonNode expected;
      try (JsonParser p = JSON.createParser(text.substring(brace + 1))) {
        expected = JSON.readTree(p);
      } catch (IOException e) {
        continue;
      }
      total++;
      String line = cmd.group(1);
      Map<String, String> env = new LinkedHashMap<>();
      Matcher envs = Pattern.compile("^([A-Z_][A-Z0-9_]*)=(\\S*) ").matcher(line);
      while (envs.find()) {
        env.put(envs.group(1), envs.group(2).replaceAll("^['\"]|['\"]$", ""));
        line = line.substring(envs.end());
        envs = Pattern.compile("^([A-Z_][A-Z0-9_]*)=(\\S*) ").matcher(line);
      }
      String hcl;
      Matcher inline = Pattern.compile("<<< '([^']*)'").matcher(line);
      if (inline.find()) {
        hcl = inline.group(1);
        line = line.substring(0, inline.start());
      } else {
        String name =
            console.getFileName().toString().replaceAll("\\.after\\d+\\.console\\.txt$", ".hcl");
        hcl = Files.readString(console.resolveSibling(name));
      }
      List<String> requested = new ArrayList<>();
      String[] words = line.substring(line.indexOf("bake") + 4).trim().split("\\s+");
      for (int i = 0; i < words.length; i++) {
        String w = words[i];
        if (w.equals("-f") || w.equals("--file") || w.equals("--set")) {
          i++;
        } else if (!w.startsWith("-") && !w.isEmpty()) {
          requested.add(w);
        }
      }
      ParseResult<BakeDefinition> r =
          BakeEvaluator.evaluate(SourceFile.of("docker-bake.hcl", hcl), env);
      JsonNode actual = BakePrint.toTree(r.model(), requested);
      if (actual.equals(expected)) {
        matched++;
      } else {
        misses.add(
            console.getFileName()
                + ": expected "
                + expected
                + " got "
                + actual
                + " "
                + r.diagnostics());
      }
    }
    System.out.println(matched + " of " + total + " bake doc --print examples match");
    misses.forEach(m -> System.out.println("  differs: " + m));
    assertThat(matched).isGreaterThanOrEqualTo(PRINT_FLOOR);
  }

  @Test
  void annotatedStdlibExamplesGiveTheDocumentedValues() throws IOException {
    Assumptions.assumeTrue(Files.isDirectory(DOCS), "corpus not present: skipped");
    List<String> misses = new ArrayList<>();
    List<String> unverifiable = new ArrayList<>();
    int total = 0;
    int matched = 0;
    for (Path hclFile : files(".hcl")) {
      String text = Files.readString(hclFile);
      SourceFile file = SourceFile.of(hclFile.getFileName().toString(), text);
      String[] lines = text.split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        int mark = lines[i].indexOf("# =>");
        if (mark < 0) {
          continue;
        }
        String where = hclFile.getFileName() + ":" + (i + 1);
        String code = lines[i].substring(0, mark);
        String annotation = lines[i].substring(mark + 4).trim();
        int eq = code.indexOf('=');
        if (eq < 0 || annotation.matches(".*(e\\.g\\.|random|current|always).*")) {
          unverifiable.add(where + " (" + annotation + ")");
          continue;
        }
        total++;
        String exprText = code.substring(eq + 1).trim();
        if (exprText.startsWith("matches =")) {
          exprText = exprText.substring("matches =".length()).trim();
        }
        ParseResult<Expression> expr = Parser.parseExpression(SourceFile.of(file.path(), exprText));
        if (!expr.hasModel()) {
          misses.add(where + ": cannot parse " + exprText + " " + expr.diagnostics());
          continue;
        }
        Expression e = expr.model();
        if (e instanceof Expression.TemplateWrap w) {
          e = w.inner();
        }
        ParseResult<Value> actual = BakeEvaluator.evaluateExpression(List.of(file), Map.of(), e);
        String verdict = compare(actual, annotation);
        if (verdict == null) {
          matched++;
        } else {
          misses.add(where + ": " + verdict);
        }
      }
    }
    System.out.println(
        matched
            + " of "
            + total
            + " annotated bake stdlib examples match ("
            + unverifiable.size()
            + " not checkable)");
    misses.forEach(m -> System.out.println("  differs: " + m));
    assertThat(matched).isGreaterThanOrEqualTo(ANNOTATION_FLOOR);
  }

  /** Null when {@code actual} is what {@code annotation} says; otherwise why not. */
  private static String compare(ParseResult<Value> actual, String annotation) {
    if (!actual.hasModel()) {
      return "error " + actual.diagnostics() + ", documented " + annotation;
    }
    Value got = actual.model();
    Value want = expectedValue(annotation);
    if (want == null) {
      return "cannot read the annotation " + annotation;
    }
    if (want instanceof Value.Str s && s.value().endsWith("...") && got instanceof Value.Str g) {
      return g.value().startsWith(s.value().substring(0, s.value().length() - 3))
          ? null
          : "got " + Json.encode(got) + ", documented " + annotation;
    }
    if (Conversions.equal(got, want) || primitiveText(got).equals(primitiveText(want))) {
      return null;
    }
    return "got " + Json.encode(got) + ", documented " + annotation;
  }

  private static String primitiveText(Value v) {
    if (v instanceof Value.Seq || v instanceof Value.Obj || v.isNull()) {
      return Json.encode(v);
    }
    return Conversions.toStr(v);
  }

  private static Value expectedValue(String annotation) {
    try (JsonParser p = JSON.createParser(annotation)) {
      return Json.decode(JSON.readTree(p));
    } catch (IOException e) {
      // Not JSON: the docs also write HCL values such as {a=1, b=3}.
    }
    String hcl = annotation.replaceAll("\\s*\\(.*\\)\\s*$", "").replaceAll("\"$", "");
    ParseResult<Expression> e = Parser.parseExpression(SourceFile.of("annotation", hcl));
    if (!e.hasModel()) {
      return null;
    }
    ParseResult<Value> v = BakeEvaluator.evaluateExpression(List.of(), Map.of(), e.model());
    return v.model();
  }

  private static List<Path> files(String suffix) throws IOException {
    try (Stream<Path> s = Files.walk(DOCS)) {
      return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
    }
  }
}
