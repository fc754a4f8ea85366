package dev.pao.template;

/**
 * How values are inserted for one {@link Escaping}. Contexts that depend on where in the document
 * an expression sits (JSON, YAML) follow the literal template text through {@link
 * #literal(String)}; inserted values are always escaped so they never change that position.
 */
abstract class Insertion {

  static final String MASK = "***";

  /** A fresh insertion for one render. */
  static Insertion forEscaping(Escaping escaping) {
    return switch (escaping) {
      case TEXT, JSON_STRING -> new Plain();
      case URL_COMPONENT -> new UrlComponent();
      case JSON_DOCUMENT -> new JsonDocumentInsertion();
      case YAML -> new YamlInsertion();
    };
  }

  /** Follows literal template text written before the next insertion. */
  void literal(String text) {}

  /** Follows an inserted value (real or masked) written after the last literal text. */
  void afterValue() {}

  /** The text to insert for a value (a namespace value, a function result or null). */
  abstract String insert(Object value, ValueText values);

  /** The text to insert in place of a sensitive value. */
  String mask() {
    return MASK;
  }

  /** Values inserted as their text form. */
  static final class Plain extends Insertion {
    @Override
    String insert(Object value, ValueText values) {
      return values.text(value);
    }
  }

  /** Values percent-encoded, unless {@code urlencode} already did it. */
  static final class UrlComponent extends Insertion {
    @Override
    String insert(Object value, ValueText values) {
      if (value instanceof Encoded encoded && encoded.target() == Escaping.URL_COMPONENT) {
        return encoded.text();
      }
      return values.budget().produced(Escapers.percentEncode(values.text(value)));
    }
  }
}
