package dev.pipeperf.workflow;

import dev.pipeperf.source.Location;
import java.util.List;

/**
 * A job's matrix, expanded to its instances the way GitHub does (cartesian product of the axes,
 * minus {@code exclude}, plus {@code include}).
 *
 * @param axes the axis names, in file order
 * @param instances the expanded instances; one empty instance when the matrix is dynamic
 * @param dynamic true when the matrix (or an axis) is an expression, so its size is unknown here
 */
public record Matrix(
    List<String> axes, List<MatrixInstance> instances, boolean dynamic, Location location) {

  /** GitHub's limit of jobs a matrix may generate per workflow run. */
  public static final int MAX_INSTANCES = 256;

  public Matrix {
    axes = List.copyOf(axes);
    instances = List.copyOf(instances);
  }
}
