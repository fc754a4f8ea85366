package dev.pao.template;

/**
 * Character-level escaping for the places a value can land: JSON strings, URL components and the
 * YAML scalar styles. Each method makes its input inert in its target: no quote, line break or
 * control character survives that could end the string, comment or scalar it is placed in.
 */
final class Escapers {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private Escapers() {}

  /** The content of a JSON string (without quotes). */
  static String escapeJson(String text) {
    int i = 0;
    while (i < text.length() && !needsJsonEscape(text, i)) {
      i++;
    }
    if (i == text.length()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, i);
    for (; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!needsJsonEscape(text, i)) {
        out.append(c);
        continue;
      }
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> appendUnicodeEscape(out, c);
      }
    }
    return out.toString();
  }

  /** A complete JSON string literal, quotes included. */
  static String quoteJson(String text) {
    return '"' + escapeJson(text) + '"';
  }

  /**
   * Percent-encodes UTF-8 bytes, keeping only RFC 3986 unreserved characters ({@code A-Z a-z 0-9 -
   * . _ ~}). A lone surrogate is encoded as U+FFFD.
   */
  static String percentEncode(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (isUnreserved(cp)) {
        out.append((char) cp);
      } else {
        if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
          cp = 0xFFFD;
        }
        appendUtf8Percent(out, cp);
      }
    }
    return out.toString();
  }

  /** The content of a YAML double-quoted scalar (without quotes), on a single line. */
  static String escapeYamlDoubleQuoted(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (isLoneSurrogate(text, i)) {
            out.append("\\uFFFD");
          } else if (isYamlUnsafe(text, i)) {
            appendUnicodeEscape(out, c);
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /**
   * The content of a YAML single-quoted scalar: quotes are doubled; line breaks and control
   * characters, which that style cannot hold safely, become spaces.
   */
  static String escapeYamlSingleQuoted(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\'') {
        out.append("''");
      } else {
        out.append(isLineBreakOrUnsafe(text, i) ? ' ' : c);
      }
    }
    return out.toString();
  }

  /** Text for a YAML comment: line breaks and control characters become spaces. */
  static String flattenForComment(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      out.append(isLineBreakOrUnsafe(text, i) ? ' ' : text.charAt(i));
    }
    return out.toString();
  }

  /**
   * Text for a YAML block scalar: every line break is followed by {@code indent} so continuation
   * lines stay inside the scalar; control characters become spaces.
   */
  static String indentForBlock(String text, String indent) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        continue;
      }
      if (c == '\n' || c == '\r') {
        out.append('\n').append(indent);
      } else {
        out.append(isLineBreakOrUnsafe(text, i) ? ' ' : c);
      }
    }
    return out.toString();
  }

  private static boolean needsJsonEscape(String text, int i) {
    char c = text.charAt(i);
    return c < 0x20
        || c == '"'
        || c == '\\'
        || c == '\u2028'
        || c == '\u2029'
        || isLoneSurrogate(text, i);
  }

  private static boolean isYamlUnsafe(String text, int i) {
    char c = text.charAt(i);
    return c < 0x20
        || (c >= 0x7F && c <= 0x9F)
        || c == '\u2028'
        || c == '\u2029'
        || c == '\uFEFF'
        || c == '\uFFFE'
        || c == '\uFFFF'
        || isLoneSurrogate(text, i);
  }

  private static boolean isLineBreakOrUnsafe(String text, int i) {
    return text.charAt(i) != '\t' && isYamlUnsafe(text, i);
  }

  private static boolean isLoneSurrogate(String text, int i) {
    char c = text.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
    }
    return false;
  }

  private static boolean isUnreserved(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~';
  }

  private static void appendUtf8Percent(StringBuilder out, int cp) {
    if (cp < 0x80) {
      appendPercent(out, cp);
    } else if (cp < 0x800) {
      appendPercent(out, 0xC0 | (cp >> 6));
      appendPercent(out, 0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      appendPercent(out, 0xE0 | (cp >> 12));
      appendPercent(out, 0x80 | ((cp >> 6) & 0x3F));
      appendPercent(out, 0x80 | (cp & 0x3F));
    } else {
      appendPercent(out, 0xF0 | (cp >> 18));
      appendPercent(out, 0x80 | ((cp >> 12) & 0x3F));
      appendPercent(out, 0x80 | ((cp >> 6) & 0x3F));
      appendPercent(out, 0x80 | (cp & 0x3F));
    }
  }

  private static void appendPercent(StringBuilder out, int octet) {
    out.append('%').append(HEX[(octet >> 4) & 0xF]).append(HEX[octet & 0xF]);
  }

  private static void appendUnicodeEscape(StringBuilder out, char c) {
    out.append("\\u")
        .append(HEX[(c >> 12) & 0xF])
        .append(HEX[(c >> 8) & 0xF])
        .append(HEX[(c >> 4) & 0xF])
        .append(HEX[c & 0xF]);
  }
}
