/**
 * Dockerfiles: the model ({@link dev.pipeperf.dockerfile.Dockerfile}, {@link
 * dev.pipeperf.dockerfile.Stage}, {@link dev.pipeperf.dockerfile.Instruction}) and {@link
 * dev.pipeperf.dockerfile.DockerfileParser}, which follows BuildKit's parser to the byte ({@link
 * dev.pipeperf.dockerfile.Dump} reproduces its test output).
 */
package dev.pipeperf.dockerfile;
