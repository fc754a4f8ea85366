package dev.pao.template;

/**
 * Inserts values into a raw JSON document template. It tracks, from the literal text only, whether
 * the next insertion lands inside a JSON string or where a JSON value is expected: inside a string
 * the value is JSON-string-escaped; elsewhere it is written as a complete JSON value. Either way
 * the inserted text cannot end a string or add members to the document.
 */
final class JsonDocumentInsertion extends Insertion {

  private boolean inString;
  private boolean escaped;

  @Override
  void literal(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (escaped) {
        escaped = false;
      } else if (inString && c == '\\') {
        escaped = true;
      } else if (c == '"') {
        inString = !inString;
      }
    }
  }

  @Override
  void afterValue() {
    escaped = false;
  }

  @Override
  String insert(Object value, ValueText values) {
    if (inString) {
      String escapedText = Escapers.escapeJson(values.text(value));
      return values.budget().produced(pendingBackslash() + escapedText);
    }
    if (value instanceof Encoded encoded && encoded.target() == Escaping.JSON_DOCUMENT) {
      return encoded.text();
    }
    if (value == null) {
      return "\"\"";
    }
    return values.json(value, false);
  }

  @Override
  String mask() {
    return inString ? pendingBackslash() + MASK : "\"" + MASK + "\"";
  }

  /**
   * A backslash that pairs with one the template left dangling right before the expression, so that
   * backslash cannot escape the first character of the inserted text.
   */
  private String pendingBackslash() {
    return escaped ? "\\" : "";
  }
}
