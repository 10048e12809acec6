package dev.pipeperf.config;

/**
 * One entry under {@code rules:}: {@code PP004: off} or {@code PP015: {severity: low}}.
 *
 * @param enabled false for {@code off}
 * @param severity a severity word, or null to keep the rule's own
 */
public record RuleSetting(boolean enabled, String severity) {}
