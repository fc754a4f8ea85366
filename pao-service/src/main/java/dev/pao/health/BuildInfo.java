package dev.pao.health;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Version, git commit and build time, stamped into the WAR by the build. */
public record BuildInfo(String version, String commit, String buildTime) {

  static BuildInfo load() {
    Properties properties = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream("/pao-build.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new BuildInfo(
        value(properties, "version"), value(properties, "commit"), value(properties, "build_time"));
  }

  private static String value(Properties properties, String key) {
    String value = properties.getProperty(key, "unknown");
    // An unresolved placeholder means the build could not tell (e.g. built outside git).
    return value.isBlank() || value.startsWith("${") ? "unknown" : value;
  }
}
