/**
 * Just enough shell: splitting a script into commands ({@link dev.pipeperf.shell.ShellCommands})
 * and spotting package installs and downloads in it ({@link dev.pipeperf.shell.PackageInstalls}),
 * for Dockerfile {@code RUN}s and workflow {@code run:} steps alike.
 */
package dev.pipeperf.shell;
