package dev.pipeperf.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The rule catalogue checks itself: every rule is registered, has a unique id and name, a summary,
 * an explanation with every section, and fixtures; no explanation or fixture is left without a
 * rule.
 */
class AllRulesTest {

  static final Path SOURCES = Path.of("src/main/java/dev/pipeperf/rules");
  static final Path EXPLANATIONS = Path.of("src/main/resources/dev/pipeperf/rules");

  static final List<String> SECTIONS =
      List.of(
          "## Why it matters",
          "## How pipeperf detects it",
          "## How to fix",
          "## Example",
          "## Silence it");

  @Test
  void idsAreUniqueAndWellFormed() {
    Set<String> ids = new HashSet<>();
    for (Rule r : BuiltinRules.all()) {
      assertThat(r.info().id()).as(r.getClass().getName()).matches("PP\\d{3}");
      assertThat(ids.add(r.info().id())).as("duplicate id " + r.info().id()).isTrue();
    }
  }

  @Test
  void namesAreUniqueAndKebabCase() {
    Set<String> names = new HashSet<>();
    for (Rule r : BuiltinRules.all()) {
      assertThat(r.info().name()).as(r.info().id()).matches("[a-z][a-z0-9]*(-[a-z0-9]+)*");
      assertThat(names.add(r.info().name())).as("duplicate name " + r.info().name()).isTrue();
    }
  }

  @Test
  void summariesAreOneLineWithoutATrailingPeriod() {
    for (Rule r : BuiltinRules.all()) {
      String summary = r.info().summary();
      assertThat(summary).as(r.info().id()).isNotBlank().doesNotContain("\n").doesNotEndWith(".");
    }
  }

  @Test
  void everyRuleRunsOnFreshInstances() {
    List<Rule> first = BuiltinRules.all();
    List<Rule> second = BuiltinRules.all();
    for (int i = 0; i < first.size(); i++) {
      assertThat(first.get(i)).isNotSameAs(second.get(i));
    }
  }

  /** Every class named {@code *Rule} in a rules sub-package is listed in {@link BuiltinRules}. */
  @Test
  void everyRuleClassIsRegistered() throws IOException {
    Set<String> registered = new HashSet<>();
    BuiltinRules.all().forEach(r -> registered.add(r.getClass().getSimpleName()));
    List<String> classes = new ArrayList<>();
    try (Stream<Path> s = Files.walk(SOURCES)) {
      s.filter(p -> !p.getParent().equals(SOURCES))
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith("Rule.java"))
          .forEach(n -> classes.add(n.substring(0, n.length() - ".java".length())));
    }
    assertThat(classes).isNotEmpty();
    assertThat(registered).containsAll(classes);
  }

  @TestFactory
  Stream<DynamicTest> everyRuleIsExplained() {
    return BuiltinRules.all().stream()
        .map(Rule::info)
        .map(info -> DynamicTest.dynamicTest(info.id(), () -> explained(info)));
  }

  private static void explained(RuleInfo info) {
    String text = RuleCatalog.explanation(info.id()).orElse(null);
    assertThat(text).as("rules/" + info.id() + ".md").isNotNull();
    assertThat(text).startsWith("# " + info.id() + " " + info.name() + "\n");
    int at = 0;
    for (String section : SECTIONS) {
      int i = text.indexOf("\n" + section + "\n", at);
      assertThat(i).as(info.id() + ": section " + section + " (in this order)").isPositive();
      at = i + 1;
    }
    for (int k = 0; k < SECTIONS.size(); k++) {
      String body =
          section(text, SECTIONS.get(k), k + 1 < SECTIONS.size() ? SECTIONS.get(k + 1) : null);
      assertThat(body.strip()).as(info.id() + ": " + SECTIONS.get(k) + " is empty").isNotEmpty();
    }
    String example = section(text, "## Example", "## Silence it");
    assertThat(count(example, "```yaml"))
        .as(info.id() + ": the example shows bad and good YAML")
        .isGreaterThanOrEqualTo(2);
    assertThat(example).containsIgnoringCase("bad").containsIgnoringCase("good");
    String silence = section(text, "## Silence it", null);
    assertThat(silence)
        .contains("# pipeperf-ignore " + info.id())
        .contains(info.id() + ": off")
        .contains(".pipeperf.yml");
  }

  @Test
  void noExplanationWithoutARule() throws IOException {
    Set<String> ids = ids();
    try (Stream<Path> s = Files.list(EXPLANATIONS)) {
      List<String> orphans =
          s.map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".md"))
              .map(n -> n.substring(0, n.length() - 3))
              .filter(id -> !ids.contains(id))
              .toList();
      assertThat(orphans).as("explanations without a rule").isEmpty();
    }
  }

  @TestFactory
  Stream<DynamicTest> everyRuleHasFixtures() {
    return BuiltinRules.all().stream()
        .map(Rule::info)
        .map(info -> DynamicTest.dynamicTest(info.id(), () -> fixtures(info)));
  }

  private static void fixtures(RuleInfo info) throws IOException {
    Path folder = RuleFixturesTest.FIXTURES.resolve(info.id());
    assertThat(folder.resolve("bad")).isDirectory();
    assertThat(folder.resolve("ok")).isDirectory();
    try (Stream<Path> s = Files.walk(folder.resolve("ok"))) {
      assertThat(s.filter(Files::isRegularFile).count())
          .as(info.id() + "/ok is empty")
          .isPositive();
    }
    Path expected = folder.resolve("expected.out");
    assertThat(expected).isRegularFile();
    List<String> lines = Files.readAllLines(expected, StandardCharsets.UTF_8);
    assertThat(lines).as(info.id() + "/expected.out").isNotEmpty();
    for (String line : lines) {
      assertThat(line)
          .matches(
              "[^:]+:\\d+:\\d+: (blocker|high|medium|low|info) .+ \\["
                  + info.id()
                  + "\\]( \\(also consider\\))?");
    }
  }

  @Test
  void noFixtureWithoutARule() throws IOException {
    Set<String> ids = ids();
    try (Stream<Path> s = Files.list(RuleFixturesTest.FIXTURES)) {
      List<String> orphans =
          s.map(p -> p.getFileName().toString()).filter(id -> !ids.contains(id)).toList();
      assertThat(orphans).as("fixtures without a rule").isEmpty();
    }
  }

  private static Set<String> ids() {
    Set<String> ids = new HashSet<>();
    BuiltinRules.all().forEach(r -> ids.add(r.info().id()));
    return ids;
  }

  private static String section(String text, String heading, String next) {
    int start = text.indexOf("\n" + heading + "\n") + heading.length() + 2;
    int end = next == null ? text.length() : text.indexOf("\n" + next + "\n", start);
    return text.substring(start, end);
  }

  private static int count(String text, String what) {
    Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
