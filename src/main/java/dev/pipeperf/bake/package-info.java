/**
 * docker buildx bake: {@link dev.pipeperf.bake.BakeEvaluator} evaluates {@code docker-bake.hcl} and
 * {@code docker-bake.json} files into a {@link dev.pipeperf.bake.BakeDefinition} of {@link
 * dev.pipeperf.bake.BakeTarget}s and {@link dev.pipeperf.bake.BakeGroup}s with buildx's semantics
 * (variables and environment overrides, functions, inheritance, matrices, groups), and {@link
 * dev.pipeperf.bake.BakePrint} renders it as {@code docker buildx bake --print} does. The HCL
 * language itself lives in {@code dev.pipeperf.bake.hcl}.
 */
package dev.pipeperf.bake;
