package dev.pipeperf.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipeperf.cost.Savings;
import dev.pipeperf.rules.Effort;
import dev.pipeperf.rules.Finding;
import dev.pipeperf.rules.Remedy;
import dev.pipeperf.source.Location;
import dev.pipeperf.source.Severity;
import org.junit.jupiter.api.Test;

class GithubRendererTest {

  static Finding finding(Severity severity, Location location, String message) {
    return new Finding(
        "PP001",
        "redundant-retag-job",
        severity,
        location,
        message,
        "line one\nline two",
        Effort.LOW,
        1,
        Remedy.NONE,
        null,
        Savings.NONE,
        "abc");
  }

  @Test
  void severityPicksTheCommandAndEveryPositionIsAProperty() {
    assertThat(
            GithubRenderer.command(
                finding(Severity.HIGH, new Location(".github/workflows/t.yml", 131, 3), "m")))
        .isEqualTo(
            "::error file=.github/workflows/t.yml,line=131,col=3,title=PP001 redundant-retag-job"
                + "::m%0AFix: line one%0Aline two");
    assertThat(GithubRenderer.command(finding(Severity.BLOCKER, new Location("a", 1, 0), "m")))
        .startsWith("::error file=a,line=1,title=");
    assertThat(GithubRenderer.command(finding(Severity.MEDIUM, new Location("a", 1, 1), "m")))
        .startsWith("::warning ");
    assertThat(GithubRenderer.command(finding(Severity.LOW, Location.ofFile("a"), "m")))
        .startsWith("::notice file=a,title=");
    assertThat(GithubRenderer.command(finding(Severity.INFO, Location.ofFile("a"), "m")))
        .startsWith("::notice ");
  }

  @Test
  void escapesAsTheRunnerExpects() {
    assertThat(GithubRenderer.data("100% done\r\nnext")).isEqualTo("100%25 done%0D%0Anext");
    assertThat(GithubRenderer.property("a:b,c%\n")).isEqualTo("a%3Ab%2Cc%25%0A");
    String line =
        GithubRenderer.command(
            finding(Severity.HIGH, new Location("dir,x/a:b.yml", 2, 1), "50%: a, b"));
    assertThat(line).startsWith("::error file=dir%2Cx/a%3Ab.yml,line=2,col=1,");
    assertThat(line).contains("::50%25: a, b%0AFix:");
  }

  @Test
  void oneWriterForEveryAnnotation() {
    assertThat(GithubRenderer.annotation("notice", null, 0, 0, "t", "m"))
        .isEqualTo("::notice title=t::m");
    assertThat(GithubRenderer.annotation("error", "a", 0, 7, null, "m"))
        .isEqualTo("::error file=a::m");
    assertThat(GithubRenderer.annotation("warning", "a", 3, 0, "x,y", "m"))
        .isEqualTo("::warning file=a,line=3,title=x%2Cy::m");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> GithubRenderer.annotation("debug", "a", 1, 1, "t", "m"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
