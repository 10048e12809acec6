package dev.pipeperf.bake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipeperf.source.Diagnostic;
import dev.pipeperf.source.ParseResult;
import dev.pipeperf.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Behaviours buildx's own tests (bake/hcl_test.go) pin down, restated against our model. Our
 * targets are the resolved ones (inheritance merged, defaults applied), as {@code --print} shows.
 */
class BuildxHclBehaviourTest {

  private static ParseResult<BakeDefinition> eval(Map<String, String> env, String... files) {
    List<SourceFile> sources = new ArrayList<>();
    for (int i = 0; i < files.length; i++) {
      boolean json = files[i].stripLeading().startsWith("{");
      sources.add(SourceFile.of("c" + (i + 1) + (json ? ".json" : ".hcl"), files[i]));
    }
    return BakeEvaluator.evaluate(sources, env);
  }

  private static BakeDefinition ok(Map<String, String> env, String... files) {
    ParseResult<BakeDefinition> r = eval(env, files);
    assertThat(r.diagnostics()).isEmpty();
    return r.model();
  }

  private static BakeTarget target(BakeDefinition def, String name) {
    assertThat(def.targets()).containsKey(name);
    return def.targets().get(name);
  }

  @Test
  void variablesReferToVariablesAcrossFilesAndTheEnvironmentOverridesThem() {
    String c1 =
        """
        variable "FOO" { default = upper("${BASE}def") }
        variable "BAR" { default = "-${FOO}-" }
        target "app" { args = { v1 = "pre-${BAR}" } }
        """;
    String c2 =
        """
        variable "BASE" { default = "abc" }
        target "app" { args = { v2 = "${FOO}-post" } }
        """;
    BakeTarget app = target(ok(Map.of(), c1, c2), "app");
    assertThat(app.args()).containsEntry("v1", "pre--ABCDEF-").containsEntry("v2", "ABCDEF-post");
    BakeTarget env = target(ok(Map.of("BASE", "new"), c1, c2), "app");
    assertThat(env.args()).containsEntry("v1", "pre--NEWDEF-").containsEntry("v2", "NEWDEF-post");
  }

  @Test
  void environmentValuesTakeTheTypeOfTheDefault() {
    String hcl =
        """
        variable "FOO" { default = 3 }
        variable "IS_FOO" { default = true }
        target "app" {
          args = {
            v1 = FOO > 5 ? "higher" : "lower"
            v2 = IS_FOO ? "yes" : "no"
          }
        }
        """;
    assertThat(target(ok(Map.of(), hcl), "app").args())
        .containsEntry("v1", "lower")
        .containsEntry("v2", "yes");
    assertThat(target(ok(Map.of("FOO", "5.1", "IS_FOO", "0"), hcl), "app").args())
        .containsEntry("v1", "higher")
        .containsEntry("v2", "no");
    assertThat(eval(Map.of("FOO", "NaN"), hcl).diagnostics())
        .extracting(Diagnostic::code)
        .contains("bake-variable-env");
    assertThat(eval(Map.of("IS_FOO", "maybe"), hcl).diagnostics())
        .extracting(Diagnostic::code)
        .contains("bake-variable-env");
  }

  @Test
  void nullVariablesLeaveArgsUnsetUntilTheEnvironmentSetsThem() {
    String hcl =
        "variable \"FOO\" { default = null }\ntarget \"default\" { args = { foo = FOO } }\n";
    assertThat(target(ok(Map.of(), hcl), "default").args()).doesNotContainKey("foo");
    assertThat(target(ok(Map.of("FOO", "bar"), hcl), "default").args()).containsEntry("foo", "bar");
    String json =
        "{\"variable\": {\"FOO\": {\"default\": null}}, \"target\": {\"default\": {\"args\": {\"foo\": \"${FOO}\"}}}}";
    assertThat(target(ok(Map.of("FOO", "bar"), json), "default").args())
        .containsEntry("foo", "bar");
  }

