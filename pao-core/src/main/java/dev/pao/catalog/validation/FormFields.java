package dev.pao.catalog.validation;

import dev.pao.catalog.document.ReadOnly;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fields of a document's form, flattened: top-level fields and the fields of each group, each
 * with its dotted {@code .current} path ({@code name}, {@code network.vpc}) and its position in the
 * document ({@code spec.form.groups[0].fields[1]}).
 */
public final class FormFields {
  private FormFields() {}

  /** One field of a form. */
  public record Field(String path, String location, Map<String, Object> definition) {
    public String type() {
      return String.valueOf(definition.get("type"));
    }

    public boolean required() {
      return Boolean.TRUE.equals(definition.get("required"));
    }

    public boolean sensitive() {
      return Boolean.TRUE.equals(definition.get("sensitive"));
    }
  }

  /** The fields of {@code form} (the map under {@code spec.form}) in document order. */
  @SuppressWarnings("unchecked")
  public static List<Field> of(Map<String, Object> form) {
    List<Field> fields = new ArrayList<>();
    List<?> top = ReadOnly.listAt(form, "fields");
    for (int i = 0; i < top.size(); i++) {
      if (top.get(i) instanceof Map<?, ?> field) {
        Map<String, Object> definition = (Map<String, Object>) field;
        fields.add(
            new Field(
                String.valueOf(definition.get("id")), "spec.form.fields[" + i + "]", definition));
      }
    }
    List<?> groups = ReadOnly.listAt(form, "groups");
    for (int g = 0; g < groups.size(); g++) {
      if (!(groups.get(g) instanceof Map<?, ?> group)) {
        continue;
      }
      Map<String, Object> groupMap = (Map<String, Object>) group;
      List<?> inner = ReadOnly.listAt(groupMap, "fields");
      for (int i = 0; i < inner.size(); i++) {
        if (inner.get(i) instanceof Map<?, ?> field) {
          Map<String, Object> definition = (Map<String, Object>) field;
          fields.add(
              new Field(
                  groupMap.get("id") + "." + definition.get("id"),
                  "spec.form.groups[" + g + "].fields[" + i + "]",
                  definition));
        }
      }
    }
    return fields;
  }

  /** The {@code spec.form} of a document definition. */
  public static Map<String, Object> formOf(Map<String, Object> definition) {
    return ReadOnly.mapAt(ReadOnly.mapAt(definition, "spec"), "form");
  }

  /** The option values of a select or multiselect field (plain or {@code {value, label}}). */
  public static List<Object> optionValues(Map<String, Object> field) {
    List<Object> values = new ArrayList<>();
    for (Object option : ReadOnly.listAt(field, "options")) {
      values.add(option instanceof Map<?, ?> map ? map.get("value") : option);
    }
    return values;
  }
}
