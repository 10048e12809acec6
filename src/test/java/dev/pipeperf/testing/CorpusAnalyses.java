package dev.pipeperf.testing;

import dev.pipeperf.analysis.AnalysisResult;
import dev.pipeperf.analysis.Analyzer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * The analysis of every repository of {@code ../shared/corpus/real} with default options, computed
 * once per test JVM and shared: several tests judge the same 34 analyses (rule reach, the labelled
 * benchmark, verdict coherence), and analysing them again for each would cost minutes on a shared
 * machine. {@link AnalysisResult} is immutable, so sharing it cannot couple the tests.
 */
public final class CorpusAnalyses {

  private static Map<String, AnalysisResult> real;

  private CorpusAnalyses() {}

  /**
   * Every real repository's analysis by folder name, sorted by name; skips the calling test (like
   * {@link Corpus#require}) when the corpus is absent.
   */
  public static synchronized Map<String, AnalysisResult> real() {
    Path root = Corpus.require("real");
    if (real == null) {
      real = analyseAll(root);
    }
    return real;
  }

  private static Map<String, AnalysisResult> analyseAll(Path root) {
    List<Path> repos;
    try (Stream<Path> s = Files.list(root)) {
      repos = s.filter(Files::isDirectory).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // One repository per core: the corpus is the slowest thing these tests read.
    ExecutorService pool =
        Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()));
    try {
      List<Future<AnalysisResult>> futures = new ArrayList<>();
      for (Path repo : repos) {
        futures.add(pool.submit(() -> Analyzer.analyze(Analyzer.Options.of(repo))));
      }
      Map<String, AnalysisResult> out = new LinkedHashMap<>();
      for (int i = 0; i < repos.size(); i++) {
        out.put(repos.get(i).getFileName().toString(), futures.get(i).get());
      }
      return java.util.Collections.unmodifiableMap(out);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while analysing the real corpus", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("analysing the real corpus failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }
}
