package dev.pao.template;

/**
 * The only exception the template engine throws: a template that cannot be parsed, a limit that was
 * exceeded, or a template that cannot be rendered (for example an unknown function in a template
 * that skipped validation). It never carries rendered values, so its message is safe to log and to
 * return to a catalog author.
 */
public final class TemplateException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why the template was rejected. */
  public enum Kind {
    /** The template is not well-formed. */
    SYNTAX,
    /** A size, depth or work limit was exceeded. */
    LIMIT,
    /** The template parsed but cannot be rendered (unknown function, bad argument, bad value). */
    RENDER
  }

  private final Kind kind;
  private final String reason;
  private final int line;
  private final int column;
  private final String location;

  /**
   * Creates an exception for one position of a template.
   *
   * @param kind why the template was rejected
   * @param reason what is wrong, without position
   * @param line 1-based line
   * @param column 1-based column
   */
  public TemplateException(Kind kind, String reason, int line, int column) {
    this(kind, reason, line, column, "");
  }

  private TemplateException(Kind kind, String reason, int line, int column, String location) {
    super(format(reason, line, column, location));
    this.kind = kind;
    this.reason = reason;
    this.line = line;
    this.column = column;
    this.location = location;
  }

  private static String format(String reason, int line, int column, String location) {
    String where = location.isEmpty() ? "" : location + " ";
    return where + "line " + line + ", column " + column + ": " + reason;
  }

  /** Why the template was rejected. */
  public Kind kind() {
    return kind;
  }

  /** What is wrong, without the position. */
  public String reason() {
    return reason;
  }

  /** 1-based line in the template string. */
  public int line() {
    return line;
  }

  /** 1-based column in the template string. */
  public int column() {
    return column;
  }

  /** Where in a structured template the failing string was, or empty. */
  public String location() {
    return location;
  }

  /** The same failure, located inside a structured template. */
  public TemplateException within(String treeLocation) {
    return new TemplateException(kind, reason, line, column, treeLocation);
  }

  /** This failure as a validation problem. */
  public TemplateProblem toProblem() {
    return new TemplateProblem(location, line, column, reason);
  }
}
