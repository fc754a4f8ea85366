package dev.pao.devctl.output;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Rows under a header, columns aligned. When the rows are wider than the available width, the
 * widest columns are cut (ending in {@code …}) until they fit.
 */
public final class Table {
  private static final int GAP = 2;
  private static final int MIN_COLUMN = 6;

  private final List<String> headers;
  private final List<List<String>> rows = new ArrayList<>();

  private Table(List<String> headers) {
    this.headers = headers;
  }

  public static Table of(String... headers) {
    return new Table(List.of(headers));
  }

  public Table row(Object... cells) {
    List<String> row = new ArrayList<>();
    for (Object cell : cells) {
      row.add(cell == null ? "" : String.valueOf(cell).replace('\n', ' '));
    }
    rows.add(row);
    return this;
  }

  public boolean isEmpty() {
    return rows.isEmpty();
  }

  /**
   * The table as text.
   *
   * @param width the columns available
   * @param header how to style the header cells
   * @param cell how to style a body cell (column index, text) once it is padded
   */
  public String render(int width, UnaryOperator<String> header, CellStyle cell) {
    int[] widths = new int[headers.size()];
    for (int column = 0; column < widths.length; column++) {
      widths[column] = headers.get(column).length();
      for (List<String> row : rows) {
        widths[column] = Math.max(widths[column], row.get(column).length());
      }
    }
    fit(widths, width);
    StringBuilder text = new StringBuilder();
    line(text, headers, widths, (column, value) -> header.apply(value));
    for (List<String> row : rows) {
      line(text, row, widths, cell);
    }
    return text.toString();
  }

  /** Styles a body cell. */
  @FunctionalInterface
  public interface CellStyle {
    String apply(int column, String padded);
  }

  private static void fit(int[] widths, int width) {
    while (total(widths) > width) {
      int widest = 0;
      for (int column = 1; column < widths.length; column++) {
        if (widths[column] > widths[widest]) {
          widest = column;
        }
      }
      if (widths[widest] <= MIN_COLUMN) {
        return;
      }
      widths[widest]--;
    }
  }

  private static int total(int[] widths) {
    int sum = GAP * (widths.length - 1);
    for (int w : widths) {
      sum += w;
    }
    return sum;
  }

  private static void line(StringBuilder text, List<String> cells, int[] widths, CellStyle style) {
    StringBuilder line = new StringBuilder();
    for (int column = 0; column < widths.length; column++) {
      String value = cells.get(column);
      if (value.length() > widths[column]) {
        value = value.substring(0, widths[column] - 1) + "…";
      }
      boolean last = column == widths.length - 1;
      String padded = last ? value : value + " ".repeat(widths[column] - value.length() + GAP);
      line.append(style.apply(column, padded));
    }
    text.append(line.toString().stripTrailing()).append('\n');
  }
}
