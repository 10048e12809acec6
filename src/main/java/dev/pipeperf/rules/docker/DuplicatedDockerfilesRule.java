package dev.pipeperf.rules.docker;

import dev.pipeperf.dockerfile.Dockerfile;
import dev.pipeperf.dockerfile.Instruction;
import dev.pipeperf.rules.AnalysisView;
import dev.pipeperf.rules.Effort;
import dev.pipeperf.rules.Remedy;
import dev.pipeperf.rules.Rule;
import dev.pipeperf.rules.RuleContext;
import dev.pipeperf.rules.RuleInfo;
import dev.pipeperf.source.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Two or more Dockerfiles that share most of their instructions (for example four near-identical
 * Dockerfiles, 75% duplication): every change is made four times, and each build repeats the shared
 * layers. One multi-stage Dockerfile with a target per image shares them.
 */
@RuleInfo(
    id = "PP003",
    name = "duplicated-dockerfiles",
    severity = Severity.MEDIUM,
    effort = Effort.MEDIUM,
    effortHours = 8,
    summary = "Several Dockerfiles share most of their instructions")
public final class DuplicatedDockerfilesRule implements Rule {

  /** Share of instructions two files must have in common (2 × LCS ÷ both lengths). */
  static final double THRESHOLD = 0.6;

  static final int MIN_SHARED = 5;

  @Override
  public void finish(AnalysisView view, RuleContext ctx) {
    List<Dockerfile> files = new ArrayList<>(view.workspace().dockerfiles().values());
    List<List<String>> normalised =
        files.stream().map(DuplicatedDockerfilesRule::normalise).toList();
    int n = files.size();
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    double[][] sim = new double[n][n];
    int[][] shared = new int[n][n];
    for (int a = 0; a < n; a++) {
      for (int b = a + 1; b < n; b++) {
        if (normalised.get(a).size() < MIN_SHARED || normalised.get(b).size() < MIN_SHARED) {
          continue;
        }
        int lcs = lcs(normalised.get(a), normalised.get(b));
        double s = 2.0 * lcs / (normalised.get(a).size() + normalised.get(b).size());
        sim[a][b] = s;
        sim[b][a] = s;
        shared[a][b] = lcs;
        shared[b][a] = lcs;
        if (s >= THRESHOLD && lcs >= MIN_SHARED) {
          parent[find(parent, b)] = find(parent, a);
        }
      }
    }
    Map<Integer, List<Integer>> clusters = new java.util.LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      clusters.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(i);
    }
    for (List<Integer> group : clusters.values()) {
      if (group.size() < 2) {
        continue;
      }
      int a = group.get(0);
      Dockerfile first = files.get(a);
      List<String> details = new ArrayList<>();
      double simMin = 1;
      for (int b : group.subList(1, group.size())) {
        int closest = a;
        for (int c : group) {
          if (c != b && sim[b][c] > sim[b][closest]) {
            closest = c;
          }
        }
        simMin = Math.min(simMin, sim[b][closest]);
        details.add(
            files.get(b).path()
                + " ("
                + Math.round(sim[b][closest] * 100)
                + "% like "
                + files.get(closest).path()
                + ", "
                + shared[b][closest]
                + " instructions)");
      }
      Instruction firstInstruction = first.instructions().get(0);
      int lines = first.instructions().get(first.instructions().size() - 1).endLine();
      ctx.report(
          firstInstruction.location(),
          group.size()
              + " Dockerfiles share at least "
              + Math.round(simMin * 100)
              + "% of their instructions: "
              + first.path()
              + ", "
              + String.join(", ", details),
          "Merge them into one multi-stage Dockerfile: a `base` stage with the shared instructions (lines 1–"
              + lines
              + " of "
              + first.path()
              + " hold them), then one small stage per image (`FROM base AS web`,"
              + " `FROM base AS celery`, ...), built as targets (`target = \"web\"` in docker-bake.hcl, or"
              + " `--target`); delete the copies.",
          Remedy.NONE,
          null,
          String.join("|", group.stream().map(i -> files.get(i).path()).toList()));
    }
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  /** Instructions as comparable lines: keyword + arguments with whitespace folded. */
  public static List<String> normalise(Dockerfile df) {
    List<String> out = new ArrayList<>();
    for (Instruction i : df.instructions()) {
      String text = i.original().replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
      out.add(text);
    }
    return out;
  }

  public static int lcs(List<String> a, List<String> b) {
    int[] prev = new int[b.size() + 1];
    int[] cur = new int[b.size() + 1];
    for (int i = 1; i <= a.size(); i++) {
      for (int j = 1; j <= b.size(); j++) {
        cur[j] =
            a.get(i - 1).equals(b.get(j - 1)) ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.size()];
  }
}
