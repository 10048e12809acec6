/** Discovery: finds and reads a repository's workflows, local actions and configuration. */
package dev.pipeperf.workspace;
