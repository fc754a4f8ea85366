package dev.pao.catalog.validation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Checks a value against a JSON Schema (draft 2020-12) written with the keywords the catalog schema
 * uses: {@code $ref} (local), {@code type}, {@code const}, {@code enum}, {@code required}, {@code
 * properties}, {@code additionalProperties}, {@code pattern}, {@code minLength}, {@code maxLength},
 * {@code minimum}, {@code maximum}, {@code items}, {@code minItems}, {@code anyOf}, {@code allOf}
 * and {@code if}/{@code then}. Other keywords are annotations and are ignored.
 */
final class SchemaValidator {
  private final Map<String, Object> root;
  private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

  SchemaValidator(Map<String, Object> root) {
    this.root = root;
  }

  List<Problem> validate(Object value) {
    List<Problem> problems = new ArrayList<>();
    check(root, value, "", problems);
    return problems;
  }

  @SuppressWarnings("unchecked")
  private void check(Object schemaNode, Object value, String path, List<Problem> problems) {
    if (!(schemaNode instanceof Map<?, ?>)) {
      return;
    }
    Map<String, Object> schema = (Map<String, Object>) schemaNode;
    if (schema.get("$ref") instanceof String ref) {
      check(resolve(ref), value, path, problems);
    }
    if (schema.containsKey("type") && !hasType(schema.get("type"), value)) {
      problems.add(Problem.at(path, "must be " + typeText(schema.get("type"))));
      return;
    }
    if (schema.containsKey("const") && !same(schema.get("const"), value)) {
      problems.add(Problem.at(path, "must be '" + schema.get("const") + "'"));
    }
    if (schema.get("enum") instanceof List<?> allowed
        && allowed.stream().noneMatch(candidate -> same(candidate, value))) {
      problems.add(Problem.at(path, "must be one of " + allowed));
    }
    if (value instanceof Map<?, ?> map) {
      checkObject(schema, (Map<String, Object>) map, path, problems);
    } else if (value instanceof List<?> list) {
      checkArray(schema, list, path, problems);
    } else if (value instanceof String text) {
      checkString(schema, text, path, problems);
    } else if (value instanceof Number number) {
      checkNumber(schema, number, path, problems);
    }
    if (schema.get("anyOf") instanceof List<?> options && !options.isEmpty()) {
      boolean matched = false;
      for (Object option : options) {
        List<Problem> attempt = new ArrayList<>();
        check(option, value, path, attempt);
        matched |= attempt.isEmpty();
      }
      if (!matched) {
        problems.add(Problem.at(path, "does not match any of the allowed forms"));
      }
    }
    if (schema.get("allOf") instanceof List<?> all) {
      all.forEach(part -> check(part, value, path, problems));
    }
    if (schema.containsKey("if")) {
      List<Problem> condition = new ArrayList<>();
      check(schema.get("if"), value, path, condition);
      if (condition.isEmpty()) {
        check(schema.get("then"), value, path, problems);
      }
    }
  }

  private void checkObject(
      Map<String, Object> schema, Map<String, Object> map, String path, List<Problem> problems) {
    if (schema.get("required") instanceof List<?> required) {
      for (Object name : required) {
        if (!map.containsKey(String.valueOf(name))) {
          problems.add(Problem.at(path, "'" + name + "' is required"));
        }
      }
    }
    Map<?, ?> properties =
        schema.get("properties") instanceof Map<?, ?> declared ? declared : Map.of();
    Object additional = schema.get("additionalProperties");
    for (Map.Entry<String, Object> entry : map.entrySet()) {
      String inner = path.isEmpty() ? entry.getKey() : path + "." + entry.getKey();
      if (properties.containsKey(entry.getKey())) {
        check(properties.get(entry.getKey()), entry.getValue(), inner, problems);
      } else if (Boolean.FALSE.equals(additional)) {
        problems.add(Problem.at(inner, "unknown key '" + entry.getKey() + "'"));
      } else if (additional instanceof Map<?, ?>) {
        check(additional, entry.getValue(), inner, problems);
      }
    }
  }

  private void checkArray(
      Map<String, Object> schema, List<?> list, String path, List<Problem> problems) {
    if (schema.get("minItems") instanceof Number min && list.size() < min.intValue()) {
      problems.add(Problem.at(path, "must have at least " + min + " entries"));
    }
    if (schema.containsKey("items")) {
      for (int i = 0; i < list.size(); i++) {
        check(schema.get("items"), list.get(i), path + "[" + i + "]", problems);
      }
    }
  }

  private void checkString(
      Map<String, Object> schema, String text, String path, List<Problem> problems) {
    int length = text.codePointCount(0, text.length());
    if (schema.get("minLength") instanceof Number min && length < min.intValue()) {
      problems.add(Problem.at(path, "must be at least " + min + " characters long"));
    }
    if (schema.get("maxLength") instanceof Number max && length > max.intValue()) {
      problems.add(Problem.at(path, "must be at most " + max + " characters long"));
    }
    if (schema.get("pattern") instanceof String regex
        && !patterns.computeIfAbsent(regex, Pattern::compile).matcher(text).find()) {
      problems.add(Problem.at(path, "'" + text + "' does not match " + regex));
    }
  }

  private static void checkNumber(
      Map<String, Object> schema, Number number, String path, List<Problem> problems) {
    BigDecimal value = decimal(number);
    if (schema.get("minimum") instanceof Number min && value.compareTo(decimal(min)) < 0) {
      problems.add(Problem.at(path, "must be at least " + min));
    }
    if (schema.get("maximum") instanceof Number max && value.compareTo(decimal(max)) > 0) {
      problems.add(Problem.at(path, "must be at most " + max));
    }
  }

  private Object resolve(String ref) {
    if (!ref.startsWith("#/")) {
      throw new IllegalArgumentException("only local references are supported: " + ref);
    }
    Object node = root;
    for (String part : ref.substring(2).split("/")) {
      node = ((Map<?, ?>) node).get(part);
    }
    return Objects.requireNonNull(node, ref);
  }

  private static boolean hasType(Object type, Object value) {
    if (type instanceof Collection<?> types) {
      return types.stream().anyMatch(single -> hasType(single, value));
    }
    return switch (String.valueOf(type)) {
      case "object" -> value instanceof Map<?, ?>;
      case "array" -> value instanceof List<?>;
      case "string" -> value instanceof String;
      case "boolean" -> value instanceof Boolean;
      case "null" -> value == null;
      case "number" -> value instanceof Number;
      case "integer" -> value instanceof Number n && isIntegral(n);
      default -> false;
    };
  }

  static boolean isIntegral(Number number) {
    BigDecimal value = decimal(number);
    return value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
  }

  static BigDecimal decimal(Number number) {
    return number instanceof BigDecimal big ? big : new BigDecimal(number.toString());
  }

  private static String typeText(Object type) {
    String text =
        type instanceof Collection<?> types
            ? String.join(" or ", types.stream().map(String::valueOf).toList())
            : String.valueOf(type);
    return text.startsWith("a") || text.startsWith("i") || text.startsWith("o")
        ? "an " + text
        : "a " + text;
  }

  private static boolean same(Object expected, Object value) {
    if (expected instanceof Number a && value instanceof Number b) {
      return decimal(a).compareTo(decimal(b)) == 0;
    }
    return Objects.equals(expected, value);
  }
}
