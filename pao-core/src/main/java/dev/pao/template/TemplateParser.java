package dev.pao.template;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses template source into a {@link Template}. Grammar inside the braces (spaces, tabs and line
 * breaks allowed between tokens):
 *
 * <pre>
 * expression := reference ( "|" call )*  |  string
 * reference  := "." namespace ( "." name )+
 * call       := function ( string | integer )*
 * name       := [A-Za-z_] [A-Za-z0-9_-]*
 * </pre>
 *
 * A braces pair holding only a string literal ({@code {{"{{"}}}) is literal text. Errors carry the
 * 1-based line and column of the offending character.
 */
final class TemplateParser {

  private static final String OPEN = "{{";

  private final String source;
  private final TemplateLimits limits;
  private final SourcePositions positions;
  private int pos;

  private TemplateParser(String source, TemplateLimits limits) {
    this.source = source;
    this.limits = limits;
    this.positions = new SourcePositions(source);
  }

  static Template parse(String source, TemplateLimits limits) {
    if (source.length() > limits.maxSourceChars()) {
      throw new TemplateException(
          TemplateException.Kind.LIMIT,
          "template is "
              + source.length()
              + " characters long; the limit is "
              + limits.maxSourceChars(),
          1,
          1);
    }
    return new TemplateParser(source, limits).parseAll();
  }

  private Template parseAll() {
    List<String> texts = new ArrayList<>();
    List<Expression> expressions = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    while (true) {
      int open = source.indexOf(OPEN, pos);
      if (open < 0) {
        text.append(source, pos, source.length());
        break;
      }
      text.append(source, pos, open);
      pos = open + OPEN.length();
      skipSpace();
      if (peek() == '"') {
        text.append(parseString(open));
        skipSpace();
        if (!closeAhead()) {
          throw unexpected(open, "a string literal between braces takes no functions");
        }
        pos += 2;
        continue;
      }
      if (expressions.size() == limits.maxExpressions()) {
        throw limit(open, "template has more than " + limits.maxExpressions() + " expressions");
      }
      expressions.add(parseExpression(open));
      texts.add(text.toString());
      text.setLength(0);
    }
    texts.add(text.toString());
    return new Template(source, texts, expressions);
  }

  private Expression parseExpression(int open) {
    if (peek() != '.') {
      if (closeAhead()) {
        throw syntax(open, "empty expression; write a reference such as {{.current.name}}");
      }
      throw unexpected(open, "expected a reference such as .current.name");
    }
    pos++;
    int namespaceStart = pos;
    String namespaceKey = name(open);
    Namespace namespace =
        Namespace.fromKey(namespaceKey)
            .orElseThrow(
                () ->
                    syntax(
                        namespaceStart - 1,
                        "unknown namespace '."
                            + namespaceKey
                            + "'; use .current, .output, .metadata or .system"));
    List<String> path = new ArrayList<>();
    while (peek() == '.') {
      pos++;
      if (path.size() == limits.maxPathDepth()) {
        throw limit(pos, "path is deeper than " + limits.maxPathDepth() + " names");
      }
      path.add(name(open));
    }
    if (path.isEmpty()) {
      throw syntax(
          pos, "'." + namespaceKey + "' needs a path, for example {{." + namespaceKey + ".name}}");
    }
    List<FunctionCall> functions = new ArrayList<>();
    while (true) {
      skipSpace();
      if (closeAhead()) {
        pos += 2;
        break;
      }
      if (peek() != '|') {
        throw unexpected(open, "expected '|' or '}}'");
      }
      if (functions.size() == limits.maxPipeLength()) {
        throw limit(pos, "pipe has more than " + limits.maxPipeLength() + " functions");
      }
      pos++;
      skipSpace();
      functions.add(parseCall(open));
    }
    return new Expression(
        source.substring(open, pos),
        positions.line(open),
        positions.column(open),
        namespace,
        path,
        functions);
  }

