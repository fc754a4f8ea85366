package dev.pao.catalog.validation;

import dev.pao.catalog.document.CatalogDocument;
import dev.pao.catalog.document.FormData;
import dev.pao.catalog.document.ReadOnly;
import dev.pao.template.Expression;
import dev.pao.template.Namespace;
import dev.pao.template.TemplateEngine;
import dev.pao.template.TemplateException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where each field of a bundle component's item gets its value: the bundle's form data, else the
 * value the bundle fixes for the component ({@code values}), else the field's default. Checks the
 * fixed values against the item's form, and that every field the item requires or its templates
 * read has one of the three, so a bundle never sends an empty value where the item expects one.
 */
final class ComponentValues {
  private static final Set<String> NOT_TEMPLATES =
      Set.of("id", "type", "outputs", "timeoutSeconds");
  private static final TemplateEngine ENGINE = new TemplateEngine();

  private ComponentValues() {}

  static void check(
      String at,
      String componentId,
      Map<?, ?> component,
      CatalogDocument item,
      Set<String> bundleFieldPaths,
      List<Problem> problems) {
    Map<String, FormFields.Field> fields = new LinkedHashMap<>();
    FormFields.of(FormFields.formOf(item.definition()))
        .forEach(field -> fields.put(field.path(), field));
    Map<String, Object> fixed = FormData.flatten(component.get("values"));
    fixed.forEach(
        (path, value) -> {
          FormFields.Field field = fields.get(path);
          if (field == null) {
            problems.add(
                Problem.at(
                    at + ".values." + path,
                    "'"
                        + path
                        + "' is not a field of item '"
                        + item.id()
                        + "'; its fields: "
                        + String.join(", ", fields.keySet())));
          } else {
            FieldValueRules.check(field.definition(), value)
                .ifPresent(
                    why ->
                        problems.add(
                            Problem.at(at + ".values." + path, "value for '" + path + "' " + why)));
          }
        });
    for (FormFields.Field field : fields.values()) {
      boolean provided =
          bundleFieldPaths.contains(field.path())
              || fixed.containsKey(field.path())
              || field.definition().get("default") != null;
      if (provided) {
        continue;
      }
      if (field.required()) {
        problems.add(
            Problem.at(
                at + ".item",
                "component '"
                    + componentId
                    + "': required field '"
                    + field.path()
                    + "' of item '"
                    + item.id()
                    + "' has no value: it has no default, the bundle form does not declare it and"
                    + " the component fixes none (values)"));
      } else {
        firstTemplateReading(item, field.path())
            .ifPresent(
                template ->
                    problems.add(
                        Problem.at(
                            at + ".item",
                            "component '"
                                + componentId
                                + "': field '"
                                + field.path()
                                + "' of item '"
                                + item.id()
                                + "' would render empty in "
                                + template
                                + ": it has no default, the bundle form does not declare it and"
                                + " the component fixes none (values)")));
      }
    }
  }

  /**
   * The first template of the item's actions that reads {@code .current.<path>} without a {@code
   * default}, described as {@code '{{.current.size}}' (action ticket, summary)}.
   */
  private static Optional<String> firstTemplateReading(CatalogDocument item, String path) {
    List<?> actions = ReadOnly.listAt(ReadOnly.mapAt(item.spec(), "fulfillment"), "actions");
    for (Object entry : actions) {
      if (!(entry instanceof Map<?, ?> action)) {
        continue;
      }
      for (Map.Entry<?, ?> key : action.entrySet()) {
        if (NOT_TEMPLATES.contains(String.valueOf(key.getKey()))) {
          continue;
        }
        Optional<String> found =
            reading(key.getValue(), path).map(source -> source + " (action " + action.get("id"));
        if (found.isPresent()) {
          return Optional.of(found.get() + ", " + key.getKey() + ")");
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> reading(Object node, String path) {
    if (node instanceof String text && text.contains("{{")) {
      try {
        return ENGINE.parse(text).references().stream()
            .filter(expression -> expression.namespace() == Namespace.CURRENT)
            .filter(expression -> expression.pathText().equals(path))
            .filter(expression -> !hasDefault(expression))
            .map(expression -> "'" + expression.source() + "'")
            .findFirst();
      } catch (TemplateException invalid) {
        return Optional.empty(); // reported when the item itself is validated
      }
    }
    if (node instanceof Map<?, ?> map) {
      for (Object value : map.values()) {
        Optional<String> found = reading(value, path);
        if (found.isPresent()) {
          return found;
        }
      }
    } else if (node instanceof List<?> list) {
      for (Object value : list) {
        Optional<String> found = reading(value, path);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  private static boolean hasDefault(Expression expression) {
    return expression.functions().stream().anyMatch(call -> call.name().equals("default"));
  }
}
