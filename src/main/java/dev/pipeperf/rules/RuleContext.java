package dev.pipeperf.rules;

import dev.pipeperf.source.Location;
import dev.pipeperf.source.Severity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** What a rule reports through: findings (with their fix and remedy) and good practices. */
public final class RuleContext {

  private final RuleInfo info;
  private final Severity severity;
  private final AnalysisView view;
  private final List<Finding> findings;
  private final List<Practice> practices;

  RuleContext(
      RuleInfo info,
      Severity severity,
      AnalysisView view,
      List<Finding> findings,
      List<Practice> practices) {
    this.info = info;
    this.severity = severity;
    this.view = view;
    this.findings = findings;
    this.practices = practices;
  }

  public AnalysisView view() {
    return view;
  }

  /**
   * Reports a finding.
   *
   * @param location where it is: the line to change
   * @param message what is wrong, one line, no trailing period
   * @param fix what to write where
   * @param remedy the graph edits the fix amounts to (its saving is computed from them)
   * @param workflow the workflow the saving is measured on, or null
   * @param subject what the finding is about (job id, stage name...): part of its fingerprint
   */
  public void report(
      Location location,
      String message,
      String fix,
      Remedy remedy,
      String workflow,
      String subject) {
    report(location, message, fix, remedy, workflow, subject, 0);
  }

  /** As {@link #report}, with the effort in hours for this finding. */
  public void report(
      Location location,
      String message,
      String fix,
      Remedy remedy,
      String workflow,
      String subject,
      double effortHours) {
    double hours =
        effortHours > 0
            ? effortHours
            : info.effortHours() > 0 ? info.effortHours() : info.effort().defaultHours();
    findings.add(
        new Finding(
            info.id(),
            info.name(),
            severity,
            location,
            message,
            fix,
            info.effort(),
            hours,
            remedy,
            workflow,
            dev.pipeperf.cost.Savings.NONE,
            fingerprint(info.id(), location.file(), subject)));
  }

  /** Records a good practice already in place. */
  public void practice(String id, Location location, String what) {
    practices.add(new Practice(id, location, what));
  }

  static String fingerprint(String ruleId, String file, String subject) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] h =
          md.digest(
              (ruleId + "\u0000" + file + "\u0000" + subject).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
