package dev.pipeperf.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.pipeperf.analysis.Analyzer;
import dev.pipeperf.cost.Savings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Savings on small hand-made repositories with known durations: what each rule's remedy does to the
 * critical path and to the bill. The config sets 210 runs a month for the workflow.
 */
class RuleSavingsTest {

  static final double RUNS = 210;

  @TempDir Path root;

  private Savings saving(String id, String workflow, String durations) throws IOException {
    Path dir = Files.createDirectories(root.resolve(".github/workflows"));
    Files.writeString(dir.resolve("ci.yml"), workflow);
    Files.writeString(root.resolve(".pipeperf.yml"), "runsPerMonth:\n  ci.yml: 210\n" + durations);
    var rules = Analyzer.analyze(Analyzer.Options.of(root)).rules();
    var findings =
        java.util.stream.Stream.concat(rules.findings().stream(), rules.alsoConsider().stream())
            .filter(f -> f.ruleId().equals(id))
            .toList();
    assertThat(findings).as(id + " findings").hasSize(1);
    return findings.get(0).saving();
  }

  @Test
  void removingATrailingRetagJobSavesItsWholeDuration() throws IOException {
    Savings s =
        saving(
            "PP001",
            """
            on: [push]
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - uses: docker/build-push-action@v6
                    with: {push: true, tags: "ghcr.io/acme/app:build"}
              test:
                needs: build
                runs-on: ubuntu-latest
                steps:
                  - run: docker run --rm ghcr.io/acme/app:build pytest
              retag:
                needs: test
                runs-on: ubuntu-latest
                steps:
                  - run: docker buildx imagetools create -t ghcr.io/acme/app:latest ghcr.io/acme/app:build
            """,
            "durations:\n  jobs:\n    build: 5m\n    test: 10m\n    retag: 5m\n");
    assertThat(s.criticalPathPerRun().low()).isEqualTo(300);
    assertThat(s.criticalPathPerRun().high()).isEqualTo(300);
    // The job's 5 billed minutes, every run.
    assertThat(s.billableMinutes().low()).isCloseTo(5 * RUNS, within(1e-6));
    assertThat(s.billableMinutes().high()).isCloseTo(5 * RUNS, within(1e-6));
  }

  @Test
  void splittingATestSuiteShortensTheRunAndRaisesTheBill() throws IOException {
    Savings s =
        saving(
            "PP009",
            """
            on: [push]
            jobs:
              test:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v4
                  - name: Run tests
                    run: pytest tests/
            """,
            "durations:\n  steps:\n    test/Run tests: 12m\n");
    // Two shards of 6 minutes, each with 10-30 s of collection and start-up.
    assertThat(s.criticalPathPerRun().low()).isCloseTo(360 - 30, within(1.0));
    assertThat(s.criticalPathPerRun().high()).isCloseTo(360 - 10, within(1.0));
    // The second shard bills its own runner: the bill's "saving" is negative.
    assertThat(s.billableMinutes().low()).isNegative();
    assertThat(s.billableMinutes().high()).isNegative();
  }

  @Test
  void cancellingSupersededRunsSavesBillNotTime() throws IOException {
    Savings s =
        saving(
            "PP014",
            """
            on: [pull_request]
            jobs:
              test:
                runs-on: ubuntu-latest
                timeout-minutes: 30
                steps:
                  - run: make test
            """,
            "durations:\n  jobs:\n    test: 10m\n");
    assertThat(s.criticalPathPerRun().isZero()).isTrue();
    assertThat(s.developerHours().high()).isZero();
    // 15% of 210 runs avoided, 10 billed minutes each.
    assertThat(s.billableMinutes().low()).isCloseTo(0.15 * RUNS * 10, within(1e-6));
    assertThat(s.billableMinutes().high()).isCloseTo(0.15 * RUNS * 10, within(1e-6));
  }

  @Test
  void aWarmDependencyCacheKeepsFortyPercentOfTheInstall() throws IOException {
    // The cache key hashes the lock file: without one, `cache: pip` fails the step (no finding).
    Files.writeString(root.resolve("requirements.txt"), "pytest\n");
    Savings s =
        saving(
            "PP013",
            """
            on: [push]
            jobs:
              test:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/setup-python@v5
                    with: {python-version: "3.12"}
                  - name: install
                    run: pip install -r requirements.txt
            """,
            "durations:\n  steps:\n    test/install: 5m\n");
    assertThat(s.criticalPathPerRun().low()).isCloseTo(180, within(1e-6));
    assertThat(s.criticalPathPerRun().high()).isCloseTo(180, within(1e-6));
  }

  @Test
  void droppingANeedlessEdgeSavesTheShorterJob() throws IOException {
    Savings s =
        saving(
            "PP011",
            """
            on: [push]
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - run: make build
              lint:
                needs: build
                runs-on: ubuntu-latest
                steps:
                  - run: make lint
            """,
            "durations:\n  jobs:\n    build: 5m\n    lint: 2m\n");
    // 7 minutes in a row become 5 side by side; the bill does not change.
    assertThat(s.criticalPathPerRun().low()).isEqualTo(120);
    assertThat(s.criticalPathPerRun().high()).isEqualTo(120);
    assertThat(s.billableMinutes().low()).isZero();
    assertThat(s.billableMinutes().high()).isZero();
  }

  @Test
  void aMissingTimeoutSavesNothingOnANormalRun() throws IOException {
    Savings s =
        saving(
            "PP015",
            """
            on: [push]
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - run: make build
            """,
            "");
    assertThat(s).isEqualTo(Savings.NONE);
  }

  @Test
  void movingChecksToTheirOwnJobSavesTheirTimeAndBillsASecondSetUp() throws IOException {
    Savings s =
        saving(
            "PP018",
            """
            on: [push]
            jobs:
              ci:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v4
                  - name: lint
                    run: ruff check .
                  - name: types
                    run: mypy src
                  - name: tests
                    run: pytest
            """,
            "durations:\n  steps:\n    ci/lint: 1m\n    ci/types: 3m\n    ci/tests: 10m\n");
    // The 4 minutes of checks leave the critical path...
    assertThat(s.criticalPathPerRun().low()).isCloseTo(240, within(1e-6));
    assertThat(s.criticalPathPerRun().high()).isCloseTo(240, within(1e-6));
    // ...and the new job bills them again, with a runner start-up and a checkout of its own.
    assertThat(s.billableMinutes().low()).isNegative();
    assertThat(s.billableMinutes().high()).isNotPositive();
  }

  @Test
  void sendingFromTheProducingJobSavesTheRelayJob() throws IOException {
    Savings s =
        saving(
            "PP019",
            """
            on: [push]
            jobs:
              test:
                runs-on: ubuntu-latest
                steps:
                  - run: pytest --cov --cov-report=xml
                  - uses: actions/upload-artifact@v4
                    with: {name: coverage, path: coverage.xml}
              coverage:
                needs: test
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/download-artifact@v4
                    with: {name: coverage}
                  - uses: codecov/codecov-action@v5
            """,
            "durations:\n  jobs:\n    test: 10m\n    coverage: 2m\n");
    // The relay job's 2 minutes leave the run, less the upload that moves into test.
    assertThat(s.criticalPathPerRun().high()).isPositive().isLessThanOrEqualTo(120);
    assertThat(s.billableMinutes().high()).isPositive();
  }
}
