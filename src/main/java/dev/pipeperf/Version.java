package dev.pipeperf;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** pipeperf's own version, from {@code version.properties} that Maven fills in at build time. */
public final class Version {

  private Version() {}

  public static String current() {
    return property("version", "unknown");
  }

  /** The project's home page (the pom's {@code <url>}): where SARIF points users for help. */
  public static String repository() {
    return property("repository", "");
  }

  private static String property(String key, String otherwise) {
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return otherwise;
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty(key, otherwise);
    } catch (IOException e) {
      return otherwise;
    }
  }
}
