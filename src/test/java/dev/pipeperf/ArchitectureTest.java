package dev.pipeperf;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Data flows one way — files → models → workspace → estimates → graph → cost → report → gate → cli
 * — and dependencies only point backwards along it.
 */
class ArchitectureTest {

  static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.pipeperf");

  @Test
  void layersOnlyDependBackwards() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .withOptionalLayers(true)
        .layer("source")
        .definedBy("dev.pipeperf.source..")
        .layer("parsers")
        .definedBy(
            "dev.pipeperf.workflow..",
            "dev.pipeperf.dockerfile..",
            "dev.pipeperf.bake..",
            "dev.pipeperf.shell..")
        .layer("config")
        .definedBy("dev.pipeperf.config..")
        .layer("workspace")
        .definedBy("dev.pipeperf.workspace..")
        .layer("estimate")
        .definedBy("dev.pipeperf.estimate..")
        .layer("graph")
        .definedBy("dev.pipeperf.graph..")
        .layer("cost")
        .definedBy("dev.pipeperf.cost..")
        .layer("rules")
        .definedBy("dev.pipeperf.rules..")
        .layer("analysis")
        .definedBy("dev.pipeperf.analysis..", "dev.pipeperf")
        .layer("review")
        .definedBy("dev.pipeperf.review..")
        .layer("report")
        .definedBy("dev.pipeperf.report..")
        .layer("gate")
        .definedBy("dev.pipeperf.gate..")
        .layer("cli")
        .definedBy("dev.pipeperf.cli..")
        .whereLayer("cli")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("gate")
        .mayOnlyBeAccessedByLayers("cli")
        .whereLayer("report")
        .mayOnlyBeAccessedByLayers("gate", "cli")
        .whereLayer("review")
        .mayOnlyBeAccessedByLayers("report", "gate", "cli")
        .whereLayer("analysis")
        .mayOnlyBeAccessedByLayers("review", "report", "gate", "cli")
        .whereLayer("rules")
        .mayOnlyBeAccessedByLayers("analysis", "review", "report", "gate", "cli")
        .whereLayer("cost")
        .mayOnlyBeAccessedByLayers("rules", "analysis", "review", "report", "gate", "cli")
        .whereLayer("graph")
        .mayOnlyBeAccessedByLayers("cost", "rules", "analysis", "review", "report", "gate", "cli")
        .whereLayer("estimate")
        .mayOnlyBeAccessedByLayers(
            "graph", "cost", "rules", "analysis", "review", "report", "gate", "cli")
        .whereLayer("workspace")
        .mayOnlyBeAccessedByLayers(
            "estimate", "graph", "cost", "rules", "analysis", "review", "report", "gate", "cli")
        .whereLayer("config")
        .mayOnlyBeAccessedByLayers(
            "workspace",
            "estimate",
            "graph",
            "cost",
            "rules",
            "analysis",
            "review",
            "report",
            "gate",
            "cli")
        .whereLayer("parsers")
        .mayOnlyBeAccessedByLayers(
            "config",
            "workspace",
            "estimate",
            "graph",
            "cost",
            "rules",
            "analysis",
            "review",
            "report",
            "gate",
            "cli")
        .check(CLASSES);
  }

  @Test
  void onlyTheCliAndReportsPrint() {
    noClasses()
        .that()
        .resideOutsideOfPackages("dev.pipeperf.cli..", "dev.pipeperf.report..")
        .should()
        .accessField(System.class, "out")
        .orShould()
        .accessField(System.class, "err")
        .check(CLASSES);
  }

  @Test
  void nothingCallsSystemExitButMain() {
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName("dev.pipeperf.cli.Main")
        .should()
        .callMethod(System.class, "exit", int.class)
        .check(CLASSES);
  }
}
