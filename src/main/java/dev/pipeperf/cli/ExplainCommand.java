package dev.pipeperf.cli;

import dev.pipeperf.rules.RuleCatalog;
import dev.pipeperf.rules.RuleInfo;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code pipeperf explain ID|NAME}: one rule's metadata and explanation (why it matters, how it is
 * detected, how to fix, an example, how to silence it). The markdown form is the rule's page in
 * {@code docs/rules/}.
 */
@Command(
    name = "explain",
    description = "Explains a rule: why it matters, what it detects, how to fix it, an example.",
    mixinStandardHelpOptions = true)
final class ExplainCommand implements Callable<Integer> {

  @ParentCommand Main main;

  @Parameters(
      index = "0",
      paramLabel = "RULE",
      description = "A rule id (PP001) or name (redundant-retag-job).")
  String rule;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  RulesCommand.Format format = RulesCommand.Format.text;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write to FILE instead of standard output.")
  java.nio.file.Path output;

  @Override
  public Integer call() {
    RuleCatalog.Entry entry =
        RuleCatalog.entry(rule.trim())
            .orElseThrow(() -> new UserError("no rule " + rule + " (see pipeperf rules)"));
    main.write(
        output,
        out -> {
          switch (format) {
            case text -> text(entry, out);
            case json -> RulesCommand.json(java.util.List.of(entry), out, true);
            case markdown -> markdown(entry, out);
          }
          out.flush();
        });
    return ExitCodes.OK;
  }

  private static void text(RuleCatalog.Entry e, PrintWriter out) {
    RuleInfo i = e.info();
    out.println(i.id() + " " + i.name());
    out.println(
        "severity: "
            + i.severity().word()
            + "   effort: "
            + i.effort().word()
            + " (about "
            + RulesCommand.formatHours(RulesCommand.hours(i))
            + " h)");
    out.println(i.summary());
    String body = body(e);
    if (!body.isEmpty()) {
      out.println();
      out.print(body);
    }
  }

  private static void markdown(RuleCatalog.Entry e, PrintWriter out) {
    RuleInfo i = e.info();
    out.println("# " + i.id() + " " + i.name());
    out.println();
    out.println("> " + i.summary());
    out.println();
    out.println("| id | name | default severity | effort |");
    out.println("|---|---|---|---|");
    out.println(
        "| "
            + i.id()
            + " | "
            + i.name()
            + " | "
            + i.severity().word()
            + " | "
            + i.effort().word()
            + " (about "
            + RulesCommand.formatHours(RulesCommand.hours(i))
            + " h) |");
    String body = body(e);
    if (!body.isEmpty()) {
      out.println();
      out.print(body);
    }
  }

  /** The explanation without its title line (the header above says the same). */
  private static String body(RuleCatalog.Entry e) {
    String text = e.explanation().replace("\r\n", "\n");
    if (text.startsWith("# ")) {
      int nl = text.indexOf('\n');
      text = nl < 0 ? "" : text.substring(nl + 1);
    }
    text = text.strip();
    return text.isEmpty() ? "" : text + "\n";
  }
}
