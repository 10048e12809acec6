package dev.pipeperf.rules.workflow;

import dev.pipeperf.estimate.DurationRange;
import dev.pipeperf.graph.GraphEdit;
import dev.pipeperf.graph.JobInstance;
import dev.pipeperf.graph.Node;
import dev.pipeperf.rules.Effort;
import dev.pipeperf.rules.Remedy;
import dev.pipeperf.rules.Rule;
import dev.pipeperf.rules.RuleContext;
import dev.pipeperf.rules.RuleInfo;
import dev.pipeperf.rules.StepKinds;
import dev.pipeperf.shell.Command;
import dev.pipeperf.shell.ShellCommands;
import dev.pipeperf.source.Severity;
import dev.pipeperf.workflow.Job;
import dev.pipeperf.workflow.Step;
import dev.pipeperf.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;

/**
 * Every leg of a matrix job compiles the same tools from source ({@code cargo install}, {@code go
 * install tool@version}) in a step that does not depend on the matrix, and nothing caches them: the
 * same minutes of compiling, once per leg and once per run.
 */
@RuleInfo(
    id = "PP027",
    name = "repeated-tool-setup",
    severity = Severity.MEDIUM,
    effort = Effort.LOW,
    effortHours = 0.5,
    summary = "Every matrix leg compiles the same tools from source with no cache")
public final class RepeatedToolSetupRule implements Rule {

  /** One tool install: the ecosystem, the tool, its version (or null when unpinned). */
  private record ToolInstall(String kind, String tool, String version, int offset) {}

  @Override
  public void visitJob(Workflow w, Job job, RuleContext ctx) {
    List<JobInstance> legs = ctx.view().instances(w, job);
    if (legs.size() < 2 || !CacheIntent.cacheWouldPay(ctx, w, job)) {
      return;
    }
    for (Step s : job.allSteps()) {
      if (s.run() == null || perLeg(s)) {
        continue;
      }
      List<ToolInstall> tools = new ArrayList<>();
      for (ToolInstall t : installs(s.run())) {
        if (!cached(job, t.kind())) {
          tools.add(t);
        }
      }
      if (!tools.isEmpty()) {
        report(w, job, s, tools, legs, ctx);
      }
    }
  }

  private static void report(
      Workflow w,
      Job job,
      Step s,
      List<ToolInstall> tools,
      List<JobInstance> legs,
      RuleContext ctx) {
    String rest = withoutLines(s.run(), tools);
    DurationRange whole = ctx.view().estimator().script(s.run()).range();
    DurationRange left =
        ctx.view()
            .estimator()
            .script(rest)
            .range()
            .plus(ctx.view().estimator().action("actions/cache").range());
    double mid = (whole.low() + whole.high()) / 2;
    double factor = mid <= 0 ? 1 : Math.min(1, (left.low() + left.high()) / 2 / mid);
    List<GraphEdit> edits = new ArrayList<>();
    for (JobInstance ji : legs) {
      ctx.view()
          .stepNode(ji, s)
          .map(Node::id)
          .ifPresent(id -> edits.add(new GraphEdit.ScaleDuration(id, factor)));
    }
    if (factor >= 1 || edits.isEmpty()) {
      return;
    }
    List<String> names = tools.stream().map(t -> t.tool()).toList();
    ctx.report(
        s.runLocation() != null ? s.runLocation() : s.location(),
        "each of the "
            + legs.size()
            + " legs of job "
            + job.id()
            + " compiles "
            + String.join(", ", names)
            + " from source ("
            + tools.get(0).kind()
            + " install), the same in every leg, with no cache",
        fix(job, s, tools),
        Remedy.of(edits).onlyIfItSaves(),
        w.path(),
        job.id() + "/" + String.join("+", names));
  }

