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

  private static final Pattern TEST =
      Pattern.compile(
          "\\b(pytest|py\\.test)\\b(?!-)|\\bmanage\\.py\\s+test\\b|\\bgo\\s+test\\b|\\bcargo\\s+(test|nextest)\\b"
              + "|\\b(npm|yarn|pnpm)\\s+(run\\s+)?test\\b|\\b(jest|vitest|mocha)\\b(?!-)|\\b(tox|nox)\\b(?!-)"
              + "|\\b(mvn|\\./mvnw)\\b.*\\b(test|verify)\\b|\\b(gradle|\\./gradlew)\\b.*\\btest\\b"
              + "|\\bplaywright\\s+test\\b|\\bphpunit\\b|\\brspec\\b|\\bctest\\b");

  // Compiled once (String.matches compiled these for every line of every step): issue 10.
  private static final Pattern DELIVERY =
      Pattern.compile(
          "\\b(deploy|release|publish|promote|rollout|gcloud run|kubectl|helm|terraform apply|npm publish|twine upload|gh release|docker push|imagetools|cloudrun|pages)\\b");
  private static final Pattern INSTALL_LINE =
      Pattern.compile(
          "\\b(pip3?|npm|yarn|pnpm|uv|poetry|gem|apt-get|apk)\\s+(install|add|ci|sync|i)\\b");

  private static final Pattern CHECK =
      Pattern.compile(
          "\\b(ruff|flake8|pylint|eslint|golangci-lint|shellcheck|hadolint|black|isort|mypy|pyright"
              + "|prettier|stylelint|markdownlint|actionlint|yamllint|rubocop|clippy|gofmt|staticcheck)\\b(?!-)"
              + "|\\btsc\\b.*--noEmit|\\bmanage\\.py\\s+check\\b|\\bcargo\\s+(fmt|clippy)\\b|\\bgo\\s+vet\\b"
              + "|\\b(npm|yarn|pnpm)\\s+(run\\s+)?(lint|typecheck|type-check|format:check)\\b");

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
    return s.run() != null && TEST.matcher(withoutInstallLines(s.run())).find();
  }

  /** True when the step runs a linter, formatter check or type checker. */
  public static boolean isCheck(Step s) {
    return s.run() != null && !isTest(s) && CHECK.matcher(withoutInstallLines(s.run())).find();
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

  private static String withoutInstallLines(String run) {
    StringBuilder sb = new StringBuilder();
    for (String l : run.split("\n")) {
      if (!INSTALL_LINE.matcher(l).find()) {
        sb.append(l).append('\n');
      }
    }
    return sb.toString();
  }
}
