package dev.pipeperf.rules;

import dev.pipeperf.source.Severity;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A rule's metadata: its stable id ({@code PP001}), kebab-case name, default severity, the effort
 * of its fix and a one-line summary. {@code pipeperf rules}, {@code explain}, SARIF and the docs
 * all come from this plus the rule's explanation file ({@code rules/PP001.md}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleInfo {
  String id();

  String name();

  Severity severity();

  Effort effort();

  /** Hours the fix usually takes; 0 = the effort's default. */
  double effortHours() default 0;

  String summary();

  /**
   * True for a rule whose finding is worth nothing but its saving (a needless edge, a parallel
   * split): the engine then reports it only when its computed saving is worth acting on (30 s of
   * critical path per run or a billable minute a month, on its own or once the other fixes are in).
   */
  boolean savingOnly() default false;
}
