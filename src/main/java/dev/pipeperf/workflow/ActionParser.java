package dev.pipeperf.workflow;

import dev.pipeperf.source.Diagnostic;
import dev.pipeperf.source.ParseResult;
import dev.pipeperf.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads a local action's {@code action.yml}: its {@code runs.using} and composite steps. */
public final class ActionParser {

  private ActionParser() {}

  public static ParseResult<ActionDefinition> parse(SourceFile file) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    YamlTree yaml = new YamlTree(file, diagnostics);
    try {
      Node root = yaml.compose();
      if (!(root instanceof MappingNode)) {
        if (root != null) {
          yaml.error(root, "not-an-action", "an action.yml must be a mapping with runs:");
        }
        return ParseResult.failed(diagnostics);
      }
      Map<String, NodeTuple> top = yaml.mapping(root);
      NodeTuple runs = top.get("runs");
      if (runs == null || !(runs.getValueNode() instanceof MappingNode)) {
        yaml.error(root, "not-an-action", "an action.yml needs a runs: mapping");
        return ParseResult.failed(diagnostics);
      }
      Map<String, NodeTuple> r = yaml.mapping(runs.getValueNode());
      String using =
          r.containsKey("using") ? yaml.scalar(r.get("using").getValueNode(), "runs.using") : null;
      String image =
          r.containsKey("image") ? yaml.scalar(r.get("image").getValueNode(), "runs.image") : null;
      String name =
          top.containsKey("name") ? yaml.scalar(top.get("name").getValueNode(), "name") : null;
      List<Step> steps = new ArrayList<>();
      if (r.get("steps") != null && r.get("steps").getValueNode() instanceof SequenceNode seq) {
        WorkflowParser stepParser = new WorkflowParser(file, diagnostics);
        int i = 0;
        for (Node n : seq.getValue()) {
          if (n instanceof MappingNode) {
            Step s = stepParser.step(n, i, "(composite action)", 0);
            if (s != null) {
              steps.add(s);
              i++;
            }
          }
        }
      }
      return ParseResult.of(
          new ActionDefinition(file.path(), name, using, image, yaml.at(root), steps), diagnostics);
    } catch (YamlTree.BoundExceeded e) {
      yaml.error(e.node, "yaml-too-large", "YAML value too large or deep to analyse (alias bomb?)");
      return ParseResult.failed(diagnostics);
    }
  }
}
