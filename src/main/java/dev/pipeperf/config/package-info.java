/** {@code .pipeperf.yml}: the settings a team gives pipeperf, read strictly. */
package dev.pipeperf.config;
