package dev.pao.template;

import java.util.Objects;

/**
 * One problem found while checking a template at publish time. Validation collects problems instead
 * of throwing so a catalog author sees all of them at once.
 *
 * @param location where in a structured template the string was ({@code body.items[1]}), or empty
 *     for a single template
 * @param line 1-based line in the template string
 * @param column 1-based column in the template string
 * @param message what is wrong, written for the catalog author
 */
public record TemplateProblem(String location, int line, int column, String message) {

  /** Checks that the texts are present. */
  public TemplateProblem {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(message, "message");
  }

  /** A problem in a single template string. */
  public static TemplateProblem at(int line, int column, String message) {
    return new TemplateProblem("", line, column, message);
  }

  /** The same problem, located inside a structured template. */
  public TemplateProblem within(String location) {
    return new TemplateProblem(location, line, column, message);
  }

  /** For example {@code body.text 1:5: unknown function 'upcase'}. */
  @Override
  public String toString() {
    String where = location.isEmpty() ? "" : location + " ";
    return where + line + ":" + column + ": " + message;
  }
}
