/**
 * What every parser shares: a repository file's text ({@link dev.pipeperf.source.SourceFile}),
 * positions in it ({@link dev.pipeperf.source.Location}) and the problems found in it ({@link
 * dev.pipeperf.source.Diagnostic}).
 */
package dev.pipeperf.source;
