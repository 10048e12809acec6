package dev.pipeperf.rules;

import dev.pipeperf.shell.Command;
import dev.pipeperf.shell.PackageInstall;
import dev.pipeperf.shell.PackageInstalls;
import dev.pipeperf.shell.ShellCommands;
import dev.pipeperf.workflow.Step;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** What a step does, in the terms rules reason with: set-up, tests, checks, re-tags, installs. */
public final class StepKinds {

  private StepKinds() {}

  private static final Set<String> SETUP_ACTIONS =
      Set.of(
          "actions/checkout",
          "docker/setup-buildx-action",
          "docker/setup-qemu-action",
          "docker/login-action",
          "docker/metadata-action",
          "aws-actions/configure-aws-credentials",
          "aws-actions/amazon-ecr-login",
          "google-github-actions/auth",
          "google-github-actions/setup-gcloud",
          "azure/login",
          "actions/create-github-app-token",
          "imjasonh/setup-crane",
          "sigstore/cosign-installer");

  private static final Set<String> RETAG_ACTIONS =
      Set.of(
          "akhilerm/tag-push-action",
          "shrink/actions-docker-registry-tag",
          "tinact/docker.image-retag");

  /** Test runners, by the command word that starts them. */
  private static final Set<String> TEST_TOOLS =
      Set.of(
          "pytest", "py.test", "jest", "vitest", "mocha", "tox", "nox", "phpunit", "rspec", "ctest",
          "karma", "ava", "nextest");

  /** Linters, formatters in check mode and type checkers, by their command word. */
  private static final Set<String> CHECK_TOOLS =
      Set.of(
          "ruff",
          "flake8",
          "pylint",
          "eslint",
          "golangci-lint",
          "shellcheck",
          "hadolint",
          "black",
          "isort",
          "mypy",
          "pyright",
          "prettier",
          "stylelint",
          "markdownlint",
          "markdownlint-cli2",
          "actionlint",
          "yamllint",
          "rubocop",
          "staticcheck",
          "gofmt",
          "biome",
          "codespell",
          "typos",
          "taplo",
          "zizmor",
          "vale");

  /** Launchers whose next words are the real command. */
  private static final Set<String> LAUNCHERS =
      Set.of(
          "uv",
          "uvx",
          "poetry",
          "pipx",
          "npx",
          "pnpx",
          "bunx",
          "pdm",
          "hatch",
          "rye",
          "pre-commit");

  // Compiled once (String.matches compiled it for every step): issue 10.
  private static final Pattern DELIVERY =
      Pattern.compile(
          "\\b(deploy|release|publish|promote|rollout|gcloud run|kubectl|helm|terraform apply|npm publish|twine upload|gh release|docker push|imagetools|cloudrun|pages)\\b");

  /** True for steps that only prepare the runner: checkout, login, buildx set-up, tool set-up. */
  public static boolean isSetup(Step s) {
    String a = action(s);
    return a != null
        && (SETUP_ACTIONS.contains(a)
            || a.startsWith("actions/setup-")
            || a.endsWith("/setup-action"));
  }

  public static String action(Step s) {
    return s.action() == null ? null : s.action().toLowerCase(Locale.ROOT);
  }

  /** True when every command of the step re-tags, copies or promotes existing images. */
  public static boolean isRetag(Step s) {
    String a = action(s);
    if (a != null) {
      return RETAG_ACTIONS.contains(a);
    }
    if (s.run() == null) {
      return false;
    }
    boolean any = false;
    for (Command c : ShellCommands.split(s.run())) {
      List<String> w = c.words();
      if (w.isEmpty() || isShellPlumbing(w)) {
        continue;
      }
      if (isRetagCommand(w)) {
        any = true;
      } else {
        return false;
      }
    }
    return any;
  }

  static boolean isRetagCommand(List<String> w) {
    String cmd = w.get(0);
    String a1 = w.size() > 1 ? w.get(1) : "";
    String a2 = w.size() > 2 ? w.get(2) : "";
    return switch (cmd) {
      case "docker" ->
          a1.equals("tag")
              || a1.equals("push")
              || a1.equals("pull")
              || (a1.equals("image") && Set.of("tag", "push", "pull").contains(a2))
              || (a1.equals("buildx") && a2.equals("imagetools"))
              || (a1.equals("manifest") && Set.of("create", "push", "annotate").contains(a2));
      case "crane", "gcrane" -> Set.of("tag", "copy", "cp", "mutate", "append").contains(a1);
      case "skopeo" -> a1.equals("copy");
      case "regctl" -> a1.equals("image") && Set.of("copy", "tag").contains(a2) || a1.equals("tag");
      case "oras" -> a1.equals("copy") || a1.equals("tag");
      default -> false;
    };
  }

  /** Loop and variable plumbing that carries no work of its own. */
  private static boolean isShellPlumbing(List<String> w) {
    String c = w.get(0);
    return Set.of(
                "for", "do", "done", "if", "then", "fi", "else", "set", "echo", "export", "true",
                "printf", "]", "[", "test", "local", "read", "shift")
            .contains(c)
        || c.contains("=") && !c.startsWith("-");
  }

  /** True when the step runs a test suite. */
  public static boolean isTest(Step s) {
    return s.run() != null && commands(s).stream().anyMatch(StepKinds::isTestCommand);
  }

  /** True when the step runs a linter, formatter check or type checker (and no tests). */
  public static boolean isCheck(Step s) {
    return s.run() != null
        && !isTest(s)
        && commands(s).stream().anyMatch(StepKinds::isCheckCommand);
  }

