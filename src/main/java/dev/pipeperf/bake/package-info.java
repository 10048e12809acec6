/**
 * docker buildx bake: {@link dev.pipeperf.bake.BakeEvaluator} evaluates {@code docker-bake.hcl} and
 * {@code docker-bake.json} files into a {@link dev.pipeperf.bake.BakeDefinition} of {@link
 * dev.pipeperf.bake.BakeTarget}s and {@link dev.pipeperf.bake.BakeGroup}s with buildx's semantics
 * (variables and environment overrides, functions, inheritance, matrices, groups), and {@link
 * dev.pipeperf.bake.BakePrint} renders it as {@code docker buildx bake --print} does. The evaluator
 * keeps variables and targets (they refer to each other); one class per other concern: {@code
 * UserFunctions} ({@code function} blocks), {@code MatrixCombinations}, {@code TargetDraft}
 * (buildx's merge rules), {@code TargetConversion} (typed attributes), {@code BakeGroups}, {@code
 * TargetLinks} ({@code target:} context checks). The HCL language itself lives in {@code
 * dev.pipeperf.bake.hcl}.
 */
package dev.pipeperf.bake;
