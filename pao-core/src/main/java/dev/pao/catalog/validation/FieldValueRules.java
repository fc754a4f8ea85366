package dev.pao.catalog.validation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Whether a value satisfies a form field's own rules (type, pattern, length, range, options). Used
 * for defaults at publish time; the request form check applies the same rules to submitted data.
 */
public final class FieldValueRules {
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  private static final Pattern URL = Pattern.compile("^https?://[^\\s/$.?#].[^\\s]*$");

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
        if (!(value instanceof Number number)
            || (type.equals("integer") && !Numbers.isIntegral(number))) {
          return Optional.of("must be " + (type.equals("integer") ? "an integer" : "a number"));
        }
        return range(field, Numbers.decimal(number));
      }
      case "boolean" -> {
        return value instanceof Boolean ? Optional.empty() : Optional.of("must be true or false");
      }
      case "select" -> {
        return FormFields.optionValues(field).stream().anyMatch(option -> same(option, value))
            ? Optional.empty()
            : Optional.of("must be one of " + FormFields.optionValues(field));
      }
      case "multiselect" -> {
        if (!(value instanceof List<?> list)) {
          return Optional.of("must be a list of options");
        }
        List<Object> chosen = new ArrayList<>();
        for (Object element : list) {
          if (FormFields.optionValues(field).stream().noneMatch(option -> same(option, element))) {
            return Optional.of("'" + element + "' is not one of " + FormFields.optionValues(field));
          }
          if (chosen.stream().anyMatch(earlier -> same(earlier, element))) {
            return Optional.of("'" + element + "' is chosen more than once");
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
      return Optional.of("must be a string");
    }
    int length = text.codePointCount(0, text.length());
    if (field.get("minLength") instanceof Number min && length < min.intValue()) {
      return Optional.of("must be at least " + min + " characters long");
    }
    if (field.get("maxLength") instanceof Number max && length > max.intValue()) {
      return Optional.of("must be at most " + max + " characters long");
    }
    if (field.get("pattern") instanceof String regex) {
      try {
        if (!Pattern.compile(regex).matcher(text).find()) {
          // The field's help text says what is expected in words; the regex only when there is
          // none.
          return Optional.of(
              field.get("description") instanceof String help && !help.isBlank()
                  ? "does not have the expected form: " + help
                  : "does not match " + regex);
        }
      } catch (PatternSyntaxException e) {
        return Optional.empty();
      }
    }
    if (type.equals("email") && !EMAIL.matcher(text).matches()) {
      return Optional.of("must be an e-mail address");
    }
    if (type.equals("url") && !URL.matcher(text).matches()) {
      return Optional.of("must be an http(s) URL");
    }
    if (type.equals("date")) {
      try {
        LocalDate.parse(text);
      } catch (DateTimeParseException e) {
        return Optional.of("must be a date (YYYY-MM-DD)");
      }
    }
    return Optional.empty();
  }

  private static Optional<String> range(Map<String, Object> field, BigDecimal value) {
    if (field.get("min") instanceof Number min && value.compareTo(Numbers.decimal(min)) < 0) {
      return Optional.of("must be at least " + min);
    }
    if (field.get("max") instanceof Number max && value.compareTo(Numbers.decimal(max)) > 0) {
      return Optional.of("must be at most " + max);
    }
    return Optional.empty();
  }

  private static boolean same(Object option, Object value) {
    if (option instanceof Number a && value instanceof Number b) {
      return Numbers.decimal(a).compareTo(Numbers.decimal(b)) == 0;
    }
    return option != null && option.equals(value);
  }
}