  private static List<List<String>> commands(Step s) {
    List<List<String>> out = new java.util.ArrayList<>();
    for (Command c : ShellCommands.split(s.run())) {
      List<String> w = unwrap(c.words());
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }

  /** {@code uv run pytest} → {@code pytest}; {@code python -m mypy} → {@code mypy}. */
  static List<String> unwrap(List<String> w) {
    int i = 0;
    while (i < w.size()) {
      String c = base(w.get(i));
      if (c.contains("=") && !c.startsWith("-")) {
        i++;
      } else if (c.equals("sudo") || c.equals("time") || c.equals("env")) {
        i++;
      } else if ((c.equals("docker") || c.equals("podman"))
          && i + 1 < w.size()
          && (w.get(i + 1).equals("exec") || w.get(i + 1).equals("run"))) {
        // docker exec [opts] CONTAINER CMD / docker run [opts] IMAGE CMD: the command runs inside.
        i = afterContainer(w, i + 2);
      } else if (c.equals("docker")
          && i + 2 < w.size()
          && w.get(i + 1).equals("compose")
          && (w.get(i + 2).equals("exec") || w.get(i + 2).equals("run"))) {
        i = afterContainer(w, i + 3);
      } else if (LAUNCHERS.contains(c)) {
        i++;
        while (i < w.size()
            && (w.get(i).equals("run") || w.get(i).equals("exec") || w.get(i).startsWith("-"))) {
          i++;
        }
      } else if ((c.equals("python") || c.matches("python3(\\.\\d+)?"))
          && i + 2 < w.size()
          && w.get(i + 1).equals("-m")) {
        i += 2;
      } else {
        break;
      }
    }
    return i >= w.size() ? List.of() : w.subList(i, w.size());
  }

  private static final Set<String> CONTAINER_VALUE_OPTIONS =
      Set.of(
          "-e",
          "--env",
          "-u",
          "--user",
          "-w",
          "--workdir",
          "--env-file",
          "--index",
          "-v",
          "--volume",
          "--name",
          "--network",
          "--net",
          "-p",
          "--publish",
          "--entrypoint",
          "--mount",
          "--platform",
          "--shm-size",
          "-m",
          "--memory",
          "--cpus",
          "--gpus",
          "--add-host",
          "--label",
          "-l");

  /** The index after {@code [options] CONTAINER} of docker exec/run. */
  private static int afterContainer(List<String> w, int i) {
    while (i < w.size() && w.get(i).startsWith("-")) {
      String o = w.get(i);
      i += CONTAINER_VALUE_OPTIONS.contains(o) && !o.contains("=") ? 2 : 1;
    }
    return i + 1;
  }

  private static String base(String word) {
    int slash = word.lastIndexOf('/');
    return (slash < 0 ? word : word.substring(slash + 1)).toLowerCase(Locale.ROOT);
  }

  static boolean isTestCommand(List<String> w) {
    String c = base(w.get(0));
    String a1 = w.size() > 1 ? w.get(1) : "";
    String a2 = w.size() > 2 ? w.get(2) : "";
    if (TEST_TOOLS.contains(c)) {
      return true;
    }
    return switch (c) {
      case "go" -> a1.equals("test");
      case "cargo" -> a1.equals("test") || a1.equals("nextest");
      case "npm", "yarn", "pnpm", "bun" ->
          a1.equals("test") || (a1.equals("run") && a2.matches("test(:.*)?"));
      case "mvn", "mvnw", "./mvnw" ->
          w.stream().anyMatch(x -> x.equals("test") || x.equals("verify"));
      case "gradle", "gradlew", "./gradlew" ->
          w.stream().anyMatch(x -> x.equals("test") || x.equals("check"));
      case "playwright" -> a1.equals("test");
      case "manage.py" -> a1.equals("test");
      case "python", "python3" -> a1.endsWith("manage.py") && a2.equals("test");
      case "make" -> a1.matches("test.*|check");
      default -> false;
    };
  }

  static boolean isCheckCommand(List<String> w) {
    // `shellcheck --version` checks that a tool is installed, not the code.
    if (w.size() == 2 && w.get(1).matches("--?(version|help|V|h)")) {
      return false;
    }
    String c = base(w.get(0));
    String a1 = w.size() > 1 ? w.get(1) : "";
    String a2 = w.size() > 2 ? w.get(2) : "";
    if (CHECK_TOOLS.contains(c)) {
      return true;
    }
    return switch (c) {
      case "tsc" -> w.contains("--noEmit");
      case "cargo" -> a1.equals("fmt") || a1.equals("clippy");
      case "go" -> a1.equals("vet");
      case "npm", "yarn", "pnpm", "bun" ->
          a1.matches("lint|typecheck|type-check")
              || (a1.equals("run")
                  && a2.matches("lint(:.*)?|typecheck|type-check|format:check|check"));
      case "python", "python3" -> a1.endsWith("manage.py") && a2.equals("check");
      case "manage.py" -> a1.equals("check");
      default -> false;
    };
  }

  /** The package installs a step runs. */
  public static List<PackageInstall> installs(Step s) {
    return s.run() == null ? List.of() : PackageInstalls.find(s.run());
  }

  /** True when the step deploys, publishes or releases (a job whose order is deliberate). */
  public static boolean isDelivery(Step s) {
    String a = action(s);
    String text =
        ((a == null ? "" : a)
                + " "
                + (s.name() == null ? "" : s.name())
                + " "
                + (s.run() == null ? "" : s.run()))
            .toLowerCase(Locale.ROOT);
    return DELIVERY.matcher(text).find();
  }
}
