package dev.pao.template;

import java.util.List;
import java.util.Objects;

/**
 * One stage of a pipe such as {@code | replace "a" "b"}: the function's name, its literal arguments
 * and where it was written (1-based line and column of the function name).
 *
 * @param name the function name as written; whether it exists is checked by validation
 * @param arguments the literal arguments in order
 * @param line 1-based line of the function name in the template source
 * @param column 1-based column of the function name in the template source
 */
public record FunctionCall(String name, List<Argument> arguments, int line, int column) {

  /** Copies the arguments so the call stays immutable. */
  public FunctionCall {
    Objects.requireNonNull(name, "name");
    arguments = List.copyOf(arguments);
  }

  /** The call as it would be written in a template, for example {@code join ","}. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(name);
    for (Argument argument : arguments) {
      text.append(' ').append(argument);
    }
    return text.toString();
  }
}
