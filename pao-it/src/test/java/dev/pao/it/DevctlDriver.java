package dev.pao.it;

import dev.pao.devctl.CliDriver;
import java.nio.file.Path;

/**
 * devctl's in-process driver ({@link CliDriver}) pointed at a server under test: its environment
 * holds only the server URL, the token and a config directory of its own.
 */
final class DevctlDriver {
  private DevctlDriver() {}

  static CliDriver of(Path home, String url, String token) {
    CliDriver driver =
        new CliDriver(home).env("XDG_CONFIG_HOME", home.resolve("config").toString());
    if (url != null) {
      driver.env("PAO_URL", url);
    }
    if (token != null) {
      driver.env("PAO_TOKEN", token);
    }
    return driver;
  }
}
