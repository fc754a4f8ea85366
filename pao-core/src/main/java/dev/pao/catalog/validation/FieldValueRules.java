package dev.pao.catalog.validation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether a value satisfies a form field's own rules (type, pattern, length, range, options). Used
 * for defaults at publish time; the request form check applies the same rules to submitted data.
 */
public final class FieldValueRules {
  /**
   * The longest text a field without its own {@code maxLength} accepts, in characters (code
   * points): every checked value is bounded, so no check works on unbounded input.
   */
  public static final int DEFAULT_MAX_LENGTH = 4096;

  /** The largest magnitude of a form number. */
  public static final BigDecimal LARGEST_NUMBER = Numbers.LARGEST;

  /** The smallest magnitude of a form number other than zero. */
  public static final BigDecimal SMALLEST_NUMBER = Numbers.SMALLEST;

  // Both run in linear time: no two quantifiers can share a character, so a failing match never
  // tries more than one way to split the text (the domain takes its first dot after the first
  // character; a mismatch gives characters back one at a time and fails at once).
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s][^@\\s.]*\\.[^@\\s]+$");
  private static final Pattern URL = Pattern.compile("^https?://[^\\s/$.?#].[^\\s]*$");
  private static final int SHOWN_CHARACTERS = 60;

  private FieldValueRules() {}

  /**
   * The regular expression a value of a string {@code type} must match ({@code email}, {@code
   * url}), as published in a form's JSON Schema.
   */
  public static Optional<String> formatPattern(String type) {
    return switch (type) {
      case "email" -> Optional.of(EMAIL.pattern());
      case "url" -> Optional.of(URL.pattern());
      case "date" -> Optional.of("^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
      default -> Optional.empty();
    };
  }

  /** Why {@code value} does not fit {@code field}, or empty when it does. */
  public static Optional<String> check(Map<String, Object> field, Object value) {
    String type = String.valueOf(field.get("type"));
    switch (type) {
      case "integer", "number" -> {
        if (!(value instanceof Number number) || !Numbers.isFinite(number)) {
          return Optional.of(
              "must be "
                  + (type.equals("integer") ? "an integer" : "a number")
                  + ", not "
                  + shown(field, value));
        }
        // Range and size first: they are cheap on any value, the integral check is not on a
        // number of millions of digits.
        BigDecimal decimal = Numbers.decimal(number);
        if (!Numbers.inRange(decimal)) {
          return Optional.of(
              shown(field, value)
                  + " is out of range: numbers lie between 1e-300 and 1e300 in magnitude, with at"
                  + " most "
                  + Numbers.MAX_DIGITS
                  + " digits");
        }
        if (type.equals("integer") && !Numbers.isIntegral(number)) {
          return Optional.of("must be an integer, not " + shown(field, value));
        }
        return range(field, decimal);
      }
      case "boolean" -> {
        return value instanceof Boolean
            ? Optional.empty()
            : Optional.of("must be true or false, not " + shown(field, value));
      }
      case "select" -> {
        return FormFields.optionValues(field).stream().anyMatch(option -> same(option, value))
            ? Optional.empty()
            : Optional.of(
                "must be one of "
                    + FormFields.optionValues(field)
                    + ", not "
                    + shown(field, value));
      }
      case "multiselect" -> {
        if (!(value instanceof List<?> list)) {
          return Optional.of("must be a list of options, not " + shown(field, value));
        }
        List<Object> chosen = new ArrayList<>();
        for (Object element : list) {
          if (FormFields.optionValues(field).stream().noneMatch(option -> same(option, element))) {
            return Optional.of(
                shown(field, element) + " is not one of " + FormFields.optionValues(field));
          }
          if (chosen.stream().anyMatch(earlier -> same(earlier, element))) {
            return Optional.of(shown(field, element) + " is chosen more than once");
          }
          chosen.add(element);
        }
        return Optional.empty();
      }
      default -> {
        return text(field, type, value);
      }
    }
  }

  private static Optional<String> text(Map<String, Object> field, String type, Object value) {
    if (!(value instanceof String text)) {
      return Optional.of("must be a string, not " + shown(field, value));
    }
    int length = text.codePointCount(0, text.length());
    if (field.get("minLength") instanceof Number min && length < min.intValue()) {
      return Optional.of("must be at least " + min + " characters long");
    }
    long max = maxLength(field);
    if (length > max) {
      return Optional.of("must be at most " + max + " characters long (it has " + length + ")");
    }
    if (field.get("pattern") instanceof String regex
        && !LinearPatterns.found(regex, text).orElse(true)) {
      // The field's help text says what is expected in words; the regex only when there is none.
      return Optional.of(
          shown(field, text)
              + (field.get("description") instanceof String help && !help.isBlank()
                  ? " does not have the expected form: " + help
                  : " does not match " + regex));
    }
    if (type.equals("email") && !EMAIL.matcher(text).matches()) {
      return Optional.of(shown(field, text) + " is not an e-mail address");
    }
    if (type.equals("url") && !URL.matcher(text).matches()) {
      return Optional.of(shown(field, text) + " is not an http(s) URL");
    }
    if (type.equals("date")) {
      try {
        LocalDate.parse(text);
      } catch (DateTimeParseException e) {
        return Optional.of(shown(field, text) + " is not a date (YYYY-MM-DD)");
      }
    }
    return Optional.empty();
  }

  /** The most characters a value of a text field may have: its maxLength, or the default cap. */
  public static long maxLength(Map<String, Object> field) {
    return field.get("maxLength") instanceof Number max ? max.longValue() : DEFAULT_MAX_LENGTH;
  }

  /**
   * A value as an error message shows it: quoted and cut short when long, and never the value of a
   * sensitive field.
   */
  static String shown(Map<String, Object> field, Object value) {
    if (Boolean.TRUE.equals(field.get("sensitive"))) {
      return "the given value";
    }
    return Shown.value(value, SHOWN_CHARACTERS);
  }

  private static Optional<String> range(Map<String, Object> field, BigDecimal value) {
    if (field.get("min") instanceof Number min
        && Numbers.isFinite(min)
        && value.compareTo(Numbers.decimal(min)) < 0) {
      return Optional.of("must be at least " + min + ", not " + shown(field, value));
    }
    if (field.get("max") instanceof Number max
        && Numbers.isFinite(max)
        && value.compareTo(Numbers.decimal(max)) > 0) {
      return Optional.of("must be at most " + max + ", not " + shown(field, value));
    }
    return Optional.empty();
  }

  private static boolean same(Object option, Object value) {
    if (option instanceof Number a
        && value instanceof Number b
        && Numbers.isFinite(a)
        && Numbers.isFinite(b)) {
      return Numbers.decimal(a).compareTo(Numbers.decimal(b)) == 0;
    }
    return option != null && option.equals(value);
  }
}
