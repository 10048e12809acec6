package dev.pipeperf.rules;

import dev.pipeperf.source.Location;
import dev.pipeperf.source.Severity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
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
   * Starts a finding at {@code location} (the line to change) with {@code message} (what is wrong,
   * one line, no trailing period); the builder takes the rest by name and {@link
   * FindingBuilder#report()} records it.
   */
  public FindingBuilder finding(Location location, String message) {
    return new FindingBuilder(location, message);
  }

  /** A finding being written: each part by name, so that two strings cannot swap places. */
  public final class FindingBuilder {
    private final Location location;
    private final String message;
    private String fix = "";
    private final List<TextEdit> edits = new ArrayList<>();
    private Remedy remedy = Remedy.NONE;
    private String workflow;
    private String subject = "";
    private double effortHours;
    private Severity atMost;

    private FindingBuilder(Location location, String message) {
      this.location = location;
      this.message = message;
    }

    /** What to write where, in the user's terms (may span lines). */
    public FindingBuilder fix(String text) {
      this.fix = text;
      return this;
    }

    /** The fix, or part of it, as an exact text edit. */
    public FindingBuilder edit(TextEdit edit) {
      edits.add(edit);
      return this;
    }

    /** The graph edits the fix amounts to: the saving is computed from them. */
    public FindingBuilder remedy(Remedy remedy) {
      this.remedy = remedy;
      return this;
    }

    /** The workflow the saving is measured on (none: every workflow). */
    public FindingBuilder workflow(String path) {
      this.workflow = path;
      return this;
    }

    /** What the finding is about (job id, stage name...): part of its fingerprint. */
    public FindingBuilder subject(String subject) {
      this.subject = subject;
      return this;
    }

    /** Hours this fix takes, when it differs from the rule's usual effort. */
    public FindingBuilder effortHours(double hours) {
      this.effortHours = hours;
      return this;
    }

    /** A lower severity than the rule's own (a warning among errors); never above the config's. */
    public FindingBuilder atMost(Severity severity) {
      this.atMost = severity;
      return this;
    }

    /** Records the finding. */
    public void report() {
      double hours =
          effortHours > 0
              ? effortHours
              : info.effortHours() > 0 ? info.effortHours() : info.effort().defaultHours();
      Remedy applied = info.savingOnly() && !remedy.isEmpty() ? remedy.onlyIfItSaves() : remedy;
      Severity shown = atMost != null && atMost.ordinal() > severity.ordinal() ? atMost : severity;
      findings.add(
          new Finding(
              info.id(),
              info.name(),
              shown,
              location,
              message,
              fix,
              info.effort(),
              hours,
              applied,
              workflow,
              dev.pipeperf.cost.Savings.NONE,
              fingerprint(info.id(), location.file(), subject),
              edits));
    }
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
            info.savingOnly() && !remedy.isEmpty() ? remedy.onlyIfItSaves() : remedy,
            workflow,
            dev.pipeperf.cost.Savings.NONE,
            fingerprint(info.id(), location.file(), subject)));
  }

  /**
   * As {@link #report}, at a lower severity than the rule's own (a warning among errors); never
   * above the configured severity.
   */
  public void reportAtMost(
      Severity at,
      Location location,
      String message,
      String fix,
      Remedy remedy,
      String workflow,
      String subject) {
    int before = findings.size();
    report(location, message, fix, remedy, workflow, subject);
    Finding f = findings.get(before);
    if (at.ordinal() > f.severity().ordinal()) {
      findings.set(
          before,
          new Finding(
              f.ruleId(),
              f.ruleName(),
              at,
              f.location(),
              f.message(),
              f.fix(),
              f.effort(),
              f.effortHours(),
              f.remedy(),
              f.workflow(),
              f.saving(),
              f.fingerprint()));
    }
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
