package dev.pipeperf.dockerfile;

import java.util.List;
import java.util.Locale;

/**
 * BuildKit's {@code Node.Dump()}: the s-expression form its parser tests compare against, e.g.
 * {@code (copy ["--from=build"] "/out" "/app")}. Reproduced byte for byte so that BuildKit's own
 * test files tell us whether we parse as it does.
 */
public final class Dump {

  private Dump() {}

  /** The dump of a whole file: one line per instruction, without a final newline. */
  public static String of(Dockerfile dockerfile) {
    return of(dockerfile.instructions());
  }

  /** The dump of a root node holding these instructions, as BuildKit prints it. */
  public static String of(List<Instruction> instructions) {
    StringBuilder out = new StringBuilder();
    for (Instruction i : instructions) {
      out.append('(').append(node(i.node())).append(")\n");
    }
    return GoText.trimSpace(out.toString());
  }

  /** The dump of one node. */
  public static String node(AstNode node) {
    StringBuilder s = new StringBuilder(node.value().toLowerCase(Locale.ROOT));
    if (!node.flags().isEmpty()) {
      s.append(" [");
      for (int i = 0; i < node.flags().size(); i++) {
        if (i > 0) {
          s.append(' ');
        }
        s.append(GoText.quote(node.flags().get(i)));
      }
      s.append(']');
    }
    for (AstNode child : node.children()) {
      s.append('(').append(node(child)).append(")\n");
    }
    for (AstNode n : node.next()) {
      s.append(' ').append(n.children().isEmpty() ? GoText.quote(n.value()) : node(n));
    }
    return GoText.trimSpace(s.toString());
  }
}
