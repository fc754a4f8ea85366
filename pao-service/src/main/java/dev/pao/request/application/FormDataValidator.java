package dev.pao.request.application;

import dev.pao.catalog.validation.FieldValueRules;
import dev.pao.catalog.validation.FormFields;
import dev.pao.shared.domain.ValidationException;
import dev.pao.shared.domain.ValidationException.Violation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks submitted form data against a catalog form: every field's type and rules (the same rules
 * the catalog applies to defaults), required fields, group fields nested under their group id, and
 * no unknown fields. Every problem is reported at once; defaults fill fields left out.
 */
public final class FormDataValidator {
  private FormDataValidator() {}

  /**
   * The form data with defaults applied.
   *
   * @throws ValidationException listing every problem, field by dotted path
   */
  public static Map<String, Object> validate(Map<String, Object> form, Map<String, Object> data) {
    Map<String, Object> submitted = data == null ? Map.of() : data;
    List<Violation> problems = new ArrayList<>();
    Map<String, Object> normalized = new LinkedHashMap<>();
    Set<String> groups = new TreeSet<>();
    Set<String> misshapenGroups = new TreeSet<>();
    Set<String> topLevel = new TreeSet<>();
    for (FormFields.Field field : FormFields.of(form)) {
      int dot = field.path().indexOf('.');
      String group = dot < 0 ? null : field.path().substring(0, dot);
      String id = dot < 0 ? field.path() : field.path().substring(dot + 1);
      Map<String, Object> scope = submitted;
      Map<String, Object> target = normalized;
      if (group != null) {
        groups.add(group);
        Object groupValue = submitted.get(group);
        if (groupValue != null && !(groupValue instanceof Map)) {
          if (misshapenGroups.add(group)) {
            problems.add(new Violation(group, "must be an object with the group's fields"));
          }
          continue;
        }
        scope = groupValue == null ? Map.of() : cast(groupValue);
        target = cast(normalized.computeIfAbsent(group, g -> new LinkedHashMap<String, Object>()));
      } else {
        topLevel.add(id);
      }
      Object value = scope.get(id);
      if (value == null || (value instanceof String text && text.isEmpty())) {
        Object fallback = field.definition().get("default");
        if (fallback != null) {
          target.put(id, fallback);
        } else if (field.required()) {
          problems.add(new Violation(field.path(), "required"));
        }
        continue;
      }
      Optional<String> problem = FieldValueRules.check(field.definition(), value);
      if (problem.isPresent()) {
        problems.add(new Violation(field.path(), problem.get()));
      } else {
        target.put(id, value);
      }
    }
    for (Map.Entry<String, Object> entry : submitted.entrySet()) {
      String key = entry.getKey();
      if (groups.contains(key) && entry.getValue() instanceof Map<?, ?> groupValue) {
        for (Object inner : groupValue.keySet()) {
          if (FormFields.of(form).stream().noneMatch(f -> f.path().equals(key + "." + inner))) {
            problems.add(new Violation(key + "." + inner, "unknown field"));
          }
        }
      } else if (!groups.contains(key) && !topLevel.contains(key)) {
        problems.add(new Violation(key, "unknown field"));
      }
    }
    if (!problems.isEmpty()) {
      throw new ValidationException("The form data is invalid", problems);
    }
    return normalized;
  }

  /** The dotted paths of the form's fields marked {@code sensitive: true}. */
  public static List<String> sensitivePaths(Map<String, Object> form) {
    return FormFields.of(form).stream()
        .filter(FormFields.Field::sensitive)
        .map(FormFields.Field::path)
        .toList();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Object value) {
    return (Map<String, Object>) value;
  }
}
