package dev.pipeperf.cost;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which kind of runner a job runs on and who pays for it (issue 16): a GitHub billing SKU of {@code
 * pricing.yml} ({@code linux}, {@code windows}, {@code macos}, {@code linux_8_core}, {@code
 * linux_2_core_arm}, {@code macos_xl}...), a self-hosted runner or runner group (GitHub bills no
 * minutes; the machines' cost is unknown unless config prices it), or a third-party vendor's runner
 * (GitHub bills no minutes; the vendor's published price, dated, in {@code pricing.yml}).
 *
 * @param sku the billing SKU; for self-hosted and vendor runners the label or group, which is also
 *     the key a {@code pricing:} override in config uses
 * @param label the {@code runs-on} label it was read from (empty when none)
 * @param assumption what pipeperf had to assume to pick the SKU, said to the user; null when the
 *     label is one GitHub documents
 * @param payer who bills the job's minutes
 * @param vendor for a vendor's runner, its name and shape; else null
 */
public record RunnerKind(
    String sku, String label, String assumption, Payer payer, VendorShape vendor) {

  public static final String SELF_HOSTED_SKU = "self_hosted";

  /** Who bills a runner's minutes. */
  public enum Payer {
    /** A GitHub-hosted runner: GitHub's per-minute price. */
    GITHUB,
    /** Self-hosted (label, group or a name GitHub does not host): no GitHub minutes. */
    SELF_HOSTED,
    /** A third-party runner service: no GitHub minutes, the vendor's price. */
    VENDOR
  }

  /**
   * A vendor runner's shape as its label says it.
   *
   * @param vendor {@code depot}, {@code blacksmith}, {@code namespace}, {@code ubicloud}, {@code
   *     warp}, {@code runs-on}, {@code buildjet}
   * @param os {@code linux}, {@code windows} or {@code macos}
   * @param arm true for arm64
   * @param vcpus virtual CPUs, 0 when the label does not say
   */
  public record VendorShape(String vendor, String os, boolean arm, int vcpus) {}

  public static final RunnerKind LINUX = new RunnerKind("linux", "ubuntu-latest", null);
  public static final RunnerKind WINDOWS = new RunnerKind("windows", "windows-latest", null);
  public static final RunnerKind MACOS = new RunnerKind("macos", "macos-latest", null);

  /** A GitHub-hosted runner. */
  public RunnerKind(String sku, String label, String assumption) {
    this(
        sku,
        label,
        assumption,
        SELF_HOSTED_SKU.equals(sku) ? Payer.SELF_HOSTED : Payer.GITHUB,
        null);
  }

  /** True when GitHub bills the job's minutes. */
  public boolean githubBilled() {
    return payer == Payer.GITHUB;
  }

  /**
   * True for GitHub's standard runners, which public repositories use for free (larger, GPU and
   * macOS large runners are never free).
   */
  public boolean standardHosted() {
    return payer == Payer.GITHUB
        && List.of(
                "linux_slim", "linux", "linux_2_core_arm", "windows", "windows_2_core_arm", "macos")
            .contains(sku);
  }

  private static final Pattern VCPU =
      Pattern.compile("(?<![0-9])(\\d{1,3})(?:vcpu|x(?:\\d|$)|-?cpu)");
  private static final Pattern TRAILING_NUMBER = Pattern.compile("-(\\d{1,3})$");

  /**
   * The runner kind of a job's {@code runs-on}: with a {@code group:} and no GitHub-hosted label,
   * the group's own runners (self-hosted or larger runners of the organisation: GitHub bills
   * nothing pipeperf can price, so they are unpriced unless config prices the group); else {@link
   * #fromLabels}.
   */
  public static RunnerKind of(List<String> labels, String group) {
    if (group != null && !group.isBlank()) {
      RunnerKind byLabel = labels == null || labels.isEmpty() ? null : fromLabels(labels);
      boolean guessed =
          byLabel != null && "linux".equals(byLabel.sku()) && byLabel.assumption() != null;
      if (byLabel != null && byLabel.payer() != Payer.SELF_HOSTED && !guessed) {
        return byLabel;
      }
      return new RunnerKind(
          group.strip(),
          "group: " + group.strip(),
          "runner group `"
              + group.strip()
              + "`: the organisation's own runners, no GitHub minutes; unpriced (give it a price"
              + " with pricing: {"
              + group.strip()
              + ": USD per minute} in .pipeperf.yml)",
          Payer.SELF_HOSTED,
          null);
    }
    return fromLabels(labels);
  }

  private static final Pattern CORES =
      Pattern.compile("(?<!\\d)(\\d{1,3})[-_ ]?(?:cores?|cpus?|vcpus?)\\b");
  private static final Pattern UBUNTU = Pattern.compile("ubuntu-(latest|\\d+\\.\\d+)");
  private static final Pattern UBUNTU_ARM = Pattern.compile("ubuntu-(latest|\\d+\\.\\d+)-arm");
  private static final Pattern WINDOWS_STD = Pattern.compile("windows-(latest|\\d+)");
  private static final Pattern WINDOWS_ARM = Pattern.compile("windows-(latest-|\\d+-)?arm");
  private static final Pattern MACOS_STD = Pattern.compile("macos-(latest|\\d+)(-arm64|-intel)?");
  private static final Pattern MACOS_LARGE = Pattern.compile("macos-(latest|\\d+)-large");
  private static final Pattern MACOS_XLARGE = Pattern.compile("macos-(latest|\\d+)-xlarge");

  /** True for a self-hosted runner (a label, a group or a name GitHub does not host). */
  public boolean selfHosted() {
    return payer == Payer.SELF_HOSTED;
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
        List<String> rest =
            runsOn.stream()
                .filter(l -> l != null && !l.trim().equalsIgnoreCase("self-hosted"))
                .toList();
        String named = rest.isEmpty() ? raw.trim() : String.join(", ", rest);
        return new RunnerKind(
            SELF_HOSTED_SKU,
            raw.trim(),
            "self-hosted runner ["
                + named
                + "]: no GitHub minutes; the machines' cost is not counted (unpriced; set"
                + " pricing: {self_hosted: USD per minute} in .pipeperf.yml)",
            Payer.SELF_HOSTED,
            null);
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
    RunnerKind vendor = vendor(label, l);
    if (vendor != null) {
      return vendor;
    }
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
      if (l.contains("gpu")) {
        sku = os.equals("windows") ? "windows_4_core_gpu" : "linux_4_core_gpu";
      } else if (os.equals("macos")) {
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
        label,
        label,
        "`"
            + label
            + "` is no GitHub-hosted label: a self-hosted runner (or a larger runner named by"
            + " its owner), no GitHub minutes; unpriced (set pricing: {"
            + label
            + ": USD per minute} in .pipeperf.yml)",
        Payer.SELF_HOSTED,
        null);
  }

  /** Third-party runner services, by the label prefixes they document (prices.md). */
  private static RunnerKind vendor(String label, String l) {
    String name;
    if (l.startsWith("depot-")) {
      name = "depot";
    } else if (l.startsWith("blacksmith-")) {
      name = "blacksmith";
    } else if (l.startsWith("namespace-") || l.startsWith("nscloud-")) {
      name = "namespace";
    } else if (l.startsWith("ubicloud")) {
      name = "ubicloud";
    } else if (l.startsWith("warp-")) {
      name = "warp";
    } else if (l.startsWith("runs-on=") || l.startsWith("runs-on/")) {
      name = "runs-on";
    } else if (l.startsWith("buildjet-")) {
      name = "buildjet";
    } else {
      return null;
    }
    String os = l.contains("windows") ? "windows" : l.contains("macos") ? "macos" : "linux";
    boolean arm = l.contains("arm");
    int vcpus = 0;
    Matcher m = VCPU.matcher(l);
    if (m.find()) {
      vcpus = Integer.parseInt(m.group(1));
    } else if (name.equals("depot") || name.equals("ubicloud")) {
      // depot-ubuntu-24.04-4 and ubicloud-standard-8 end with their vCPUs; plain ones have 2
      // (a macOS label's trailing number is its version; its price does not depend on size).
      Matcher t = TRAILING_NUMBER.matcher(l);
      vcpus = t.find() && !os.equals("macos") ? Integer.parseInt(t.group(1)) : 2;
    } else if (name.equals("namespace")) {
      Matcher shape = Pattern.compile("-(\\d{1,3})x\\d{1,4}$").matcher(l);
      vcpus = shape.find() ? Integer.parseInt(shape.group(1)) : 0;
    }
    return new RunnerKind(
        label,
        label,
        name + " runner: no GitHub minutes; billed by " + name,
        Payer.VENDOR,
        new VendorShape(name, os, arm, vcpus));
  }
}
