package dev.pipeperf.workflow;

import dev.pipeperf.source.Location;
import java.util.List;

/**
 * A local action's {@code action.yml}: its kind ({@code composite}, {@code docker}, {@code
 * node20}...) and, for composite actions, its steps.
 */
public record ActionDefinition(
    String path, String name, String using, String image, Location location, List<Step> steps) {

  public ActionDefinition {
    steps = List.copyOf(steps);
  }

  public boolean isComposite() {
    return "composite".equalsIgnoreCase(using);
  }
}
