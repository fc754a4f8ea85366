package dev.pao.template;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

/**
 * Converts namespace values to text and JSON. Only data types are read: strings, numbers, booleans,
 * characters, enums, collections and maps; anything else counts as missing, so no method of an
 * arbitrary object is ever called. Every conversion is bounded by the render's budget, which also
 * stops cyclic or deeply nested values.
 */
final class ValueText {

  private static final int MAX_PLAIN_DIGITS = 400;
  private static final int MAX_INTEGER_BITS = 16_384;

  private final RenderBudget budget;

  ValueText(RenderBudget budget) {
    this.budget = budget;
  }

  RenderBudget budget() {
    return budget;
  }

  /** Whether the engine reads values of this type; others are treated as missing. */
  static boolean isSupported(Object value) {
    return value instanceof CharSequence
        || isNumber(value)
        || value instanceof Boolean
        || value instanceof Character
        || value instanceof Enum<?>
        || value instanceof Collection<?>
        || value instanceof Map<?, ?>
        || value instanceof Encoded;
  }

  /** Whether {@code default} replaces the value: missing, empty text, empty list or map. */
  static boolean isEmpty(Object value) {
    return value == null
        || (value instanceof CharSequence text && text.length() == 0)
        || (value instanceof Encoded encoded && encoded.text().isEmpty())
        || (value instanceof Collection<?> list && list.isEmpty())
        || (value instanceof Map<?, ?> map && map.isEmpty());
  }

  /**
   * The text form: strings as they are, integral numbers without {@code .0}, lists joined with
   * {@code ,}, maps as JSON, missing values as the empty string.
   */
  String text(Object value) {
    if (value instanceof String text) {
      budget.checkLength(text.length());
      return text;
    }
    if (value instanceof Encoded encoded) {
      return encoded.text();
    }
    if (value instanceof Collection<?> || value instanceof Map<?, ?>) {
      StringBuilder out = new StringBuilder();
      appendText(out, value, 0);
      return budget.produced(out.toString());
    }
    return budget.produced(scalar(value));
  }

  /** The JSON form: compact, or with a space after {@code :} and {@code ,} when spaced. */
  String json(Object value, boolean spaced) {
    StringBuilder out = new StringBuilder();
    appendJson(out, value, 0, spaced);
    return budget.produced(out.toString());
  }

  private void appendText(StringBuilder out, Object value, int depth) {
    if (value instanceof Collection<?> list) {
      enter(depth);
      boolean first = true;
      for (Object element : list) {
        if (!first) {
          out.append(',');
        }
        first = false;
        appendText(out, element, depth + 1);
      }
    } else if (value instanceof Map<?, ?>) {
      appendJson(out, value, depth, false);
    } else if (value instanceof Encoded encoded) {
      out.append(encoded.text());
    } else {
      out.append(scalar(value));
    }
    budget.work(1);
    budget.checkLength(out.length());
  }

  private void appendJson(StringBuilder out, Object value, int depth, boolean spaced) {
    budget.work(1);
    if (value instanceof Map<?, ?> map) {
      enter(depth);
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        Object key = entry.getKey();
        if (!isSupported(key) || key instanceof Collection<?> || key instanceof Map<?, ?>) {
          continue;
        }
        out.append(first ? "" : spaced ? ", " : ",");
        first = false;
        out.append(Escapers.quoteJson(scalar(key))).append(spaced ? ": " : ":");
        appendJson(out, entry.getValue(), depth + 1, spaced);
      }
      out.append('}');
    } else if (value instanceof Collection<?> list) {
      enter(depth);
      out.append('[');
      boolean first = true;
      for (Object element : list) {
        out.append(first ? "" : spaced ? ", " : ",");
        first = false;
        appendJson(out, element, depth + 1, spaced);
      }
      out.append(']');
    } else if (value instanceof Boolean) {
      out.append(value);
    } else if (isNumber(value)) {
      String number = number((Number) value);
      out.append(isJsonNumber(number) ? number : "null");
    } else if (isSupported(value)) {
      out.append(Escapers.quoteJson(scalar(value)));
    } else {
      out.append("null");
    }
    budget.checkLength(out.length());
  }

  private void enter(int depth) {
    if (depth >= budget.limits().maxValueDepth()) {
      throw budget.limit(
          "value is nested deeper than " + budget.limits().maxValueDepth() + " levels");
    }
  }

  private String scalar(Object value) {
    if (value instanceof CharSequence text) {
      budget.checkLength(text.length());
      return text.toString();
    }
    if (value instanceof Boolean bool) {
      return bool ? "true" : "false";
    }
    if (value instanceof Character c) {
      return String.valueOf(c.charValue());
    }
    if (value instanceof Enum<?> constant) {
      return constant.name();
    }
    if (value instanceof Encoded encoded) {
      return encoded.text();
    }
    if (isNumber(value)) {
      return number((Number) value);
    }
    return "";
  }

  private static boolean isNumber(Object value) {
    return value instanceof Integer
        || value instanceof Long
        || value instanceof Double
        || value instanceof Float
        || value instanceof Short
        || value instanceof Byte
        || value instanceof BigDecimal
        || value instanceof BigInteger;
  }

  private String number(Number number) {
    if (number instanceof Double || number instanceof Float) {
      double d = number.doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        return Double.toString(d);
      }
      if (d == Math.rint(d) && Math.abs(d) < 1e15) {
        return Long.toString((long) d);
      }
      String shortest =
          number instanceof Float ? Float.toString((Float) number) : Double.toString(d);
      return plain(new BigDecimal(shortest));
    }
    if (number instanceof BigDecimal decimal) {
      return plain(decimal);
    }
    if (number instanceof BigInteger big) {
      if (big.bitLength() > MAX_INTEGER_BITS) {
        throw budget.failure("number value is too large to render");
      }
      return big.toString();
    }
    return Long.toString(number.longValue());
  }

  private String plain(BigDecimal decimal) {
    if (decimal.precision() > MAX_PLAIN_DIGITS * 4) {
      throw budget.failure("number value is too large to render");
    }
    BigDecimal stripped = decimal.stripTrailingZeros();
    long integerDigits = (long) stripped.precision() - stripped.scale();
    if (Math.abs(integerDigits) > MAX_PLAIN_DIGITS || stripped.scale() > MAX_PLAIN_DIGITS) {
      return stripped.toString();
    }
    return stripped.toPlainString();
  }

  private static boolean isJsonNumber(String number) {
    char first = number.charAt(0);
    return first == '-'
        ? number.length() > 1 && Character.isDigit(number.charAt(1))
        : Character.isDigit(first);
  }
}
