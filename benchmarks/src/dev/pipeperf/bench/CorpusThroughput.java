package dev.pipeperf.bench;

import dev.pipeperf.analysis.AnalysisResult;
import dev.pipeperf.analysis.Analyzer;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Whole-corpus throughput: pipeperf's full analysis of every repository under a corpus folder
 * (discovery, workflows, local actions, Dockerfiles, bake files, graph, schedule, cost) against the floor of this design, SnakeYAML composing the same YAML files to node
 * trees and nothing else. Both read the files from disk. Rounds alternate the two so that machine
 * noise hits both alike; the ratio of medians is printed, never compared with a fixed time.
 *
 * <p>Usage: {@code CorpusThroughput <corpus-dir> [warmup-rounds] [measured-rounds]}
 */
public final class CorpusThroughput {

  private CorpusThroughput() {}

  public static void main(String[] args) throws IOException {
    Path corpus = Path.of(args[0]);
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 15;
    List<Path> repos;
    try (Stream<Path> s = Files.list(corpus)) {
      repos = s.filter(Files::isDirectory).sorted().toList();
    }
    List<Path> yaml = new ArrayList<>();
    int workflows = 0;
    int bakeFiles = 0;
    int dockerfiles = 0;
    int nodes = 0;
    for (Path repo : repos) {
      AnalysisResult r = Analyzer.analyze(Analyzer.Options.of(repo));
      workflows += r.workspace().workflows().size();
      dockerfiles += r.workspace().dockerfiles().size();
      nodes += r.graph().nodes().size();
      for (String p : r.workspace().sources().keySet()) {
        if (p.endsWith(".yml") || p.endsWith(".yaml")) {
          yaml.add(repo.resolve(p));
        }
      }
      bakeFiles += r.workspace().bakeFiles().size();
    }
    long yamlBytes = 0;
    for (Path p : yaml) {
      yamlBytes += Files.size(p);
    }
    System.out.printf(
        "corpus: %d repositories, %d workflows, %d Dockerfiles, %d bake files, %d graph nodes;"
            + " %d YAML files (%d KiB) read by pipeperf%n",
        repos.size(), workflows, dockerfiles, bakeFiles, nodes, yaml.size(), yamlBytes / 1024);

    long[] analyze = new long[rounds];
    long[] compose = new long[rounds];
    long sink = 0;
    for (int i = -warmup; i < rounds; i++) {
      long t0 = System.nanoTime();
      for (Path repo : repos) {
        sink += Analyzer.analyze(Analyzer.Options.of(repo)).graph().nodes().size();
      }
      long t1 = System.nanoTime();
      for (Path p : yaml) {
        sink += composeOnly(p);
      }
      long t3 = System.nanoTime();
      if (i >= 0) {
        analyze[i] = t1 - t0;
        compose[i] = t3 - t1;
      }
    }
    long a = median(analyze);
    long c = median(compose);
    System.out.printf(
        "median of %d rounds after %d warm-up: analyze %.1f ms, SnakeYAML compose-only %.1f ms"
            + " (sink %d)%n",
        rounds, warmup, a / 1e6, c / 1e6, sink % 10);
    System.out.printf(
        "RATIO throughput: analyze / compose-only = %.2f  (target <= 2)%n", (double) a / c);
  }

  private static int composeOnly(Path p) {
    try {
      LoaderOptions options = new LoaderOptions();
      options.setMaxAliasesForCollections(1000);
      Yaml yaml = new Yaml(options);
      int n = 0;
      for (Node node : yaml.composeAll(new StringReader(Files.readString(p)))) {
        n += node.getStartMark().getLine();
      }
      return n;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  private static long median(long[] xs) {
    long[] s = xs.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }
}
