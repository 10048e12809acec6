/** The command line (picocli): commands, options, exit codes. */
package dev.pipeperf.cli;
