// pipeperf side of the expanded-graph cross-check. Single-file source program:
//
//   java -cp target/pipeperf.jar tools/crosscheck/PipeperfGraph.java < repos.txt
//
// For each repository folder (one per line on stdin), runs the whole analysis and prints one JSON
// line per workflow of the graph: {repo, file, jobs: {jobPath: instances}, edges: ["a>b"]}, where
// jobPath is `caller/job` for called jobs and an edge is a job-level `needs` (through calls and
// matrix joins), as pipeperf times it.

import dev.pipeperf.analysis.AnalysisResult;
import dev.pipeperf.analysis.Analyzer;
import dev.pipeperf.graph.JobInstance;
import dev.pipeperf.graph.PipelineGraph;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

public class PipeperfGraph {

  public static void main(String[] args) throws Exception {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line; (line = in.readLine()) != null; ) {
      if (line.isBlank()) {
        continue;
      }
      String repo = line.strip();
      AnalysisResult r = Analyzer.analyze(Analyzer.Options.of(Path.of(repo)));
      PipelineGraph g = r.graph();
      Map<String, Map<String, Integer>> jobs = new LinkedHashMap<>();
      Map<String, TreeSet<String>> edges = new LinkedHashMap<>();
      for (PipelineGraph.WorkflowEntry w : g.workflows()) {
        jobs.put(w.path(), new TreeMap<>());
        edges.put(w.path(), new TreeSet<>());
      }
      for (PipelineGraph.JobSpan s : g.jobs()) {
        JobInstance j = s.job();
        jobs.computeIfAbsent(j.workflow(), k -> new TreeMap<>()).merge(j.jobPath(), 1, Integer::sum);
        for (JobInstance u : g.upstreamJobs(j)) {
          edges.computeIfAbsent(j.workflow(), k -> new TreeSet<>()).add(u.jobPath() + ">" + j.jobPath());
        }
      }
      for (String file : jobs.keySet()) {
        StringBuilder sb = new StringBuilder("{\"repo\":").append(str(repo));
        sb.append(",\"file\":").append(str(file)).append(",\"jobs\":{");
        String sep = "";
        for (Map.Entry<String, Integer> e : jobs.get(file).entrySet()) {
          sb.append(sep).append(str(e.getKey())).append(':').append(e.getValue());
          sep = ",";
        }
        sb.append("},\"edges\":[");
        sep = "";
        for (String e : edges.get(file)) {
          sb.append(sep).append(str(e));
          sep = ",";
        }
        System.out.println(sb.append("]}"));
      }
    }
  }

  static String str(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }
}
