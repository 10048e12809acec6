/**
 * HCL2 native syntax, as hashicorp/hcl's hclsyntax specifies it: {@link
 * dev.pipeperf.bake.hcl.Lexer} (tokens with positions, templates and heredocs), {@link
 * dev.pipeperf.bake.hcl.Parser} (bodies and the sealed {@link dev.pipeperf.bake.hcl.Expression}
 * family), {@link dev.pipeperf.bake.hcl.Evaluator} (cty-like {@link dev.pipeperf.bake.hcl.Value}s,
 * bounded in depth and steps) and {@link dev.pipeperf.bake.hcl.Stdlib} (the functions buildx
 * offers, one family per class as go-cty's {@code function/stdlib} files: {@code NumberFunctions},
 * {@code StringFunctions}, {@code CollectionFunctions}, {@code EncodingFunctions}, {@code
 * DateTimeFunctions}, on {@code FunctionFamily}). {@link dev.pipeperf.bake.hcl.JsonSyntax} reads
 * HCL's JSON syntax into the same bodies.
 */
package dev.pipeperf.bake.hcl;