  @Test
  void globalAttributesAreNotOverriddenByTheEnvironmentUnlessAVariableIsDeclared() {
    String hcl =
        "FOO = \"abc\"\nBAR = \"attr-${FOO}def\"\ntarget \"app\" { args = { v1 = BAR } }\n";
    assertThat(target(ok(Map.of("FOO", "bar"), hcl), "app").args())
        .containsEntry("v1", "attr-abcdef");
    String c1 =
        "variable \"FOO\" { default = \"abc\" }\ntarget \"app\" { args = { v1 = \"pre-${FOO}\" } }\n";
    String c2 = "FOO = \"def\"\n";
    assertThat(target(ok(Map.of(), c1, c2), "app").args()).containsEntry("v1", "pre-def");
    assertThat(target(ok(Map.of("FOO", "ghi"), c1, c2), "app").args())
        .containsEntry("v1", "pre-ghi");
    String g1 = "FOO = \"abc\"\ntarget \"app\" { args = { v1 = \"pre-${FOO}\" } }\n";
    assertThat(target(ok(Map.of(), g1, "FOO = \"def\"\n"), "app").args())
        .containsEntry("v1", "pre-def");
  }

  @Test
  void targetAttributesResolveOneByOneEvenAcrossEachOther() {
    BakeDefinition def =
        ok(
            Map.of(),
            """
            target "foo" {
              dockerfile = "xxx"
              context = target.bar.context
              target = target.foo.dockerfile
            }
            target "bar" {
              dockerfile = target.foo.dockerfile
              context = "yyy"
              target = target.bar.context
            }
            target "named" { dockerfile = target.named.name }
            target "empty" {
              context = target.empty.dockerfile
              target = target.empty.context
            }
            x = target.foo.dockerfile
            y = x
            target "global" { dockerfile = y }
            """);
    BakeTarget foo = target(def, "foo");
    assertThat(List.of(foo.dockerfile(), foo.context(), foo.target()))
        .containsExactly("xxx", "yyy", "xxx");
    BakeTarget bar = target(def, "bar");
    assertThat(List.of(bar.dockerfile(), bar.context(), bar.target()))
        .containsExactly("xxx", "yyy", "yyy");
    assertThat(target(def, "named").dockerfile()).isEqualTo("named");
    BakeTarget empty = target(def, "empty");
    assertThat(empty.context()).isEqualTo(".");
    assertThat(empty.dockerfile()).isEqualTo("Dockerfile");
    assertThat(empty.target()).isNull();
    assertThat(target(def, "global").dockerfile()).isEqualTo("xxx");
  }

  @Test
  void optionEntriesAreObjectsWhenReferenced() {
    BakeDefinition def =
        ok(
            Map.of(),
            """
            variable "foo" { default = "bar" }
            target "app" {
              cache-from = [
                { type = "registry", ref = "user/app:cache" },
                "type=local,src=path/to/cache",
              ]
              cache-to = [ target.app.cache-from[0] ]
              output = [
                { type = "oci", dest = "../out.tar" },
                "type=local,dest=../out",
              ]
              ssh = [
                { id = "default" },
                { id = "key", paths = ["path/to/${target.app.output[0].type}"] },
              ]
            }
            target "web" {
              cache-from = target.app.cache-from
              output = [ "type=oci,dest=../${foo}.tar" ]
              secret = [
                { id = target.app.output[0].type, src = "/${target.app.cache-from[1].type}/secret" },
              ]
            }
            """);
    BakeTarget app = target(def, "app");
    assertThat(app.cacheTo()).containsExactly(Map.of("type", "registry", "ref", "user/app:cache"));
    assertThat(app.ssh().get(1)).containsEntry("id", "key");
    assertThat(app.ssh().get(1).get("paths")).contains("path/to/oci");
    BakeTarget web = target(def, "web");
    assertThat(web.output()).containsExactly(Map.of("type", "oci", "dest", "../bar.tar"));
    assertThat(web.cacheFrom()).hasSize(2);
    assertThat(web.secret()).containsExactly(Map.of("id", "oci", "src", "/local/secret"));
  }

  @Test
  void sameNamedBlocksMergeAndTheLastAttributeWins() {
    BakeDefinition def =
        ok(
            Map.of(),
            "target \"app\" {\n  dockerfile = \"x\"\n}\ntarget \"app\" {\n  dockerfile = \"y\"\n}\n");
    assertThat(def.targets()).containsOnlyKeys("app");
    assertThat(target(def, "app").dockerfile()).isEqualTo("y");
  }

