package dev.pao.catalog.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * The catalog's wording of a schema finding, by the keyword that failed: what the value must be,
 * with the allowed values, the offending text and the limit it broke. A keyword without its own
 * wording keeps the validator's message.
 */
final class SchemaMessages {
  static final String NO_FORM_MATCHES = "does not match any of the allowed forms";
  private static final int SHOWN_CHARACTERS = 60;

  private SchemaMessages() {}

  static String of(ValidationMessage message) {
    JsonNode rule = message.getSchemaNode();
    return switch (message.getType()) {
      case "type" -> "must be " + typeText(rule) + ", not " + found(message.getInstanceNode());
      case "const" -> "must be '" + rule.asText() + "', not " + shown(message.getInstanceNode());
      case "enum" -> "must be one of " + texts(rule) + ", not " + shown(message.getInstanceNode());
      case "required" -> "'" + message.getProperty() + "' is required";
      case "additionalProperties" -> "unknown key '" + message.getProperty() + "'";
      case "pattern" -> shown(message.getInstanceNode()) + " does not match " + rule.asText();
      case "minLength" -> "must be at least " + rule.asText() + " characters long";
      case "maxLength" -> "must be at most " + rule.asText() + " characters long";
      case "minimum" -> "must be at least " + rule.asText();
      case "maximum" -> "must be at most " + rule.asText();
      case "minItems" -> "must have at least " + rule.asText() + " entries";
      case "anyOf" -> NO_FORM_MATCHES;
      default -> message.getError();
    };
  }

  /** The offending value itself: text quoted and shortened, other scalars as written. */
  private static String shown(JsonNode value) {
    if (value == null || value.isMissingNode()) {
      return "the given value";
    }
    if (value.isTextual()) {
      return Shown.value(value.asText(), SHOWN_CHARACTERS);
    }
    if (value.isContainerNode()) {
      return value.isArray() ? "a list" : "an object";
    }
    return Shown.shortened(value.toString(), SHOWN_CHARACTERS);
  }

  /** What was found instead of the expected type: its kind and, for a scalar, the value. */
  private static String found(JsonNode value) {
    if (value == null || value.isContainerNode() || value.isMissingNode() || value.isNull()) {
      return shown(value);
    }
    String kind = value.isTextual() ? "the text " : value.isBoolean() ? "" : "the number ";
    return kind + shown(value);
  }

  private static String typeText(JsonNode type) {
    String text = type.isArray() ? String.join(" or ", texts(type)) : type.asText();
    return text.startsWith("a") || text.startsWith("i") || text.startsWith("o")
        ? "an " + text
        : "a " + text;
  }

  private static List<String> texts(JsonNode values) {
    List<String> texts = new ArrayList<>();
    values.forEach(value -> texts.add(value.isTextual() ? value.asText() : value.toString()));
    return texts;
  }
}
