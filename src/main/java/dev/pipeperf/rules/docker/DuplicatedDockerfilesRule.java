package dev.pipeperf.rules.docker;

import dev.pipeperf.dockerfile.Dockerfile;
import dev.pipeperf.dockerfile.Instruction;
import dev.pipeperf.rules.AnalysisView;
import dev.pipeperf.rules.Effort;
import dev.pipeperf.rules.Remedy;
import dev.pipeperf.rules.Rule;
import dev.pipeperf.rules.RuleContext;
import dev.pipeperf.rules.RuleInfo;
import dev.pipeperf.rules.TestFixtures;
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
      if (group.stream().allMatch(i -> TestFixtures.isFixture(files.get(i).path()))) {
        continue; // test inputs of a parser or builder: alike on purpose, never built together
      }
      Instruction firstInstruction = first.instructions().get(0);
      ctx.report(
          firstInstruction.location(),
          group.size()
              + " Dockerfiles share at least "
              + Math.round(simMin * 100)
              + "% of their instructions: "
              + first.path()
              + ", "
              + String.join(", ", details),
          fixText(
              group.stream().map(files::get).toList(),
              group.stream().map(normalised::get).toList(),
              !view.workspace().bakeFiles().isEmpty()),
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

  /**
   * The merge written for these files: the shared leading instructions (with their line range in
   * the first file), one stage per file named after it, and how to build a stage with what the
   * repository already uses (bake targets only when it has a bake file).
   */
  static String fixText(List<Dockerfile> group, List<List<String>> normalised, boolean bake) {
    Dockerfile first = group.get(0);
    int prefix = normalised.get(0).size();
    for (List<String> other : normalised) {
      int k = 0;
      while (k < Math.min(prefix, other.size()) && other.get(k).equals(normalised.get(0).get(k))) {
        k++;
      }
      prefix = k;
    }
    List<String> stages = new ArrayList<>();
    for (Dockerfile df : group) {
      String name = stageName(df.path());
      while (stages.contains(name)) {
        name = name + "-" + (stages.size() + 1);
      }
      stages.add(name);
    }
    StringBuilder fix = new StringBuilder("Merge them into one multi-stage Dockerfile: ");
    if (prefix > 0) {
      fix.append("a `base` stage with the ")
          .append(prefix)
          .append(" instructions they all start with (lines 1–")
          .append(first.instructions().get(prefix - 1).endLine())
          .append(" of ")
          .append(first.path())
          .append(")");
    } else {
      fix.append(
          "a `base` stage with the instructions they share (they differ from the first line,"
              + " so check the merge keeps each image's own order)");
    }
    fix.append(", then one small stage per image (")
        .append(String.join(", ", stages.stream().map(n -> "`FROM base AS " + n + "`").toList()))
        .append("), each built with ");
    String one = stages.get(0);
    fix.append(
        bake
            ? "`target = \"" + one + "\"` in its docker-bake.hcl target"
            : "`docker build --target "
                + one
                + "` (or `target: "
                + one
                + "` in build-push-action)");
    fix.append("; delete the copies.");
    return fix.toString();
  }

  /**
   * A stage name from a Dockerfile's path: {@code celery.Dockerfile} → celery, {@code
   * web/Dockerfile} → web.
   */
  static String stageName(String path) {
    String file = path.substring(path.lastIndexOf('/') + 1);
    String lower = file.toLowerCase(Locale.ROOT);
    String name;
    if (lower.endsWith(".dockerfile") || lower.endsWith(".containerfile")) {
      name = file.substring(0, file.lastIndexOf('.'));
    } else if (lower.matches("(dockerfile|containerfile)[._-].+")) {
      name =
          file.substring(lower.indexOf("file") + 5); // Dockerfile.web, Dockerfile_test → web, test
    } else {
      int slash = path.lastIndexOf('/');
      String dir = slash < 0 ? "" : path.substring(0, slash);
      name = dir.isEmpty() ? "app" : dir.substring(dir.lastIndexOf('/') + 1);
    }
    name = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]+", "-").replaceAll("^-+|-+$", "");
    return name.isEmpty() ? "app" : name;
  }
}