  @Test
  void renamingNeedsAMatrixAndTheOldNameIsNoLongerATarget() {
    assertThat(
            eval(Map.of(), "target \"abc\" {\n  name = \"xyz\"\n  dockerfile = \"foo\"\n}\n")
                .diagnostics())
        .singleElement()
        .satisfies(d -> assertThat(d.message()).contains("requires matrix"));
    String abc = "target \"abc\" {\n  name = \"xyz\"\n  matrix = {}\n  dockerfile = \"foo\"\n}\n";
    for (String hcl :
        List.of(
            abc + "target \"def\" { dockerfile = target.xyz.dockerfile }\n",
            "target \"def\" { dockerfile = target.xyz.dockerfile }\n" + abc)) {
      BakeDefinition def = ok(Map.of(), hcl);
      assertThat(def.targets()).containsOnlyKeys("xyz", "def");
      assertThat(target(def, "def").dockerfile()).isEqualTo("foo");
    }
    ParseResult<BakeDefinition> old =
        eval(Map.of(), abc + "target \"def\" { dockerfile = target.abc.dockerfile }\n");
    assertThat(old.diagnostics())
        .singleElement()
        .satisfies(d -> assertThat(d.message()).contains("abc"));
    assertThat(
            eval(Map.of(), "group \"foo\" {\n  name = \"bar\"\n  targets = []\n}\n").diagnostics())
        .singleElement()
        .satisfies(d -> assertThat(d.message()).contains("not supported"));
  }

  @Test
  void renamedBlocksSplitIntoAGroupAndMergeAcrossFiles() {
    BakeDefinition split =
        ok(
            Map.of(),
            "target \"x\" {\n  name = \"y\"\n  matrix = {}\n  dockerfile = \"foo\"\n}\ntarget \"x\" {\n  name = \"z\"\n  matrix = {}\n  dockerfile = \"bar\"\n}\n");
    assertThat(split.targets()).containsOnlyKeys("y", "z");
    assertThat(split.groups().get("x").targets()).containsExactly("y", "z");
    BakeDefinition multi =
        ok(
            Map.of(),
            "target \"foo\" {\n  name = \"bar\"\n  matrix = {}\n  dockerfile = \"x\"\n}\n",
            "target \"foo\" {\n  context = \"y\"\n}\n",
            "target \"bar\" {\n  target = \"z\"\n}\n");
    assertThat(multi.targets()).containsOnlyKeys("bar", "foo");
    assertThat(target(multi, "bar").dockerfile()).isEqualTo("x");
    assertThat(target(multi, "bar").target()).isEqualTo("z");
    assertThat(target(multi, "foo").context()).isEqualTo("y");
  }

  @Test
  void matricesOfListsMapsAndVariables() {
    BakeDefinition lists =
        ok(
            Map.of(),
            "target \"foo\" {\n  matrix = { aa = [[\"aa\", \"bb\"], [\"cc\", \"dd\"]] }\n  name = aa[0]\n  args = { target = \"val${aa[1]}\" }\n}\n");
    assertThat(target(lists, "aa").args()).containsEntry("target", "valbb");
    assertThat(target(lists, "cc").args()).containsEntry("target", "valdd");
    BakeDefinition maps =
        ok(
            Map.of(),
            "target \"foo\" {\n  matrix = {\n    aa = [\n      { foo = \"aa\", bar = \"bb\" },\n      { foo = \"cc\", bar = \"dd\" }\n    ]\n  }\n  name = aa.foo\n  args = { target = \"val${aa.bar}\" }\n}\n");
    assertThat(target(maps, "cc").args()).containsEntry("target", "valdd");
    BakeDefinition multi =
        ok(
            Map.of(),
            "target \"default\" {\n  matrix = {\n    foo = [\"a\"]\n    bar = [\"b\", \"c\"]\n    baz = [\"d\", \"e\", \"f\"]\n  }\n  name = \"${foo}-${bar}-${baz}\"\n}\n");
    assertThat(multi.targets())
        .containsOnlyKeys("a-b-d", "a-b-e", "a-b-f", "a-c-d", "a-c-e", "a-c-f");
    assertThat(multi.groups().get("default").targets()).hasSize(6);
    BakeDefinition vars =
        ok(
            Map.of(),
            "a = 1\nvariable \"b\" { default = 2 }\ntarget \"default\" {\n  matrix = { foo = [a, b] }\n  name = foo\n}\n");
    assertThat(vars.targets()).containsOnlyKeys("1", "2");
    BakeDefinition env =
        ok(
            Map.of("ABC", "11,22,33"),
            "variable \"ABC\" { default = \"def\" }\ntarget \"bar\" {\n  matrix = { aa = split(\",\", ABC) }\n  name = \"bar-${aa}\"\n  args = { foo = aa }\n}\n");
    assertThat(env.groups().get("bar").targets()).containsExactly("bar-11", "bar-22", "bar-33");
    assertThat(target(env, "bar-22").args()).containsEntry("foo", "22");
  }

