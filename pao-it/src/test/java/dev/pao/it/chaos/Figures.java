package dev.pao.it.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The suite's figures, one row per scenario, printed as a table when the suite ends (and written to
 * {@code target/chaos-figures.txt}).
 */
final class Figures {
  private static final List<Map<String, String>> ROWS = new ArrayList<>();
  private static final List<String> COLUMNS =
      List.of(
          "scenario",
          "requests",
          "completed",
          "failed",
          "stuck",
          "lost",
          "dup effects",
          "calls",
          "effects",
          "replays",
          "api back",
          "drained",
          "hand-over");

  private Figures() {}

  /** A scenario's row; further notes are printed under the table. */
  static synchronized Map<String, String> row(String scenario) {
    Map<String, String> row = new LinkedHashMap<>();
    COLUMNS.forEach(column -> row.put(column, "-"));
    row.put("scenario", scenario);
    ROWS.add(row);
    return row;
  }

  static String seconds(Duration duration) {
    return String.format("%.1f s", duration.toMillis() / 1000.0);
  }

  static synchronized String table(String header) {
    StringBuilder out = new StringBuilder(header).append('\n');
    Map<String, Integer> widths = new LinkedHashMap<>();
    for (String column : COLUMNS) {
      int width = column.length();
      for (Map<String, String> row : ROWS) {
        width = Math.max(width, row.get(column).length());
      }
      widths.put(column, width);
    }
    COLUMNS.forEach(c -> out.append(String.format("| %-" + widths.get(c) + "s ", c)));
    out.append("|\n");
    COLUMNS.forEach(c -> out.append("|").append("-".repeat(widths.get(c) + 2)));
    out.append("|\n");
    for (Map<String, String> row : ROWS) {
      COLUMNS.forEach(c -> out.append(String.format("| %-" + widths.get(c) + "s ", row.get(c))));
      out.append("|\n");
    }
    for (Map<String, String> row : ROWS) {
      row.entrySet().stream()
          .filter(e -> !COLUMNS.contains(e.getKey()))
          .forEach(
              e ->
                  out.append(row.get("scenario"))
                      .append(": ")
                      .append(e.getKey())
                      .append(" = ")
                      .append(e.getValue())
                      .append('\n'));
    }
    return out.toString();
  }

  static void print(String header) {
    String table = table(header);
    System.out.println(table);
    try {
      Path file = Path.of("target", "chaos-figures.txt");
      Files.createDirectories(file.getParent());
      Files.writeString(file, table);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
