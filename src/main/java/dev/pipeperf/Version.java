package dev.pipeperf;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** pipeperf's own version, from {@code version.properties} that Maven fills in at build time. */
public final class Version {

  private Version() {}

  public static String current() {
    return property("version");
  }

  /**
   * The commit the jar was built from (12 hex digits, {@code +dirty} when the work tree had
   * changes), or {@code unknown} when built outside a git checkout.
   */
  public static String commit() {
    String c = property("commit");
    if (c.isEmpty() || c.startsWith("${")) {
      return "unknown";
    }
    return "true".equals(property("dirty")) ? c + "+dirty" : c;
  }

  /** The project's home page (the pom's {@code <url>}): where SARIF points users for help. */
  public static String repository() {
    String url = property("repository");
    return url.startsWith("${") || url.equals("unknown") ? "" : url;
  }

  private static String property(String key) {
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty(key, "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
