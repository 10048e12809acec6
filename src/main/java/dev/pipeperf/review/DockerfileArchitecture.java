package dev.pipeperf.review;

import dev.pipeperf.analysis.AnalysisResult;
import dev.pipeperf.dockerfile.Dockerfile;
import dev.pipeperf.rules.Finding;
import dev.pipeperf.rules.docker.DuplicatedDockerfilesRule;
import java.util.ArrayList;
import java.util.List;

/**
 * The repository's Dockerfiles as an architecture: each file's lines, stages and the share of its
 * instructions another file repeats, and what one multi-stage Dockerfile would hold instead (the
 * duplicated-dockerfiles finding's proposal).
 *
 * @param proposedLines lines once every repeated instruction lives in one shared stage
 * @param duplicates the duplicated-dockerfiles findings (empty: no merge proposed)
 */
public record DockerfileArchitecture(
    List<File> files, int totalLines, int proposedLines, List<Finding> duplicates) {

  /**
   * One Dockerfile.
   *
   * @param sharedShare the largest share of its instructions found in order in another file
   */
  public record File(String path, int lines, int instructions, int stages, double sharedShare) {}

  public static DockerfileArchitecture of(AnalysisResult result) {
    List<Dockerfile> dfs = new ArrayList<>(result.workspace().dockerfiles().values());
    List<List<String>> norm = dfs.stream().map(DuplicatedDockerfilesRule::normalise).toList();
    List<File> files = new ArrayList<>();
    int total = 0;
    int repeated = 0;
    for (int a = 0; a < dfs.size(); a++) {
      Dockerfile df = dfs.get(a);
      int size = norm.get(a).size();
      int best = 0;
      int bestEarlier = 0;
      for (int b = 0; b < dfs.size(); b++) {
        if (b != a && size > 0 && !norm.get(b).isEmpty()) {
          int l = DuplicatedDockerfilesRule.lcs(norm.get(a), norm.get(b));
          best = Math.max(best, l);
          if (b < a) {
            bestEarlier = Math.max(bestEarlier, l);
          }
        }
      }
      int lines =
          df.instructions().isEmpty()
              ? 0
              : df.instructions().get(df.instructions().size() - 1).endLine();
      total += lines;
      // Instructions an earlier file already holds would live once in the shared stage.
      repeated += size == 0 ? 0 : (int) Math.round((double) bestEarlier / size * lines);
      files.add(
          new File(
              df.path(), lines, size, df.stages().size(), size == 0 ? 0 : (double) best / size));
    }
    List<Finding> dups =
        result.rankedFindings().stream()
            .filter(f -> f.ruleName().equals("duplicated-dockerfiles"))
            .toList();
    return new DockerfileArchitecture(
        files, total, dups.isEmpty() ? total : total - repeated, dups);
  }
}