  private FunctionCall parseCall(int open) {
    int start = pos;
    if (!isLetter(peek())) {
      throw unexpected(open, "expected a function name after '|'");
    }
    while (isLetter(peek()) || isDigit(peek()) || peek() == '_') {
      pos++;
    }
    String function = source.substring(start, pos);
    List<Argument> arguments = new ArrayList<>();
    while (true) {
      skipSpace();
      int c = peek();
      if (c == '|' || closeAhead()) {
        break;
      }
      if (c == '"') {
        arguments.add(Argument.string(parseString(open)));
      } else if (c == '-' || isDigit(c)) {
        arguments.add(Argument.integer(parseInteger(open, function)));
      } else if (c < 0) {
        throw unclosed(open);
      } else {
        throw syntax(
            pos,
            "bad argument "
                + describe(c)
                + " to '"
                + function
                + "': expected a double-quoted string or an integer");
      }
    }
    return new FunctionCall(function, arguments, positions.line(start), positions.column(start));
  }

  private String parseString(int open) {
    int quote = pos++;
    StringBuilder value = new StringBuilder();
    while (true) {
      int c = peek();
      if (c < 0 || c == '\n') {
        throw syntax(quote, "unterminated string literal");
      }
      pos++;
      if (c == '"') {
        return value.toString();
      }
      if (c != '\\') {
        value.append((char) c);
        continue;
      }
      int escape = peek();
      pos++;
      switch (escape) {
        case '"', '\\', '/' -> value.append((char) escape);
        case 'n' -> value.append('\n');
        case 't' -> value.append('\t');
        case 'r' -> value.append('\r');
        case 'u' -> value.append(parseUnicodeEscape(pos - 2));
        default -> {
          if (escape < 0) {
            throw syntax(quote, "unterminated string literal");
          }
          throw syntax(
              pos - 2,
              "invalid escape in string literal; use \\\" \\\\ \\/ \\n \\t \\r or \\uXXXX");
        }
      }
    }
  }

  private char parseUnicodeEscape(int backslash) {
    if (pos + 4 > source.length()) {
      throw syntax(backslash, "\\u must be followed by four hex digits");
    }
    int code = 0;
    for (int i = 0; i < 4; i++) {
      int digit = Character.digit(source.charAt(pos + i), 16);
      if (digit < 0) {
        throw syntax(backslash, "\\u must be followed by four hex digits");
      }
      code = code * 16 + digit;
    }
    pos += 4;
    return (char) code;
  }

  private int parseInteger(int open, String function) {
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    int digitsStart = pos;
    while (isDigit(peek())) {
      pos++;
    }
    int digits = pos - digitsStart;
    if (digits == 0 || isLetter(peek()) || peek() == '_' || peek() == '.') {
      if (peek() < 0) {
        throw unclosed(open);
      }
      throw syntax(
          start,
          "bad argument to '" + function + "': expected a double-quoted string or an integer");
    }
    if (digits > 9) {
      throw syntax(start, "number too large; arguments are at most 999999999");
    }
    return Integer.parseInt(source.substring(start, pos));
  }

  private String name(int open) {
    int start = pos;
    while (isLetter(peek()) || isDigit(peek()) || peek() == '_' || peek() == '-') {
      pos++;
    }
    if (start == pos) {
      throw unexpected(open, "expected a name after '.'");
    }
    char first = source.charAt(start);
    if (!isLetter(first) && first != '_') {
      throw syntax(start, "names start with a letter or '_'");
    }
    return source.substring(start, pos);
  }

  private void skipSpace() {
    while (true) {
      int c = peek();
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        pos++;
      } else {
        return;
      }
    }
  }

  private int peek() {
    return pos < source.length() ? source.charAt(pos) : -1;
  }

  private boolean closeAhead() {
    return source.startsWith("}}", pos);
  }

  private static boolean isLetter(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }

  private TemplateException unexpected(int open, String expected) {
    int c = peek();
    if (c < 0) {
      return unclosed(open);
    }
    return syntax(pos, "unexpected " + describe(c) + "; " + expected);
  }

  private TemplateException unclosed(int open) {
    return syntax(open, "unclosed '{{': missing '}}'");
  }

  private static String describe(int c) {
    if (c >= 0x21 && c < 0x7f) {
      return "'" + (char) c + "'";
    }
    return String.format("character U+%04X", c);
  }

  private TemplateException syntax(int offset, String reason) {
    return new TemplateException(
        TemplateException.Kind.SYNTAX, reason, positions.line(offset), positions.column(offset));
  }

  private TemplateException limit(int offset, String reason) {
    return new TemplateException(
        TemplateException.Kind.LIMIT, reason, positions.line(offset), positions.column(offset));
  }
}
