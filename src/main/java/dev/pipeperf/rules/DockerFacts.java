package dev.pipeperf.rules;

import dev.pipeperf.dockerfile.Dockerfile;
import dev.pipeperf.dockerfile.Instruction;
import dev.pipeperf.dockerfile.Stage;
import dev.pipeperf.estimate.docker.InstructionEstimate;
import dev.pipeperf.estimate.docker.StageEstimate;
import dev.pipeperf.graph.Node;
import dev.pipeperf.graph.Subject;
import dev.pipeperf.shell.PackageInstall;
import dev.pipeperf.shell.PackageInstalls;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** What Docker rules ask of Dockerfiles and of the graph's build nodes. */
public final class DockerFacts {

  private DockerFacts() {}

  /** Packages that only building needs: compilers, headers, build tools. */
  public static final Set<String> TOOLCHAIN =
      Set.of(
          "build-essential",
          "gcc",
          "g++",
          "make",
          "cmake",
          "autoconf",
          "automake",
          "libtool",
          "python3-dev",
          "python-dev",
          "pkg-config",
          "git",
          "cargo",
          "rustc",
          "golang",
          "golang-go",
          "default-jdk",
          "openjdk-17-jdk",
          "maven",
          "musl-dev",
          "libc-dev",
          "build-base",
          "alpine-sdk");

  /** Heavy packages a test image rarely needs: browsers, GPU stacks, TeX. */
  public static boolean isHeavyExtra(String pkg) {
    String p = bare(pkg);
    return p.startsWith("chromium")
        || p.startsWith("google-chrome")
        || p.startsWith("firefox")
        || p.startsWith("texlive")
        || p.startsWith("cuda")
        || p.startsWith("libcudnn")
        || p.equals("playwright")
        || p.equals("chromium-driver")
        || p.startsWith("nvidia-");
  }

  public static String bare(String pkg) {
    return pkg.split("[=<>~!@\\[;: ]", 2)[0].toLowerCase(Locale.ROOT);
  }

  /** System package installs (apt/apk/yum/dnf) of a RUN instruction. */
  public static List<PackageInstall> systemInstalls(Instruction i) {
    List<PackageInstall> out = new ArrayList<>();
    if (!i.isRun() || i.runCommand() == null) {
      return out;
    }
    for (PackageInstall p : PackageInstalls.find(i.runCommand())) {
      String m = p.manager().name();
      if (m.equals("APT") || m.equals("APK") || m.equals("YUM") || m.equals("DNF")) {
        out.add(p);
      }
    }
    return out;
  }

  /** Dependency installs that read lock or requirement files (pip -r, npm ci, poetry...). */
  public static boolean isDependencyInstall(Instruction i) {
    if (!i.isRun() || i.runCommand() == null) {
      return false;
    }
    for (PackageInstall p : PackageInstalls.find(i.runCommand())) {
      String m = p.manager().name();
      if (Set.of("NPM", "YARN", "PNPM", "POETRY", "UV", "GO", "CARGO", "BUNDLER").contains(m)
          && p.packages().isEmpty()) {
        return true;
      }
      if (m.equals("PIP") && p.packages().stream().anyMatch(x -> x.startsWith("-r"))) {
        return true;
      }
      if (m.equals("GEM") || m.equals("BUNDLER")) {
        return true;
      }
    }
    return false;
  }

  /** The graph's stage nodes that build a stage of this Dockerfile. */
  public static List<Node> stageNodes(AnalysisView view, Dockerfile df) {
    List<Node> out = new ArrayList<>();
    for (Node n : view.buildStages()) {
      if (n.subject() instanceof Subject.BuildStage bs
          && bs.build().dockerfile().equals(df.path())) {
        out.add(n);
      }
    }
    return out;
  }

  /** The stage estimate of a stage node. */
  public static StageEstimate estimate(Node stageNode) {
    return ((Subject.BuildStage) stageNode.subject()).stage();
  }

  /** The estimate of one instruction within a stage node's estimate. */
  public static InstructionEstimate instruction(Node stageNode, Instruction i) {
    for (InstructionEstimate ie : estimate(stageNode).instructions()) {
      if (ie.instruction() == i || ie.instruction().location().equals(i.location())) {
        return ie;
      }
    }
    return null;
  }

  /** The part of a stage node's duration an instruction takes (0–1), on the estimate it uses. */
  public static double share(Node stageNode, Instruction i) {
    Subject.BuildStage bs = (Subject.BuildStage) stageNode.subject();
    InstructionEstimate ie = instruction(stageNode, i);
    if (ie == null) {
      return 0;
    }
    double total = (bs.warm() ? bs.stage().warm() : bs.stage().cold()).range().mid();
    double part = (bs.warm() ? ie.warm() : ie.cold()).range().mid();
    return total <= 0 ? 0 : Math.min(1, part / total);
  }

  /** True when the stage is the one a build of this node produces (the target / last stage). */
  public static boolean isFinalStage(Dockerfile df, Stage s) {
    return df.stages().get(df.stages().size() - 1) == s;
  }
}
