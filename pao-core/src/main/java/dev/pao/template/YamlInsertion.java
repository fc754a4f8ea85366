package dev.pao.template;

import java.util.Collection;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Inserts values into a YAML document template. From the literal text only it tracks whether the
 * next insertion lands where a scalar is expected, inside a double- or single-quoted scalar, inside
 * a block scalar ({@code |}, {@code >}) or inside a comment, and escapes for that place so an
 * inserted value can never start a new key, item or document. Where it cannot be sure it falls back
 * to a double-quoted scalar, which is always safe.
 */
final class YamlInsertion extends Insertion {

  private enum State {
    PLAIN,
    DOUBLE,
    DOUBLE_ESCAPE,
    SINGLE,
    COMMENT,
    BLOCK
  }

  private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?(E[+-]?[0-9]+)?");

  private State state = State.PLAIN;
  private int lineIndent;
  private boolean lineStart = true;
  private int column;
  private int keyColumn = -1;
  private char lastSignificant;
  private char last = '\n';
  private boolean blockHeader;
  private int blockParentIndent;

  @Override
  void literal(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int next = i + 1 < text.length() ? text.charAt(i + 1) : -1;
      if (state == State.SINGLE && c == '\'' && next == '\'') {
        i++;
        column += 2;
        continue;
      }
      step(c, next);
    }
  }

  private void step(char c, int next) {
    if (c == '\r') {
      return;
    }
    if (c == '\n') {
      newLine();
      return;
    }
    column++;
    if (lineStart && c == ' ') {
      lineIndent++;
      last = c;
      return;
    }
    if (lineStart && state == State.BLOCK && lineIndent <= blockParentIndent) {
      state = State.PLAIN;
    }
    lineStart = false;
    switch (state) {
      case DOUBLE_ESCAPE -> state = State.DOUBLE;
      case DOUBLE -> {
        if (c == '\\') {
          state = State.DOUBLE_ESCAPE;
        } else if (c == '"') {
          state = State.PLAIN;
          lastSignificant = c;
        }
      }
      case SINGLE -> {
        if (c == '\'') {
          state = State.PLAIN;
          lastSignificant = c;
        }
      }
      case PLAIN -> plain(c, next);
      default -> {}
    }
    last = c;
  }

  private void plain(char c, int next) {
    if (c == ' ' || c == '\t') {
      return;
    }
    if (keyColumn < 0 && !(c == '-' && next == ' ')) {
      keyColumn = column - 1;
    }
    if (c == '#' && (last == ' ' || last == '\t' || last == '\n')) {
      state = State.COMMENT;
      return;
    }
    if ((c == '"' || c == '\'') && startsScalar()) {
      state = c == '"' ? State.DOUBLE : State.SINGLE;
    } else if ((c == '|' || c == '>') && startsScalar()) {
      blockHeader = true;
    } else if (!(blockHeader && (c == '+' || c == '-' || (c >= '0' && c <= '9')))) {
      blockHeader = false;
    }
    lastSignificant = c;
  }

  private boolean startsScalar() {
    if (lastSignificant == 0 || "[{,".indexOf(lastSignificant) >= 0) {
      return true;
    }
    return ":-?".indexOf(lastSignificant) >= 0 && (last == ' ' || last == '\t');
  }

  private void newLine() {
    if (blockHeader && (state == State.PLAIN || state == State.COMMENT)) {
      state = State.BLOCK;
      blockParentIndent = Math.max(lineIndent, keyColumn);
    } else if (state == State.COMMENT) {
      state = State.PLAIN;
    }
    blockHeader = false;
    lineStart = true;
    lineIndent = 0;
    column = 0;
    keyColumn = -1;
    lastSignificant = 0;
    last = '\n';
  }

  /** The state an insertion sees: a block scalar ends at a line not indented past its parent. */
  private State current() {
    if (state == State.BLOCK && lineStart && lineIndent <= blockParentIndent) {
      return State.PLAIN;
    }
    return state;
  }

  @Override
  String insert(Object value, ValueText values) {
    return switch (current()) {
      case PLAIN -> scalar(value, values);
      case DOUBLE -> Escapers.escapeYamlDoubleQuoted(values.text(value));
      case DOUBLE_ESCAPE -> "\\" + Escapers.escapeYamlDoubleQuoted(values.text(value));
      case SINGLE -> Escapers.escapeYamlSingleQuoted(values.text(value));
      case COMMENT -> Escapers.flattenForComment(values.text(value));
      case BLOCK -> Escapers.indentForBlock(values.text(value), " ".repeat(lineIndent));
    };
  }

  private static String scalar(Object value, ValueText values) {
    if (value instanceof Encoded encoded && encoded.target() == Escaping.JSON_DOCUMENT) {
      return encoded.text();
    }
    if (value instanceof Boolean bool) {
      return bool ? "true" : "false";
    }
    if (value instanceof Number) {
      String text = values.text(value);
      if (NUMBER.matcher(text).matches()) {
        return text;
      }
    }
    if (value instanceof Collection<?> || value instanceof Map<?, ?>) {
      return values.json(value, true);
    }
    return '"' + Escapers.escapeYamlDoubleQuoted(values.text(value)) + '"';
  }

  @Override
  String mask() {
    return switch (current()) {
      case PLAIN -> "\"" + MASK + "\"";
      case DOUBLE_ESCAPE -> "\\" + MASK;
      default -> MASK;
    };
  }

  @Override
  void afterValue() {
    State seen = current();
    if (seen == State.PLAIN) {
      state = State.PLAIN;
      if (keyColumn < 0) {
        keyColumn = column;
      }
      lastSignificant = '"';
    } else if (seen == State.DOUBLE_ESCAPE) {
      state = State.DOUBLE;
    }
    lineStart = false;
    last = '"';
    blockHeader = false;
  }
}
