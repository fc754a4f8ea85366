package dev.pao.catalog.validation;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/** How an error message names an offending value: text quoted and shortened, others by kind. */
final class Shown {
  private Shown() {}

  static String value(Object value, int maxCharacters) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String text) {
      return "'" + shortened(text, maxCharacters) + "'";
    }
    if (value instanceof BigInteger big && big.bitLength() > 4 * maxCharacters) {
      return "a number of " + (int) (big.bitLength() * 0.30103) + " digits or more";
    }
    if (value instanceof Boolean || value instanceof Number) {
      return shortened(String.valueOf(value), maxCharacters);
    }
    if (value instanceof Map<?, ?>) {
      return "an object";
    }
    if (value instanceof List<?>) {
      return "a list";
    }
    return "'" + shortened(String.valueOf(value), maxCharacters) + "'";
  }

  static String shortened(String text, int maxCharacters) {
    if (text.length() <= maxCharacters) {
      return text;
    }
    int end = maxCharacters;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "… (" + text.length() + " characters)";
  }
}
