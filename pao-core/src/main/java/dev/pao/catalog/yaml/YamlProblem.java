package dev.pao.catalog.yaml;

/** Thrown when a text is not acceptable YAML; carries the 1-based line and column. */
public class YamlProblem extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int line;
  private final int column;

  public YamlProblem(String message, int line, int column) {
    super(message);
    this.line = line;
    this.column = column;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }
}