  @Test
  void badMatricesAreErrors() {
    for (String matrix :
        List.of("\"test\"", "[\"test\"]", "{ [\"a\"] = [\"b\"] }", "{ 1 = 2 }", "{ a = \"b\" }")) {
      ParseResult<BakeDefinition> r =
          eval(Map.of(), "target \"default\" {\n  matrix = " + matrix + "\n}\n");
      assertThat(r.diagnostics()).as(matrix).isNotEmpty();
    }
    ParseResult<BakeDefinition> dup =
        eval(
            Map.of(),
            "target \"default\" {\n  matrix = { foo = [\"a\", \"b\"] }\n  name = \"c\"\n}\n");
    assertThat(dup.diagnostics())
        .singleElement()
        .satisfies(d -> assertThat(d.message()).contains("more than one target"));
  }

  @Test
  void jsonFilesWithFunctionsAndArrayBlocks() {
    BakeDefinition fn =
        ok(
            Map.of(),
            "{\"FOO\": \"abc\", \"function\": {\"myfunc\": {\"params\": [\"inp\"], \"result\": \"<${upper(inp)}-${FOO}>\"}},"
                + " \"target\": {\"app\": {\"args\": {\"v1\": \"pre-${myfunc(\\\"foo\\\")}\", \"v2\": \"myfunc(\\\"foo\\\")\"}}}}");
    assertThat(target(fn, "app").args())
        .containsEntry("v1", "pre-<FOO-abc>")
        .containsEntry("v2", "myfunc(\"foo\")");
    BakeDefinition combined =
        ok(
            Map.of(),
            "group \"default\" { targets = [\"a\"] }\ntarget \"metadata-a\" {}\ntarget \"a\" {\n  inherits = [\"metadata-a\"]\n  target = \"a\"\n}\n",
            "{\"target\": [{\"metadata-a\": [{\"tags\": [\"app/a:1.0.0\", \"app/a:latest\"]}]}]}");
    assertThat(target(combined, "a").tags()).containsExactly("app/a:1.0.0", "app/a:latest");
  }

  @Test
  void functionsSeeGlobalAttributesAndEachOther() {
    BakeDefinition def =
        ok(
            Map.of(),
            """
            function "brace" {
              params = [inp]
              result = "[${inp}]"
            }
            function "myupper" {
              params = [val]
              result = "${upper(val)} <> ${brace(v2)}"
            }
            v1 = myupper("foo")
            v2 = lower("BAZ")
            target "app" { args = { "v1" = v1 } }
            """);
    assertThat(target(def, "app").args()).containsEntry("v1", "FOO <> [baz]");
    assertThat(
            target(
                    ok(
                        Map.of("BAKE_CMD_CONTEXT", "foo"),
                        "target \"app\" { context = BAKE_CMD_CONTEXT }\n"),
                    "app")
                .context())
        .isEqualTo("foo");
  }

  @Test
  void variableCyclesAreErrors() {
    ParseResult<BakeDefinition> r =
        eval(
            Map.of(),
            "variable \"FOO\" { default = BAR }\nvariable \"FOO2\" { default = FOO }\nvariable \"BAR\" { default = FOO }\ntarget \"app\" {}\n");
    assertThat(r.diagnostics()).extracting(Diagnostic::code).contains("bake-variable-cycle");
  }

  @Test
  void functionsNeedParamsAndEmptyListEntriesAreDropped() {
    ParseResult<BakeDefinition> noParams =
        eval(
            Map.of(),
            "function \"foo\" {\n  result = \"bar\"\n}\ntarget \"t\" { args = { test = foo() } }\n");
    assertThat(noParams.diagnostics()).extracting(Diagnostic::code).contains("bake-function");
    BakeDefinition def =
        ok(
            Map.of(),
            """
            variable "APP_VERSIONS" { default = ["1.42.4", "1.42.3"] }
            target "default" {
              matrix = { app_version = APP_VERSIONS }
              name = "app-${replace(app_version, ".", "-")}"
              tags = [
                "app:${app_version}",
                indexof(APP_VERSIONS, app_version) == 0 ? "app:latest" : "",
              ]
            }
            """);
    assertThat(target(def, "app-1-42-4").tags()).containsExactly("app:1.42.4", "app:latest");
    assertThat(target(def, "app-1-42-3").tags()).containsExactly("app:1.42.3");
  }
}