  private static String fix(Job job, Step s, List<ToolInstall> tools) {
    List<String> paths = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    List<String> unpinned = new ArrayList<>();
    for (ToolInstall t : tools) {
      String bin = t.tool().substring(t.tool().lastIndexOf('/') + 1);
      paths.add(t.kind().equals("cargo") ? "~/.cargo/bin/" + bin : "~/go/bin/" + bin);
      keys.add(bin + "-" + (t.version() == null ? "<version>" : t.version()));
      if (t.version() == null) {
        unpinned.add(t.tool());
      }
    }
    String id = "tools-cache";
    StringBuilder sb =
        new StringBuilder("In job ")
            .append(job.id())
            .append(", before ")
            .append(s.location())
            .append(" (\"")
            .append(s.displayName())
            .append("\"), restore the built tools, keyed on their versions:\n")
            .append("  - uses: actions/cache@v4\n")
            .append("    id: ")
            .append(id)
            .append("\n    with:\n      path: |\n");
    for (String p : paths) {
      sb.append("        ").append(p).append('\n');
    }
    sb.append("      key: ${{ runner.os }}-${{ runner.arch }}-")
        .append(String.join("-", keys))
        .append("\nand run the install only on a miss (")
        .append(
            s.ifCondition() == null
                ? "`if: steps." + id + ".outputs.cache-hit != 'true'`"
                : "`&& steps." + id + ".outputs.cache-hit != 'true'` at the end of its `if:`")
        .append("; move anything else the step does to a step of its own).");
    if (!unpinned.isEmpty()) {
      sb.append(" Pin ")
          .append(String.join(", ", unpinned))
          .append(" first (")
          .append(tools.get(0).kind().equals("cargo") ? "`--version X.Y.Z`" : "`@vX.Y.Z`")
          .append(") so the key names the version that is built.");
    }
    if (tools.stream().anyMatch(t -> t.kind().equals("cargo"))) {
      sb.append(
          " For crates that publish binaries, `taiki-e/install-action@v2` (`tool:` the crate at"
              + " its version) downloads them instead of compiling.");
    }
    return sb.toString();
  }

  /**
   * True when the step differs between legs: its script, condition or environment reads the matrix.
   */
  private static boolean perLeg(Step s) {
    if (s.run().contains("matrix.")
        || (s.ifCondition() != null && s.ifCondition().contains("matrix."))) {
      return true;
    }
    return s.env().values().stream().anyMatch(v -> v != null && v.contains("matrix."));
  }

  /**
   * The tools the script compiles from source: {@code cargo install CRATE}, {@code go install M@V}.
   */
  private static List<ToolInstall> installs(String script) {
    List<ToolInstall> out = new ArrayList<>();
    for (Command c : ShellCommands.split(script)) {
      List<String> inv = c.invocation();
      if (inv.size() < 3 || !inv.get(1).equals("install")) {
        continue;
      }
      List<String> args = inv.subList(2, inv.size());
      if (inv.get(0).equals("cargo")) {
        if (args.contains("--path") || args.contains("--git")) {
          continue;
        }
        String version = null;
        String crate = null;
        for (int i = 0; i < args.size(); i++) {
          String a = args.get(i);
          if (a.equals("--version") || a.equals("--vers")) {
            version = i + 1 < args.size() ? args.get(++i) : null;
          } else if (a.startsWith("--version=")) {
            version = a.substring("--version=".length());
          } else if (a.equals("--root")
              || a.equals("--target")
              || a.equals("--features")
              || a.equals("-F")
              || a.equals("--profile")
              || a.equals("-j")) {
            i++;
          } else if (!a.startsWith("-") && crate == null) {
            int at = a.indexOf('@');
            crate = at > 0 ? a.substring(0, at) : a;
            version = at > 0 ? a.substring(at + 1) : version;
          }
        }
        if (crate != null) {
          out.add(new ToolInstall("cargo", crate, version, c.offset()));
        }
      } else if (inv.get(0).equals("go")) {
        for (String a : args) {
          int at = a.indexOf('@');
          if (!a.startsWith("-") && at > 0) {
            String v = a.substring(at + 1);
            out.add(
                new ToolInstall(
                    "go", a.substring(0, at), v.equals("latest") ? null : v, c.offset()));
          }
        }
      }
    }
    return out;
  }

  /** The script without the lines that hold the installs. */
  private static String withoutLines(String script, List<ToolInstall> tools) {
    StringBuilder sb = new StringBuilder();
    int start = 0;
    for (String line : script.split("\n", -1)) {
      int end = start + line.length();
      int s0 = start;
      boolean install = tools.stream().anyMatch(t -> t.offset() >= s0 && t.offset() <= end);
      if (!install) {
        sb.append(line).append('\n');
      }
      start = end + 1;
    }
    return sb.toString();
  }

  /** True when the job caches what the install builds (or its set-up action does). */
  private static boolean cached(Job job, String kind) {
    for (Step s : job.allSteps()) {
      String a = StepKinds.action(s);
      if (a == null) {
        continue;
      }
      if (a.startsWith("actions/cache") || a.equals("buildjet/cache")) {
        return true;
      }
      if (kind.equals("cargo")
          && (a.endsWith("/rust-cache")
              || a.equals("actions-rust-lang/setup-rust-toolchain")
              || a.equals("moonrepo/setup-rust"))) {
        return true;
      }
      // setup-go caches the module and build caches by default (v4 on): a repeated go install
      // then only links.
      if (kind.equals("go")
          && a.equals("actions/setup-go")
          && !"false".equalsIgnoreCase(s.with().getOrDefault("cache", "true"))) {
        return true;
      }
    }
    return false;
  }
}
