package dev.pipeperf.workspace;

import dev.pipeperf.bake.BakeDefinition;
import dev.pipeperf.bake.BakeTarget;
import dev.pipeperf.workflow.Job;
import dev.pipeperf.workflow.Step;
import dev.pipeperf.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

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
   * it; each with the names of the named contexts ({@code contexts = { rootfs = ... }}) its builds
   * supply, which its {@code FROM} and {@code --from} may use instead of an image or stage. Remote
   * and named build contexts ({@code https://}, {@code target:}) hold no file of this repository.
   */
  static Map<String, Set<String>> dockerfilesBuiltBy(Map<String, BakeDefinition> bakes) {
    Map<String, Set<String>> out = new TreeMap<>();
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
              out.computeIfAbsent(path, k -> new TreeSet<>()).addAll(t.contexts().keySet());
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
