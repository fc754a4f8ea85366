package dev.pao.catalog.preview;

import dev.pao.catalog.document.CatalogDocument;
import dev.pao.catalog.document.DocumentKind;
import dev.pao.catalog.document.FormData;
import dev.pao.catalog.document.ReadOnly;
import dev.pao.catalog.validation.FieldValueRules;
import dev.pao.catalog.validation.FormFields;
import dev.pao.template.Namespaces;
import dev.pao.template.TemplateEngine;
import dev.pao.template.TemplateException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders a valid document's actions with sample form data as the request runner would: defaults
 * filled in, earlier actions' outputs as {@code <key>} placeholders, sensitive values as {@code
 * ***}; a bundle's components in dependency order, each with its item's defaults and the bundle's
 * fixed values under the form data. One implementation for the service's {@code POST
 * /api/v1/tools/preview} and {@code devctl catalog preview}.
 */
public final class ActionPreview {
  private static final Set<String> NOT_RENDERED = Set.of("id", "type", "outputs", "auth");
  private final TemplateEngine engine = new TemplateEngine();

  /** One rendered action, and the problems of rendering it. */
  public record Action(
      String component,
      String item,
      String id,
      String type,
      Map<String, Object> rendered,
      List<String> problems) {}

  /** A problem of the sample form data: the field's dotted path and what is wrong. */
  public record FormError(String field, String issue) {}

  /** The problems of the form data and the rendered actions. */
  public record Result(List<FormError> formErrors, List<Action> actions) {}

  /**
   * @param items the catalog's items by id (bundle components and {@code .metadata})
   * @param system the {@code .system} namespace to render with
   */
  public Result preview(
      CatalogDocument document,
      Map<String, CatalogDocument> items,
      Map<String, Object> formData,
      Map<String, Object> system) {
    Map<String, Object> form = FormFields.formOf(document.definition());
    List<FormError> formErrors = new ArrayList<>();
    Map<String, Object> current = withDefaults(form, formData, formErrors);
    Set<String> sensitive = new HashSet<>();
    FormFields.of(form).stream()
        .filter(FormFields.Field::sensitive)
        .forEach(field -> sensitive.add(field.path()));
    Map<String, Object> metadata = new LinkedHashMap<>();
    items.values().forEach(item -> metadata.put(item.id(), metadataOf(item)));
    if (document.kind() == DocumentKind.ITEM) {
      metadata.put(document.id(), metadataOf(document));
    }
    Map<String, Object> output = new LinkedHashMap<>();
    List<Action> actions = new ArrayList<>();
    Namespaces base = new Namespaces(current, output, metadata, system, sensitive);
    if (document.kind() == DocumentKind.ITEM) {
      render(null, document, base, output, actions);
    } else {
      for (Map<?, ?> component :
          ComponentOrder.of(ReadOnly.listAt(document.spec(), "components"))) {
        CatalogDocument item = items.get(String.valueOf(component.get("item")));
        if (item != null) {
          Namespaces own =
              new Namespaces(
                  FormData.overlay(FormData.componentBase(item, component.get("values")), current),
                  output,
                  metadata,
                  system,
                  sensitive);
          render(String.valueOf(component.get("id")), item, own, output, actions);
        }
      }
    }
    return new Result(formErrors, actions);
  }

  private void render(
      String component,
      CatalogDocument item,
      Namespaces base,
      Map<String, Object> output,
      List<Action> rendered) {
    for (Object raw : ReadOnly.listAt(ReadOnly.mapAt(item.spec(), "fulfillment"), "actions")) {
      Map<?, ?> action = (Map<?, ?>) raw;
      Map<String, Object> result = new LinkedHashMap<>();
      List<String> problems = new ArrayList<>();
      Namespaces namespaces =
          new Namespaces(
              base.current(),
              Map.copyOf(output),
              base.metadata(),
              base.system(),
              base.sensitiveCurrentPaths());
      action.forEach(
          (key, value) -> {
            String name = String.valueOf(key);
            if (NOT_RENDERED.contains(name)) {
              result.put(name, value);
              return;
            }
            try {
              result.put(
                  name,
                  engine
                      .renderTree(
                          value,
                          namespaces,
                          ActionEscaping.of(
                              String.valueOf(action.get("type")), name, value, action))
                      .maskedValue());
            } catch (TemplateException e) {
              problems.add(name + ": " + e.toProblem());
            }
          });
      if (action.get("outputs") instanceof Map<?, ?> outputs) {
        outputs.keySet().forEach(key -> output.put(String.valueOf(key), "<" + key + ">"));
      }
      rendered.add(
          new Action(
              component,
              item.id(),
              String.valueOf(action.get("id")),
              String.valueOf(action.get("type")),
              result,
              problems));
    }
  }

  private static Map<String, Object> withDefaults(
      Map<String, Object> form, Map<String, Object> data, List<FormError> errors) {
    Map<String, Object> current = new LinkedHashMap<>();
    Set<String> known = new HashSet<>();
    for (FormFields.Field field : FormFields.of(form)) {
      known.add(field.path());
      String[] parts = field.path().split("\\.");
      Map<String, Object> target = current;
      Object given = data.get(parts[0]);
      if (parts.length == 2) {
        known.add(parts[0]);
        @SuppressWarnings("unchecked")
        Map<String, Object> group =
            (Map<String, Object>) current.computeIfAbsent(parts[0], k -> new LinkedHashMap<>());
        target = group;
        given = data.get(parts[0]) instanceof Map<?, ?> map ? map.get(parts[1]) : null;
      }
      Object value = given != null ? given : field.definition().get("default");
      if (value == null) {
        if (field.required()) {
          errors.add(new FormError(field.path(), "required"));
        }
        continue;
      }
      target.put(parts[parts.length - 1], value);
      FieldValueRules.check(field.definition(), value)
          .ifPresent(issue -> errors.add(new FormError(field.path(), issue)));
    }
    data.keySet().stream()
        .filter(key -> !known.contains(key))
        .forEach(key -> errors.add(new FormError(key, "not a field of this form")));
    return current;
  }

  private static Map<String, Object> metadataOf(CatalogDocument item) {
    Map<String, Object> values = new LinkedHashMap<>(item.custom());
    values.put("id", item.id());
    values.put("name", item.name());
    values.put("version", item.version());
    values.put("category", item.category());
    values.put("owner", item.owner() == null ? "" : item.owner());
    values.put("description", item.description() == null ? "" : item.description());
    values.put("tags", item.tags());
    return values;
  }
}
