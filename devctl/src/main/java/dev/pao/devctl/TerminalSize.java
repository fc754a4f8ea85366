package dev.pao.devctl;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The width of the controlling terminal: {@code COLUMNS}, else {@code stty size}, else 100. */
final class TerminalSize {
  private static final int DEFAULT = 100;

  private TerminalSize() {}

  static int columns(Map<String, String> variables) {
    try {
      String columns = variables.get("COLUMNS");
      if (columns != null && !columns.isBlank()) {
        return Integer.parseInt(columns.trim());
      }
      Process stty =
          new ProcessBuilder("stty", "size")
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/tty")))
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!stty.waitFor(500, TimeUnit.MILLISECONDS)) {
        stty.destroy();
        return DEFAULT;
      }
      String[] size =
          new String(stty.getInputStream().readAllBytes(), StandardCharsets.US_ASCII)
              .trim()
              .split("\\s+");
      return size.length == 2 ? Integer.parseInt(size[1]) : DEFAULT;
    } catch (IOException | NumberFormatException e) {
      return DEFAULT;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return DEFAULT;
    }
  }
}
