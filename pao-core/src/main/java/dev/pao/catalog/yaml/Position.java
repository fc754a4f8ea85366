package dev.pao.catalog.yaml;

/**
 * Where a value starts in the source text (1-based), and whether it is a block scalar ({@code |} or
 * {@code >}) whose content begins on the next line, indented by {@code indent} spaces.
 */
public record Position(int line, int column, boolean block, boolean quoted, int indent) {
  public static final Position START = new Position(1, 1, false, false, 0);

  public Position(int line, int column) {
    this(line, column, false, false, 0);
  }

  /** The position of a line and column inside this value's text (both 1-based). */
  public Position inside(int innerLine, int innerColumn) {
    if (block) {
      return new Position(line + innerLine, indent + innerColumn);
    }
    if (innerLine > 1) {
      return new Position(line + innerLine - 1, innerColumn);
    }
    return new Position(line, column + innerColumn - 1 + (quoted ? 1 : 0));
  }
}
