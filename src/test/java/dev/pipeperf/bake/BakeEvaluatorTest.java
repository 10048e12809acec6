package dev.pipeperf.bake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipeperf.source.Diagnostic;
import dev.pipeperf.source.ParseResult;
import dev.pipeperf.source.SourceFile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BakeEvaluatorTest {

  private static ParseResult<BakeDefinition> eval(String hcl) {
    return eval(hcl, Map.of());
  }

  private static ParseResult<BakeDefinition> eval(String hcl, Map<String, String> env) {
    return BakeEvaluator.evaluate(SourceFile.of("docker-bake.hcl", hcl), env);
  }

  private static BakeDefinition ok(String hcl, Map<String, String> env) {
    ParseResult<BakeDefinition> r = eval(hcl, env);
    assertThat(r.diagnostics()).isEmpty();
    return r.model();
  }

  private static BakeDefinition ok(String hcl) {
    return ok(hcl, Map.of());
  }

  @Test
  void defaultsAreAppliedAsBuildxDoes() {
    BakeTarget t = ok("target \"default\" {}").targets().get("default");
    assertThat(t.context()).isEqualTo(".");
    assertThat(t.dockerfile()).isEqualTo("Dockerfile");
    assertThat(t.location().toString()).isEqualTo("docker-bake.hcl:1:1");
    assertThat(t.push()).isNull();
  }

  @Test
  void contextIsCleanedAsBuildxCleansIt() {
    BakeDefinition def =
        ok(
            """
            target "a" { context = "./src/../app/" }
            target "b" { context = "https://github.com/acme/app.git#main" }
            target "c" { context = "cwd://sub/" }
            target "d" { context = "target:a" }
            """);
    assertThat(def.targets().get("a").context()).isEqualTo("app");
    assertThat(def.targets().get("b").context()).isEqualTo("https://github.com/acme/app.git#main");
    assertThat(def.targets().get("c").context()).isEqualTo("sub");
    assertThat(def.targets().get("d").targetDependencies()).containsExactly("a");
  }

  @Test
  void sourceDateEpochFromTheEnvironmentBecomesABuildArg() {
    BakeDefinition def =
        ok(
            "target \"a\" {}\ntarget \"b\" { args = { SOURCE_DATE_EPOCH = \"1\" } }\n",
            Map.of("SOURCE_DATE_EPOCH", "42"));
    assertThat(def.targets().get("a").args()).containsEntry("SOURCE_DATE_EPOCH", "42");
    assertThat(def.targets().get("b").args()).containsEntry("SOURCE_DATE_EPOCH", "1");
  }

  @Test
  void variablesTakeEnvironmentOverridesTypedByTheirDefault() {
    String hcl =
        """
        variable "TAG" { default = "latest" }
        variable "PUSH" { default = false }
        variable "N" { default = 1 }
        variable "NONE" {}
        target "app" {
          tags = ["app:${TAG}"]
          args = { push = PUSH ? "yes" : "no", n = N + 1, none = NONE }
        }
        """;
    BakeTarget t =
        ok(hcl, Map.of("TAG", "dev", "PUSH", "1", "N", "41", "NONE", "x")).targets().get("app");
    assertThat(t.tags()).containsExactly("app:dev");
    assertThat(t.args())
        .containsExactlyInAnyOrderEntriesOf(Map.of("push", "yes", "n", "42", "none", "x"));
    BakeTarget d = ok(hcl, Map.of()).targets().get("app");
    assertThat(d.args()).containsExactlyInAnyOrderEntriesOf(Map.of("push", "no", "n", "2"));
  }

  @Test
  void typedVariablesParseListsFromCsvAndObjectsFromJson() {
    String hcl =
        """
        variable "PLATFORMS" {
          type = list(string)
          default = ["linux/amd64"]
        }
        variable "CFG" {
          type = object({registry = string})
          default = {registry = "docker.io"}
        }
        target "app" {
          platforms = PLATFORMS
          tags = ["${CFG.registry}/app"]
        }
        """;
    BakeTarget t =
        ok(
                hcl,
                Map.of(
                    "PLATFORMS",
                    "linux/amd64,linux/arm64",
                    "CFG_JSON",
                    "{\"registry\":\"ghcr.io\"}"))
            .targets()
            .get("app");
    assertThat(t.platforms()).containsExactly("linux/amd64", "linux/arm64");
    assertThat(t.tags()).containsExactly("ghcr.io/app");
    ParseResult<BakeDefinition> bad = eval(hcl, Map.of("CFG", "ghcr.io"));
    assertThat(bad.diagnostics())
        .singleElement()
        .satisfies(d -> assertThat(d.code()).isEqualTo("bake-variable-env"));
  }

  @Test
  void validationBlocksReportTheirMessage() {
    ParseResult<BakeDefinition> r =
        eval(
            """
            variable "PORT" {
              default = 80
              validation {
                condition = PORT > 1024
                error_message = "PORT must be above 1024"
              }
            }
            """);
    assertThat(r.diagnostics())
        .extracting(Diagnostic::toString)
        .containsExactly(
            "docker-bake.hcl:4:5: variable \"PORT\": PORT must be above 1024 [bake-validation]");
  }

  @Test
  void inheritsMergesParentsInOrderThenOwnAttributes() {
    BakeDefinition def =
        ok(
            """
            target "base" {
              dockerfile = "base.Dockerfile"
              args = { A = "base", B = "base" }
              tags = ["base"]
              cache-from = ["type=gha"]
            }
            target "mid" {
              inherits = ["base"]
              args = { B = "mid", C = "mid" }
              cache-from = ["user/app:cache"]
            }
            target "other" {
              args = { C = "other" }
              platforms = ["linux/arm64"]
            }
            target "app" {
              inherits = ["mid", "other"]
              args = { D = "app" }
              tags = ["app"]
            }
            """);
    BakeTarget app = def.targets().get("app");
    assertThat(app.dockerfile()).isEqualTo("base.Dockerfile");
    assertThat(app.args())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("A", "base", "B", "mid", "C", "other", "D", "app"));
    assertThat(app.tags()).containsExactly("app");
    assertThat(app.platforms()).containsExactly("linux/arm64");
    assertThat(app.cacheFrom())
        .containsExactly(
            Map.of("type", "gha"), Map.of("type", "registry", "ref", "user/app:cache"));
    assertThat(app.inherits()).containsExactly("mid", "other");
    assertThat(app.locationOf("dockerfile").toString()).isEqualTo("docker-bake.hcl:2:3");
    assertThat(app.locationOf("tags").toString()).isEqualTo("docker-bake.hcl:19:3");
    assertThat(app.locationOf("output")).isEqualTo(app.location());
  }

  @Test
  void inheritanceCycleIsOneDiagnosticAtTheInheritsAttribute() {
    ParseResult<BakeDefinition> r =
        eval(
            """
            target "a" {
              inherits = ["b"]
            }
            target "b" {
              inherits = ["a"]
            }
            """);
    assertThat(r.diagnostics())
        .extracting(Diagnostic::toString)
        .containsExactly(
            "docker-bake.hcl:5:3: inheritance cycle: a -> b -> a [bake-inherits-cycle]");
    assertThat(r.model().targets()).containsKeys("a", "b");
  }

  @Test
  void matrixExpandsIntoNamedTargetsAndAGroup() {
    BakeDefinition def =
        ok(
            """
            target "app" {
              name = "app-${tgt}-${replace(v, ".", "-")}"
              matrix = {
                tgt = ["foo", "bar"]
                v = ["1.0", "2.0"]
              }
              target = tgt
              args = { VERSION = v }
            }
            """);
    assertThat(def.targets())
        .containsOnlyKeys("app-foo-1-0", "app-bar-1-0", "app-foo-2-0", "app-bar-2-0");
    assertThat(def.groups().get("app").targets()).hasSize(4);
    BakeTarget t = def.targets().get("app-bar-2-0");
    assertThat(t.target()).isEqualTo("bar");
    assertThat(t.args()).containsEntry("VERSION", "2.0");
    assertThat(t.matrixOrigin()).isEqualTo("app");
    assertThat(def.resolveTargets(List.of("app"))).hasSize(4);
  }

  @Test
  void groupsNestAndTheDefaultGroupIsUsedWhenNothingIsRequested() {
    BakeDefinition def =
        ok(
            """
            group "default" { targets = ["all"] }
            group "all" { targets = ["a", "inner"] }
            group "inner" { targets = ["b", "a"] }
            target "a" {}
            target "b" {}
            target "c" {}
            """);
    assertThat(def.resolveTargets(List.of())).containsExactly("a", "b");
    assertThat(def.resolveTargets(List.of("c", "inner"))).containsExactly("c", "b", "a");
  }

  @Test
  void unknownTargetInGroupIsReported() {
    ParseResult<BakeDefinition> r = eval("group \"default\" {\n  targets = [\"nope\"]\n}\n");
    assertThat(r.diagnostics())
        .extracting(Diagnostic::toString)
        .containsExactly(
            "docker-bake.hcl:2:3: group \"default\" names \"nope\", which is neither a target nor a group [bake-unknown-target]");
  }

  @Test
  void contextsWithTargetReferencesAreDependencies() {
    BakeDefinition def =
        ok(
            """
            target "base" { dockerfile = "base.Dockerfile" }
            target "app" {
              contexts = { base = "target:base", src = "../src", empty = "" }
            }
            """);
    BakeTarget app = def.targets().get("app");
    assertThat(app.targetDependencies()).containsExactly("base");
    assertThat(app.contexts()).containsOnlyKeys("base", "src");
  }

  @Test
  void cacheAndOutputAcceptStringsAndObjects() {
    BakeTarget t =
        ok("""
            target "app" {
              cache-from = ["type=registry,ref=user/app:cache", {type = "gha", scope = "x"}]
              cache-to = ["type=gha,mode=max"]
              output = ["type=image,push=true", "type=registry"]
              secret = ["id=aws,src=$HOME/.aws/credentials"]
              ssh = ["default"]
            }
            """)
            .targets()
            .get("app");
    assertThat(t.cacheFrom())
        .containsExactly(
            Map.of("type", "registry", "ref", "user/app:cache"),
            Map.of("type", "gha", "scope", "x"));
    assertThat(t.cacheTo()).containsExactly(Map.of("type", "gha", "mode", "max"));
    assertThat(t.push()).isTrue();
    assertThat(t.secret().get(0)).containsEntry("id", "aws");
    assertThat(t.ssh()).containsExactly(Map.of("id", "default"));
    BakeTarget s =
        ok("""
            target "s" {
              secret = ["type=env,id=token,src=GITHUB_TOKEN", "id=npmrc,source=.npmrc"]
              ssh = ["key=/k/a,/k/b"]
            }
            """)
            .targets()
            .get("s");
    assertThat(s.secret())
        .containsExactly(
            Map.of("id", "token", "env", "GITHUB_TOKEN"), Map.of("id", "npmrc", "src", ".npmrc"));
    assertThat(s.ssh()).containsExactly(Map.of("id", "key", "paths", "/k/a,/k/b"));
  }

  @Test
  void userFunctionsWithVariadicParams() {
    BakeTarget t =
        ok("""
            variable "REPO" { default = "user/app" }
            function "tag" {
              params = [name]
              variadic_param = rest
              result = "${REPO}:${name}${length(rest) > 0 ? "-${join("-", rest)}" : ""}"
            }
            target "app" { tags = [tag("v1"), tag("v1", "a", "b")] }
            """)
            .targets()
            .get("app");
    assertThat(t.tags()).containsExactly("user/app:v1", "user/app:v1-a-b");
  }

  @Test
  void laterFilesOverrideEarlierOnesAndJsonFilesWork() {
    SourceFile hcl =
        SourceFile.of(
            "docker-bake.hcl",
            """
            variable "TAG" { default = "latest" }
            target "app" {
              tags = ["app:${TAG}"]
              args = { A = "1" }
            }
            """);
    SourceFile json =
        SourceFile.of(
            "docker-bake.override.json",
            """
            {
              "variable": { "TAG": { "default": "from-json" } },
              "target": { "app": { "args": { "B": "${TAG}" }, "platforms": ["linux/arm64"] } }
            }
            """);
    ParseResult<BakeDefinition> r = BakeEvaluator.evaluate(List.of(hcl, json), Map.of());
    assertThat(r.diagnostics()).isEmpty();
    BakeTarget app = r.model().targets().get("app");
    assertThat(app.tags()).containsExactly("app:from-json");
    assertThat(app.args()).containsExactlyInAnyOrderEntriesOf(Map.of("A", "1", "B", "from-json"));
    assertThat(app.platforms()).containsExactly("linux/arm64");
  }

  @Test
  void globalAttributesSetVariables() {
    SourceFile main =
        SourceFile.of(
            "docker-bake.hcl",
            "variable \"FOO\" { default = \"abc\" }\ntarget \"app\" { args = { v1 = \"pre-${FOO}\" } }\n");
    SourceFile env = SourceFile.of("env.hcl", "WHOAMI = \"myuser\"\nFOO = \"def-${WHOAMI}\"\n");
    ParseResult<BakeDefinition> r = BakeEvaluator.evaluate(List.of(main, env), Map.of());
    assertThat(r.diagnostics()).isEmpty();
    assertThat(r.model().targets().get("app").args()).containsEntry("v1", "pre-def-myuser");
  }

  @Test
  void builtinVariables() {
    BakeTarget t =
        ok("target \"app\" {\n  context = BAKE_CMD_CONTEXT\n  platforms = [BAKE_LOCAL_PLATFORM]\n}\n")
            .targets()
            .get("app");
    assertThat(t.context()).isEqualTo(".");
    assertThat(t.platforms()).containsExactly("linux/amd64");
  }

  @Test
  void printMatchesBuildxShape() {
    BakeDefinition def =
        ok("target \"app\" {\n  args = { A = 1 }\n  cache-to = [\"type=gha\"]\n}\n");
    assertThat(BakePrint.toJson(def, List.of("app")).replaceAll("\\s+", ""))
        .isEqualTo(
            "{\"group\":{\"default\":{\"targets\":[\"app\"]}},\"target\":{\"app\":{\"context\":\".\",\"dockerfile\":\"Dockerfile\",\"args\":{\"A\":\"1\"},\"cache-to\":[{\"type\":\"gha\"}]}}}");
  }

  @Test
  void targetAttributesCanBeReferencedFromOtherTargets() {
    BakeDefinition def =
        ok(
            """
            target "app" {
              tags = ["${target.base.args.REPO}:latest"]
              platforms = target.base.platforms
            }
            target "base" {
              inherits = ["common"]
              args = { REPO = "user/app" }
            }
            target "common" { platforms = ["linux/arm64"] }
            """);
    BakeTarget app = def.targets().get("app");
    assertThat(app.tags()).containsExactly("user/app:latest");
    assertThat(app.platforms()).containsExactly("linux/arm64");
    ParseResult<BakeDefinition> cycle =
        eval(
            "target \"a\" {\n  tags = target.b.tags\n}\ntarget \"b\" {\n  tags = target.a.tags\n}\n");
    assertThat(cycle.diagnostics()).extracting(Diagnostic::code).contains("bake-target-cycle");
  }

  @Test
  void matrixWithoutNameKeepsTheBlockName() {
    BakeDefinition def =
        ok("target \"default\" {\n  matrix = { dummy = [\"\"] }\n  tags = [\"a${dummy}\"]\n}\n");
    assertThat(def.targets().get("default").tags()).containsExactly("a");
  }

  @Test
  void timestampAndUuidAreReproducible() {
    String hcl = "target \"app\" {\n  args = { T = timestamp(), U = uuidv4() }\n}\n";
    Map<String, String> env = Map.of("SOURCE_DATE_EPOCH", "1445385600");
    BakeTarget a = ok(hcl, env).targets().get("app");
    BakeTarget b = ok(hcl, env).targets().get("app");
    assertThat(a.args().get("T")).isEqualTo("2015-10-21T00:00:00Z");
    assertThat(a.args().get("U"))
        .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    assertThat(a.args()).isEqualTo(b.args());
  }

  @Test
  void printGroupsFollowBuildxReadTargets() {
    BakeDefinition def =
        ok(
            """
            target "webDEP" { args = { VAR_INHERITED = "webDEP" } }
            target "webapp" {
              inherits = ["webDEP"]
              dockerfile = "Dockerfile.webapp"
            }
            """);
    assertThat(BakePrint.toTree(def, List.of("webapp", "webDEP")).path("group").toString())
        .isEqualTo("{\"default\":{\"targets\":[\"webDEP\",\"webapp\"]}}");
    assertThat(def.unknownNames(List.of())).containsExactly("default");
    assertThat(def.unknownNames(List.of("webapp", "nope"))).containsExactly("nope");
    assertThat(def.targets().get("webapp").args()).containsEntry("VAR_INHERITED", "webDEP");
  }
}
