package dev.pipeperf.cost;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which kind of runner a job runs on, as GitHub bills it: a billing SKU of {@code pricing.yml}
 * ({@code linux}, {@code windows}, {@code macos}, {@code linux_8_core}, {@code linux_2_core_arm},
 * {@code macos_xl}, {@code self_hosted}...).
 *
 * @param sku the billing SKU
 * @param label the {@code runs-on} label it was read from (empty when none)
 * @param assumption what pipeperf had to assume to pick the SKU, said to the user; null when the
 *     label is one GitHub documents
 */
public record RunnerKind(String sku, String label, String assumption) {

  public static final String SELF_HOSTED_SKU = "self_hosted";

  public static final RunnerKind LINUX = new RunnerKind("linux", "ubuntu-latest", null);
  public static final RunnerKind WINDOWS = new RunnerKind("windows", "windows-latest", null);
  public static final RunnerKind MACOS = new RunnerKind("macos", "macos-latest", null);

  private static final Pattern CORES =
      Pattern.compile("(?<!\\d)(\\d{1,3})[-_ ]?(?:cores?|cpus?|vcpus?)\\b");
  private static final Pattern UBUNTU = Pattern.compile("ubuntu-(latest|\\d+\\.\\d+)");
  private static final Pattern UBUNTU_ARM = Pattern.compile("ubuntu-(latest|\\d+\\.\\d+)-arm");
  private static final Pattern WINDOWS_STD = Pattern.compile("windows-(latest|\\d+)");
  private static final Pattern WINDOWS_ARM = Pattern.compile("windows-(latest-|\\d+-)?arm");
  private static final Pattern MACOS_STD = Pattern.compile("macos-(latest|\\d+)(-arm64|-intel)?");
  private static final Pattern MACOS_LARGE = Pattern.compile("macos-(latest|\\d+)-large");
  private static final Pattern MACOS_XLARGE = Pattern.compile("macos-(latest|\\d+)-xlarge");

  /** True for a self-hosted runner, which GitHub does not charge per minute. */
  public boolean selfHosted() {
    return SELF_HOSTED_SKU.equals(sku);
  }

  /**
   * The runner kind of a job's {@code runs-on} labels:
   *
   * <ul>
   *   <li>{@code self-hosted} among them → {@code self_hosted} (cost 0, stated);
   *   <li>an expression ({@code ${{ matrix.os }}}) or no label → Linux 2-core, stated;
   *   <li>GitHub's standard labels: {@code ubuntu-latest}/{@code ubuntu-24.04} → {@code linux},
   *       {@code ubuntu-slim} → {@code linux_slim}, {@code ubuntu-24.04-arm} → {@code
   *       linux_2_core_arm}, {@code windows-latest}/{@code windows-2025} → {@code windows}, {@code
   *       windows-11-arm} → {@code windows_2_core_arm}, {@code macos-14}/{@code macos-latest} →
   *       {@code macos}, {@code macos-*-large} → {@code macos_l}, {@code macos-*-xlarge} → {@code
   *       macos_xl};
   *   <li>larger runners are named by their owners; a label that says its core count ({@code
   *       ubuntu-latest-8-cores}, {@code windows-16core}, {@code linux-arm-4-cores}) → that size's
   *       SKU, stated as read from the name;
   *   <li>anything else → Linux 2-core, stated.
   * </ul>
   */
  public static RunnerKind fromLabels(List<String> runsOn) {
    if (runsOn == null || runsOn.isEmpty()) {
      return new RunnerKind("linux", "", "no runs-on label: priced as Linux 2-core");
    }
    for (String raw : runsOn) {
      if (raw != null && raw.trim().equalsIgnoreCase("self-hosted")) {
        return new RunnerKind(
            SELF_HOSTED_SKU,
            raw.trim(),
            "self-hosted runner: GitHub charges no per-minute rate (its machines' cost is not"
                + " counted)");
      }
    }
    for (String raw : runsOn) {
      if (raw != null && raw.contains("${{")) {
        return new RunnerKind(
            "linux",
            raw.trim(),
            "runs-on is an expression (" + raw.trim() + "): priced as Linux 2-core");
      }
    }
    String label = runsOn.get(0).trim();
    String l = label.toLowerCase(Locale.ROOT);
    if (l.equals("ubuntu-slim")) {
      return new RunnerKind("linux_slim", label, null);
    }
    if (UBUNTU_ARM.matcher(l).matches()) {
      return new RunnerKind("linux_2_core_arm", label, null);
    }
    if (UBUNTU.matcher(l).matches()) {
      return new RunnerKind("linux", label, null);
    }
    if (WINDOWS_ARM.matcher(l).matches()) {
      return new RunnerKind("windows_2_core_arm", label, null);
    }
    if (WINDOWS_STD.matcher(l).matches()) {
      return new RunnerKind("windows", label, null);
    }
    if (MACOS_XLARGE.matcher(l).matches()) {
      return new RunnerKind("macos_xl", label, null);
    }
    if (MACOS_LARGE.matcher(l).matches()) {
      return new RunnerKind("macos_l", label, null);
    }
    if (MACOS_STD.matcher(l).matches()) {
      return new RunnerKind("macos", label, null);
    }
    Matcher cores = CORES.matcher(l);
    if (cores.find()) {
      int n = Integer.parseInt(cores.group(1));
      boolean arm = l.contains("arm");
      String os = l.contains("windows") ? "windows" : l.contains("mac") ? "macos" : "linux";
      String sku;
      if (os.equals("macos")) {
        sku = "macos_l";
      } else if (os.equals("linux") && n == 2 && !arm) {
        sku = "linux_2_core_advanced";
      } else {
        sku = os + "_" + n + "_core" + (arm ? "_arm" : "");
      }
      return new RunnerKind(
          sku, label, "larger runner: size read from the label `" + label + "` (" + sku + ")");
    }
    return new RunnerKind(
        "linux",
        label,
        "`" + label + "` is not a GitHub-hosted label pipeperf knows: priced as Linux 2-core");
  }
}
