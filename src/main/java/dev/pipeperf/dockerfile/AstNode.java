package dev.pipeperf.dockerfile;

import java.util.List;

/**
 * One node of BuildKit's parse tree ({@code parser.Node}), kept beside our model so that {@link
 * Dump} can print exactly what BuildKit prints. BuildKit chains argument nodes through {@code
 * Next}; we keep that chain as the list {@code next}, so that a thousand-port {@code EXPOSE} does
 * not turn into a thousand-deep recursion.
 *
 * @param value the keyword as written (instruction nodes) or one argument
 * @param flags the raw {@code --flag=value} words, only on instruction nodes
 * @param children sub-instructions: only the {@code ONBUILD} argument node has one
 * @param next the argument nodes, in order
 */
public record AstNode(
    String value, List<String> flags, List<AstNode> children, List<AstNode> next) {

  public AstNode {
    flags = List.copyOf(flags);
    children = List.copyOf(children);
    next = List.copyOf(next);
  }

  static AstNode leaf(String value) {
    return new AstNode(value, List.of(), List.of(), List.of());
  }
}
