package dev.pipeperf.workflow;

import dev.pipeperf.source.Location;
import java.util.List;

/**
 * {@code runs-on:}: labels (a string or a list), or {@code group}/{@code labels}, possibly holding
 * expressions such as {@code ${{ matrix.os }}}.
 */
public record RunsOn(List<String> labels, String group, Location location) {

  public RunsOn {
    labels = List.copyOf(labels);
  }

  public boolean isSelfHosted() {
    return labels.stream().anyMatch(l -> l.equalsIgnoreCase("self-hosted"));
  }

  public boolean hasExpression() {
    return labels.stream().anyMatch(Expressions::containsExpression);
  }

  /** The labels with matrix values put in, for one matrix instance. */
  public RunsOn forInstance(MatrixInstance instance) {
    if (instance == null || !hasExpression()) {
      return this;
    }
    return new RunsOn(labels.stream().map(instance::substitute).toList(), group, location);
  }

  @Override
  public String toString() {
    return group != null ? "group " + group : String.join(", ", labels);
  }
}
