package dev.pipeperf.workspace;

import dev.pipeperf.workflow.Job;
import dev.pipeperf.workflow.Step;
import dev.pipeperf.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;

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
