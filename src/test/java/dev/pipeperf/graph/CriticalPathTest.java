package dev.pipeperf.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.pipeperf.estimate.DurationRange;
import dev.pipeperf.estimate.Estimate;
import dev.pipeperf.estimate.Provenance;
import dev.pipeperf.source.Location;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The engine on hand-made DAGs, where the answers can be worked out on paper. */
class CriticalPathTest {

  /** A tiny DAG builder: nodes named by one letter, durations in seconds. */
  static final class Dag {
    final List<Node> nodes = new ArrayList<>();
    final List<Edge> edges = new ArrayList<>();

    Dag node(String id, double low, double high) {
      nodes.add(
          new Node(
              nodes.size(),
              id,
              "w.yml",
              null,
              id,
              new Location("w.yml", 1, 1),
              new Subject.Join(id),
              Estimate.of(new DurationRange(low, high), Provenance.CONFIG, "test")));
      return this;
    }

    Dag node(String id, double seconds) {
      return node(id, seconds, seconds);
    }

    Dag edge(String from, String to) {
      edges.add(new Edge(index(from), index(to), Edge.Kind.NEEDS));
      return this;
    }

    int index(String id) {
      return nodes.stream().filter(n -> n.id().equals(id)).findFirst().orElseThrow().index();
    }

    PipelineGraph graph() {
      return new PipelineGraph(
          nodes,
          edges,
          List.of(),
          List.of(new PipelineGraph.WorkflowEntry("w.yml", "W", List.of("push"))));
    }
  }

  /** a(2) → b(3) → d(1); a → c(5) → d: the path through c is critical, b has 2 s slack. */
  static Dag diamond() {
    return new Dag()
        .node("a", 2)
        .node("b", 3)
        .node("c", 5)
        .node("d", 1)
        .edge("a", "b")
        .edge("a", "c")
        .edge("b", "d")
        .edge("c", "d");
  }

  static List<String> ids(PipelineGraph g, CriticalPath cp) {
    return cp.path("w.yml").nodes().stream().map(i -> g.node(i).id()).toList();
  }

  @Test
  void longestPathSlackAndParallelismOnADiamond() {
    Dag dag = diamond();
    PipelineGraph g = dag.graph();
    CriticalPath cp = CriticalPath.of(g);
    assertThat(cp.path("w.yml").length()).isEqualTo(DurationRange.ofSeconds(8));
    assertThat(ids(g, cp)).containsExactly("a", "c", "d");
    assertThat(cp.slack(dag.index("b"))).isEqualTo(DurationRange.ofSeconds(2));
    assertThat(cp.slack(dag.index("c"))).isEqualTo(DurationRange.ZERO);
    assertThat(cp.earliestStart(dag.index("d"))).isEqualTo(DurationRange.ofSeconds(7));
    assertThat(cp.path("w.yml").parallelism()).isCloseTo(11.0 / 8, within(1e-9));
    assertThat(cp.isCritical(dag.index("b"))).isFalse();
  }

  @Test
  void rangesAreComputedBoundByBound() {
    // Low bounds: a+b = 4 < c = 5, so c is critical; high bounds: a+b = 12 > 5.
    Dag dag = new Dag().node("a", 1, 2).node("b", 3, 10).node("c", 5, 5).edge("a", "b");
    CriticalPath cp = CriticalPath.of(dag.graph());
    assertThat(cp.path("w.yml").length()).isEqualTo(DurationRange.ofSeconds(5, 12));
    assertThat(ids(dag.graph(), cp)).containsExactly("a", "b");
  }

  @Test
  void removingTheCriticalNodeMovesThePath() {
    PipelineGraph g = diamond().graph();
    CriticalPath after =
        CriticalPath.of(g, Scenario.apply(g, List.of(new GraphEdit.RemoveNode("c"))));
    assertThat(after.path("w.yml").length()).isEqualTo(DurationRange.ofSeconds(6));
    assertThat(ids(after.graph(), after)).containsExactly("a", "b", "d");
    // The original graph is untouched.
    assertThat(CriticalPath.of(g).path("w.yml").length()).isEqualTo(DurationRange.ofSeconds(8));
  }

  @Test
  void changingADurationAndRemovingAnEdge() {
    PipelineGraph g = diamond().graph();
    CriticalPath shorter =
        CriticalPath.of(
            g,
            Scenario.apply(
                g, List.of(new GraphEdit.ChangeDuration("c", DurationRange.ofSeconds(1, 4)))));
    assertThat(shorter.path("w.yml").length()).isEqualTo(DurationRange.ofSeconds(6, 7));
    CriticalPath cut =
        CriticalPath.of(g, Scenario.apply(g, List.of(new GraphEdit.RemoveEdge("c", "d"))));
    // d now waits only for b (ends at 6); c still runs until 7 and ends the workflow.
    assertThat(cut.path("w.yml").length()).isEqualTo(DurationRange.ofSeconds(7));
    assertThat(cut.earliestStart(2 + 1)).isEqualTo(DurationRange.ofSeconds(5));
  }

  @Test
  void splittingIntoShardsDividesTheWorkAndAddsOverhead() {
    PipelineGraph g = diamond().graph();
    Scenario s =
        Scenario.apply(
            g, List.of(new GraphEdit.SplitIntoShards("c", 2, DurationRange.ofSeconds(0.5, 1))));
    CriticalPath cp = CriticalPath.of(g, s);
    // c becomes 5/2 + [0.5, 1] = [3, 3.5]; b (3) and c now tie on the low bound.
    assertThat(cp.path("w.yml").length()).isEqualTo(DurationRange.ofSeconds(6, 6.5));
  }

  @Test
  void anEmptyGraphHasAZeroPath() {
    CriticalPath cp = CriticalPath.of(new Dag().graph());
    assertThat(cp.path("w.yml").length()).isEqualTo(DurationRange.ZERO);
    assertThat(cp.path("w.yml").nodes()).isEmpty();
  }

  @Test
  void aLongChainIsLinear() {
    Dag dag = new Dag();
    int n = 200_000;
    for (int i = 0; i < n; i++) {
      dag.nodes.add(
          new Node(
              i,
              "n" + i,
              "w.yml",
              null,
              "n",
              new Location("w.yml", 1, 1),
              new Subject.Join("n"),
              Estimate.of(DurationRange.ofSeconds(1), Provenance.CONFIG, "t")));
      if (i > 0) {
        dag.edges.add(new Edge(i - 1, i, Edge.Kind.STEP_ORDER));
      }
    }
    CriticalPath cp = CriticalPath.of(dag.graph());
    assertThat(cp.path("w.yml").length()).isEqualTo(DurationRange.ofSeconds(n));
  }
}
