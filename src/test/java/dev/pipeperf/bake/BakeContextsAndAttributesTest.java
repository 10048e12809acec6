package dev.pipeperf.bake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipeperf.source.Diagnostic;
import dev.pipeperf.source.ParseResult;
import dev.pipeperf.source.SourceFile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, item 5 on the bake side: every attribute of buildx's current {@code Target} is accepted
 * ({@code resources} included, checked and printed as {@code --print} prints it), and linked
 * targets ({@code target:} contexts) build before the targets that use them.
 */
class BakeContextsAndAttributesTest {

  private static ParseResult<BakeDefinition> eval(String hcl) {
    return BakeEvaluator.evaluate(SourceFile.of("docker-bake.hcl", hcl), Map.of());
  }

  @Test
  void everyAttributeOfBuildxTargetIsKnown() {
    // The fields of buildx's bake.Target (bake/bake.go at 461836ba), by their hcl names.
    List<String> buildx =
        List.of(
            "description",
            "inherits",
            "annotations",
            "attest",
            "context",
            "contexts",
            "dockerfile",
            "dockerfile-inline",
            "args",
            "labels",
            "tags",
            "cache-from",
            "cache-to",
            "target",
            "secret",
            "ssh",
            "platforms",
            "output",
            "pull",
            "no-cache",
            "network",
            "no-cache-filter",
            "shm-size",
            "ulimits",
            "resources",
            "call",
            "entitlements",
            "extra-hosts",
            "policy");
    assertThat(BakeEvaluator.TARGET_ATTRIBUTES).containsAll(buildx);
  }

  @Test
  void resourcesAreAcceptedMergedAndPrintedAsBuildxPrintsThem() {
    ParseResult<BakeDefinition> r =
        eval(
            """
            target "base" {
              resources = { memory = "2g", cpu-quota = 50000 }
            }
            target "default" {
              inherits = ["base"]
              resources = {
                memory-swap = "4g"
                cpuset-cpus = "0-1"
              }
            }
            """);
    assertThat(r.diagnostics()).isEmpty();
    BakeTarget t = r.model().targets().get("default");
    assertThat(t.resources())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "memory", "2g", "memory-swap", "4g", "cpu-quota", "50000", "cpuset-cpus", "0-1"));
    assertThat(BakePrint.toTree(r.model(), List.of()).get("target").get("default").get("resources"))
        .hasToString(
            "{\"memory\":\"2g\",\"memory-swap\":\"4g\",\"cpu-quota\":50000,\"cpuset-cpus\":\"0-1\"}");
  }

  @Test
  void unknownResourceKeysAndNonNumericCpuValuesAreErrors() {
    ParseResult<BakeDefinition> r =
        eval(
            """
            target "default" {
              resources = { memory = "1g", gpus = 2, cpu-shares = "lots" }
            }
            """);
    assertThat(r.diagnostics())
        .extracting(Diagnostic::message)
        .anySatisfy(m -> assertThat(m).contains("unsupported resources key \"gpus\""))
        .anySatisfy(m -> assertThat(m).contains("resources.cpu-shares must be a whole number"));
    assertThat(r.model().targets().get("default").resources()).containsOnlyKeys("memory");
  }

  @Test
  void linkedTargetsBuildFirstAndOnlyOnce() {
    ParseResult<BakeDefinition> r =
        eval(
            """
            group "default" { targets = ["image", "tools"] }
            target "rootfs" {
              contexts = { base = "target:base" }
            }
            target "base" {}
            target "image" {
              contexts = { rootfs = "target:rootfs", alpine = "docker-image://alpine:3.20" }
            }
            target "tools" {
              context = "target:base"
            }
            """);
    assertThat(r.diagnostics()).isEmpty();
    BakeDefinition def = r.model();
    assertThat(def.resolveTargets(List.of())).containsExactly("image", "tools");
    assertThat(def.buildOrder(List.of())).containsExactly("base", "rootfs", "image", "tools");
    assertThat(def.buildOrder(List.of("tools"))).containsExactly("base", "tools");
  }

  @Test
  void aLoopOfLinksIsReportedAndCutInTheBuildOrder() {
    ParseResult<BakeDefinition> r =
        eval(
            """
            target "a" { contexts = { b = "target:b" } }
            target "b" { contexts = { a = "target:a" } }
            """);
    assertThat(r.diagnostics()).extracting(Diagnostic::message).isNotEmpty();
    assertThat(r.model().buildOrder(List.of("a"))).containsExactly("b", "a");
  }

  @Test
  void noDefaultGroupOrTargetIsAnUnknownName() {
    ParseResult<BakeDefinition> r = eval("target \"app\" {}\n");
    assertThat(r.model().unknownNames(List.of())).containsExactly("default");
    assertThat(r.model().buildOrder(List.of())).isEmpty();
  }
}
