package dev.pipeperf.bench;

import dev.pipeperf.AnalysisResult;
import dev.pipeperf.Analyzer;
import dev.pipeperf.bake.BakeEvaluator;
import dev.pipeperf.source.ParseResult;
import dev.pipeperf.source.SourceFile;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Whole-corpus throughput: pipeperf's full analysis of every repository under a corpus folder
 * (workflows, local actions, Dockerfiles, graph, schedule, cost; plus bake files through the bake
 * evaluator) against the floor of this design, SnakeYAML composing the same YAML files to node
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
    List<List<Path>> bakeFiles = new ArrayList<>();
    int workflows = 0;
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
      bakeFiles.add(bakeFilesOf(repo));
    }
    long yamlBytes = 0;
    for (Path p : yaml) {
      yamlBytes += Files.size(p);
    }
    int bakeCount = bakeFiles.stream().mapToInt(List::size).sum();
    System.out.printf(
        "corpus: %d repositories, %d workflows, %d Dockerfiles, %d bake files, %d graph nodes;"
            + " %d YAML files (%d KiB) read by pipeperf%n",
        repos.size(), workflows, dockerfiles, bakeCount, nodes, yaml.size(), yamlBytes / 1024);

    long[] analyze = new long[rounds];
    long[] bake = new long[rounds];
    long[] compose = new long[rounds];
    long sink = 0;
    for (int i = -warmup; i < rounds; i++) {
      long t0 = System.nanoTime();
      for (Path repo : repos) {
        sink += Analyzer.analyze(Analyzer.Options.of(repo)).graph().nodes().size();
      }
      long t1 = System.nanoTime();
      for (List<Path> files : bakeFiles) {
        sink += bakeAll(files);
      }
      long t2 = System.nanoTime();
      for (Path p : yaml) {
        sink += composeOnly(p);
      }
      long t3 = System.nanoTime();
      if (i >= 0) {
        analyze[i] = t1 - t0;
        bake[i] = t2 - t1;
        compose[i] = t3 - t2;
      }
    }
    long a = median(analyze);
    long b = median(bake);
    long c = median(compose);
    System.out.printf(
        "median of %d rounds after %d warm-up: analyze %.1f ms, bake evaluation %.1f ms,"
            + " SnakeYAML compose-only %.1f ms (sink %d)%n",
        rounds, warmup, a / 1e6, b / 1e6, c / 1e6, sink % 10);
    System.out.printf(
        "RATIO throughput: (analyze + bake) / compose-only = %.2f  (analyze alone %.2f; target <= 2)%n",
        (double) (a + b) / c, (double) a / c);
  }

  private static List<Path> bakeFilesOf(Path repo) throws IOException {
    try (Stream<Path> s = Files.walk(repo, 32)) {
      return s.filter(
              p -> {
                String n = p.getFileName().toString();
                return (n.endsWith(".hcl") || n.equals("docker-bake.json"))
                    && !p.toString().contains("/.git/")
                    && Files.isRegularFile(p);
              })
          .sorted()
          .toList();
    }
  }

  private static int bakeAll(List<Path> files) {
    int n = 0;
    for (Path f : files) {
      ParseResult<SourceFile> src = SourceFile.read(f, f.getFileName().toString());
      if (src.hasModel()) {
        n += BakeEvaluator.evaluate(List.of(src.model()), Map.of()).diagnostics().size();
      }
    }
    return n;
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
