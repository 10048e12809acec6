package dev.pipeperf.review;

import dev.pipeperf.analysis.AnalysisResult;
import dev.pipeperf.rules.Finding;
import dev.pipeperf.rules.Practice;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The files a review covered: every workflow, Dockerfile and bake file read, and every other file a
 * finding or a good practice points at (a manifest, a .dockerignore). The header's count is the
 * size of this list, so the two agree.
 */
public record KeyFiles(List<File> files) {

  /** One file with what was found in it. */
  public record File(String path, List<Practice> practices, List<Finding> findings) {}

  public static KeyFiles of(AnalysisResult result) {
    Map<String, File> files = new TreeMap<>();
    result.workspace().workflows().forEach(w -> file(files, w.path()));
    result.workspace().dockerfiles().keySet().forEach(p -> file(files, p));
    result.workspace().bakeFiles().keySet().forEach(p -> file(files, p));
    for (Finding f : result.rankedFindings()) {
      file(files, f.location().file()).findings().add(f);
    }
    for (Practice p : result.rules().practices()) {
      file(files, p.location().file()).practices().add(p);
    }
    List<File> out = new ArrayList<>();
    for (File f : files.values()) {
      out.add(new File(f.path(), List.copyOf(f.practices()), List.copyOf(f.findings())));
    }
    return new KeyFiles(out);
  }

  private static File file(Map<String, File> files, String path) {
    return files.computeIfAbsent(path, p -> new File(p, new ArrayList<>(), new ArrayList<>()));
  }
}
