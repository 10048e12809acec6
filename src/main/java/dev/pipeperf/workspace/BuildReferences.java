package dev.pipeperf.workspace;

import dev.pipeperf.bake.BakeDefinition;
import dev.pipeperf.bake.BakeTarget;
import dev.pipeperf.workflow.Job;
import dev.pipeperf.workflow.Step;
import dev.pipeperf.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The files that workflows name as what they build, so discovery reads them too (spec §2). */
final class BuildReferences {

  private BuildReferences() {}

  static List<String> dockerfilesNamedBy(List<Workflow> workflows) {
    List<String> out = new ArrayList<>();
    for (Workflow w : workflows) {
      for (Job j : w.jobs()) {
        for (Step s : j.allSteps()) {
          for (BuildInvocation b : BuildInvocation.of(s)) {
            if (b.resolvable() && !Paths.escapesRoot(b.dockerfile())) {
              out.add(b.dockerfile());
            }
          }
        }
      }
    }
    return out;
  }

  /**
   * The Dockerfiles that bake targets build, by folder of their bake files: the target's {@code
   * dockerfile} (default {@code Dockerfile}) relative to its {@code context}, as buildx resolves
   * it. Remote and named contexts ({@code https://}, {@code target:}) hold no file of this
   * repository.
   */
  static List<String> dockerfilesNamedBy(Map<String, BakeDefinition> bakes) {
    List<String> out = new ArrayList<>();
    bakes.forEach(
        (dir, def) -> {
          for (BakeTarget t : def.targets().values()) {
            if (t.dockerfileInline() != null) {
              continue;
            }
            String context = t.context() == null ? "." : t.context();
            String file = t.dockerfile() == null ? "Dockerfile" : t.dockerfile();
            if (context.contains("://")
                || context.startsWith("target:")
                || context.contains("$")
                || file.contains("$")
                || file.startsWith("/")
                || file.contains("://")) {
              continue;
            }
            String path = Paths.join(Paths.join(dir, context), file);
            if (!Paths.escapesRoot(path)) {
              out.add(path);
            }
          }
        });
    return out;
  }

  static List<String> bakeFilesNamedBy(List<Workflow> workflows) {
    List<String> out = new ArrayList<>();
    for (Workflow w : workflows) {
      for (Job j : w.jobs()) {
        for (Step s : j.allSteps()) {
          for (BuildInvocation b : BuildInvocation.of(s)) {
            for (String f : b.bakeFiles()) {
              if (!f.contains("$") && !Paths.escapesRoot(f)) {
                out.add(Paths.join(b.context() == null ? "" : b.context(), f));
              }
            }
          }
        }
      }
    }
    return out;
  }
}
