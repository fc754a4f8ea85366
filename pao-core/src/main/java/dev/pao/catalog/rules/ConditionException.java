package dev.pao.catalog.rules;

/** A condition that does not compile, or could not be evaluated for a request. */
public final class ConditionException extends RuntimeException {
  private final int column;

  public ConditionException(String message, int column, String source) {
    super(message + " (in '" + source + "')");
    this.column = column;
  }

  /** The 1-based column of the problem within the condition. */
  public int column() {
    return column;
  }
}
