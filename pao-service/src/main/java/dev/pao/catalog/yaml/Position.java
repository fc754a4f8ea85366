package dev.pao.catalog.yaml;

/**
 * Where a value starts in the source text (1-based), and whether it is a block scalar ({@code |} or
 * {@code >}) whose content begins on the next line.
 */
public record Position(int line, int column, boolean block, boolean quoted) {
  public static final Position START = new Position(1, 1, false, false);

  /** The position of a line and column inside this value's text (both 1-based). */
  public Position inside(int innerLine, int innerColumn) {
    if (block) {
      return new Position(line + innerLine, innerColumn, false, false);
    }
    if (innerLine > 1) {
      return new Position(line + innerLine - 1, innerColumn, false, false);
    }
    return new Position(line, column + innerColumn - 1 + (quoted ? 1 : 0), false, false);
  }
}
