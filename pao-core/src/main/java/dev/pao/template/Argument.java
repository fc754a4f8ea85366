package dev.pao.template;

import java.util.Objects;

/**
 * One literal argument of a pipe function: a double-quoted string ({@code "x"}) or an integer
 * ({@code 10}). Templates have no variables in argument position, so arguments are always constants
 * known at parse time.
 *
 * @param type whether the argument was written as a string or as an integer
 * @param value the decoded string (escapes resolved) or the integer's decimal text
 */
public record Argument(Type type, String value) {

  /** How an argument was written. */
  public enum Type {
    /** A double-quoted string literal. */
    STRING,
    /** An integer literal such as {@code 10} or {@code -1}. */
    INTEGER
  }

  /** Checks that both parts are present. */
  public Argument {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(value, "value");
  }

  /** A string argument. */
  public static Argument string(String value) {
    return new Argument(Type.STRING, value);
  }

  /** An integer argument. */
  public static Argument integer(int value) {
    return new Argument(Type.INTEGER, Integer.toString(value));
  }

  /** The integer value; only meaningful when {@link #type()} is {@link Type#INTEGER}. */
  public int intValue() {
    return Integer.parseInt(value);
  }

  /** The argument as it would be written in a template. */
  @Override
  public String toString() {
    if (type == Type.INTEGER) {
      return value;
    }
    StringBuilder literal = new StringBuilder("\"");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> literal.append("\\\"");
        case '\\' -> literal.append("\\\\");
        case '\n' -> literal.append("\\n");
        case '\t' -> literal.append("\\t");
        case '\r' -> literal.append("\\r");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            literal.append(String.format("\\u%04x", (int) c));
          } else {
            literal.append(c);
          }
        }
      }
    }
    return literal.append('"').toString();
  }
}
