package dev.pao.catalog.api;

import dev.pao.catalog.document.ReadOnly;
import dev.pao.catalog.validation.FieldValueRules;
import dev.pao.catalog.validation.FormFields;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A document's form for renderers: fields and groups as written, in order, with options resolved to
 * {@code {value, label}} and defaults shown, plus the equivalent JSON Schema ({@code json_schema}).
 */
public final class FormView {
  private static final String MASK = "***";

  private FormView() {}

  public static Map<String, Object> of(Map<String, Object> definition) {
    Map<String, Object> form = FormFields.formOf(definition);
    List<Object> fields = new ArrayList<>();
    ReadOnly.listAt(form, "fields").forEach(field -> fields.add(resolved(field)));
    List<Object> groups = new ArrayList<>();
    for (Object group : ReadOnly.listAt(form, "groups")) {
      Map<String, Object> copy = new LinkedHashMap<>(asMap(group));
      List<Object> inner = new ArrayList<>();
      ReadOnly.listAt(copy, "fields").forEach(field -> inner.add(resolved(field)));
      copy.put("fields", inner);
      groups.add(copy);
    }
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("fields", fields);
    view.put("groups", groups);
    view.put("json_schema", jsonSchema(form));
    return view;
  }

  private static Map<String, Object> resolved(Object field) {
    Map<String, Object> copy = new LinkedHashMap<>(asMap(field));
    if (Boolean.TRUE.equals(copy.get("sensitive")) && copy.containsKey("default")) {
      copy.put("default", MASK);
    }
    if (copy.containsKey("options")) {
      List<Object> options = new ArrayList<>();
      for (Object option : ReadOnly.listAt(copy, "options")) {
        Map<String, Object> resolved = new LinkedHashMap<>();
        Object value = option instanceof Map<?, ?> map ? map.get("value") : option;
        Object label = option instanceof Map<?, ?> map ? map.get("label") : null;
        resolved.put("value", value);
        resolved.put("label", label == null ? String.valueOf(value) : label);
        options.add(resolved);
      }
      copy.put("options", options);
    }
    return copy;
  }

  /** The JSON Schema (draft 2020-12) a value of the form must satisfy. */
  public static Map<String, Object> jsonSchema(Map<String, Object> form) {
    Map<String, Object> schema = object(ReadOnly.listAt(form, "fields"));
    schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    @SuppressWarnings("unchecked")
    Map<String, Object> properties = (Map<String, Object>) schema.get("properties");
    List<String> required = requiredOf(schema);
    for (Object group : ReadOnly.listAt(form, "groups")) {
      Map<String, Object> groupMap = asMap(group);
      Map<String, Object> groupSchema = object(ReadOnly.listAt(groupMap, "fields"));
      putIfPresent(groupSchema, "title", groupMap.get("label"));
      String id = String.valueOf(groupMap.get("id"));
      properties.put(id, groupSchema);
      if (!requiredOf(groupSchema).isEmpty()) {
        required.add(id);
      }
    }
    return schema;
  }

  private static Map<String, Object> object(List<?> fields) {
    Map<String, Object> properties = new LinkedHashMap<>();
    List<String> required = new ArrayList<>();
    for (Object field : fields) {
      Map<String, Object> definition = asMap(field);
      String id = String.valueOf(definition.get("id"));
      properties.put(id, property(definition));
      // A required field with a default may be left out: the service fills the default in.
      if (Boolean.TRUE.equals(definition.get("required")) && definition.get("default") == null) {
        required.add(id);
      }
    }
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "object");
    schema.put("properties", properties);
    schema.put("required", required);
    schema.put("additionalProperties", false);
    return schema;
  }

  @SuppressWarnings("unchecked")
  private static List<String> requiredOf(Map<String, Object> schema) {
    return (List<String>) schema.get("required");
  }

  private static Map<String, Object> property(Map<String, Object> field) {
    Map<String, Object> property = new LinkedHashMap<>();
    List<String> formatRules = new ArrayList<>();
    String type = String.valueOf(field.get("type"));
    switch (type) {
      case "integer", "number" -> {
        property.put("type", type);
        // The service's bounds on every number (FieldValueRules): magnitudes up to 1e300 and, for
        // non-integers, from 1e-300.
        property.put("minimum", FieldValueRules.LARGEST_NUMBER.negate());
        property.put("maximum", FieldValueRules.LARGEST_NUMBER);
        if (type.equals("number")) {
          BigDecimal tiny = FieldValueRules.SMALLEST_NUMBER;
          property.put(
              "not",
              Map.of(
                  "anyOf",
                  List.of(
                      Map.of("exclusiveMinimum", BigDecimal.ZERO, "exclusiveMaximum", tiny),
                      Map.of(
                          "exclusiveMinimum",
                          tiny.negate(),
                          "exclusiveMaximum",
                          BigDecimal.ZERO))));
        }
      }
      case "boolean" -> property.put("type", type);
      case "select" -> property.put("enum", FormFields.optionValues(field));
      case "multiselect" -> {
        property.put("type", "array");
        property.put("items", Map.of("enum", FormFields.optionValues(field)));
        property.put("uniqueItems", true);
      }
      default -> {
        property.put("type", "string");
        if (type.equals("email") || type.equals("date")) {
          property.put("format", type);
        } else if (type.equals("url")) {
          property.put("format", "uri");
        }
        // The service checks formats itself (FieldValueRules); the same rules as patterns, so
        // validators that treat format as an annotation only agree with it.
        FieldValueRules.formatPattern(type).ifPresent(rule -> formatRules.add(rule));
        if (Boolean.TRUE.equals(field.get("required")) && field.get("minLength") == null) {
          property.put("minLength", 1); // an empty string counts as not given
        }
      }
    }
    putIfPresent(property, "title", field.get("label"));
    putIfPresent(property, "description", field.get("description"));
    if (field.get("pattern") != null) {
      formatRules.add(String.valueOf(field.get("pattern")));
    }
    if (formatRules.size() == 1) {
      property.put("pattern", formatRules.get(0));
    } else if (formatRules.size() > 1) {
      property.put("allOf", formatRules.stream().map(rule -> Map.of("pattern", rule)).toList());
    }
    putIfPresent(property, "minLength", field.get("minLength"));
    if ("string".equals(property.get("type"))) {
      property.put("maxLength", FieldValueRules.maxLength(field));
    }
    putIfPresent(property, "minimum", field.get("min"));
    putIfPresent(property, "maximum", field.get("max"));
    if (Boolean.TRUE.equals(field.get("sensitive"))) {
      property.put("writeOnly", true);
      property.put("format", "password");
    } else {
      putIfPresent(property, "default", field.get("default"));
    }
    if (type.equals("text")) {
      property.put("x-multiline", true);
    }
    return property;
  }

  private static void putIfPresent(Map<String, Object> map, String key, Object value) {
    if (value != null) {
      map.put(key, value);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object value) {
    return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }
}
