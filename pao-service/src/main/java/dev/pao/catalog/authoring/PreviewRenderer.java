package dev.pao.catalog.authoring;

import dev.pao.catalog.api.FormView;
import dev.pao.catalog.document.CatalogDocument;
import dev.pao.catalog.document.CatalogSnapshot;
import dev.pao.catalog.document.DocumentKind;
import dev.pao.catalog.document.FormData;
import dev.pao.catalog.document.ReadOnly;
import dev.pao.catalog.validation.FieldValueRules;
import dev.pao.catalog.validation.FormFields;
import dev.pao.security.CurrentUser;
import dev.pao.shared.correlation.Correlation;
import dev.pao.template.Escaping;
import dev.pao.template.Namespaces;
import dev.pao.template.TemplateEngine;
import dev.pao.template.TemplateException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Renders a valid document's actions with sample form data, the way the request runner will:
 * defaults filled in, earlier actions' outputs shown as placeholders, sensitive values masked.
 */
@ApplicationScoped
public class PreviewRenderer {
  private static final Set<String> NOT_RENDERED = Set.of("id", "type", "outputs");
  private final TemplateEngine engine = new TemplateEngine();

  @Inject Instance<CurrentUser> user;

  @Inject
  @ConfigProperty(name = "pao.platform.region", defaultValue = "local")
  String region;

  @Inject
  @ConfigProperty(name = "pao.platform.environment", defaultValue = "development")
  String environment;

  PreviewResult preview(
      CatalogDocument document,
      CatalogSnapshot catalog,
      Map<String, Object> formData,
      Map<String, Object> system) {
    Map<String, Object> form = FormFields.formOf(document.definition());
    List<PreviewResult.FormError> formErrors = new ArrayList<>();
    Map<String, Object> current = withDefaults(form, formData, formErrors);
    Set<String> sensitive = new HashSet<>();
    FormFields.of(form).stream()
        .filter(FormFields.Field::sensitive)
        .forEach(field -> sensitive.add(field.path()));
    Map<String, Object> output = new LinkedHashMap<>();
    Namespaces base =
        new Namespaces(
            current,
            output,
            metadata(catalog, document),
            system == null ? system() : system,
            sensitive);
    List<PreviewResult.RenderedAction> actions = new ArrayList<>();
    if (document.kind() == DocumentKind.ITEM) {
      render(null, document, base, output, actions);
    } else {
      for (Map<?, ?> component : BundleOrder.of(ReadOnly.listAt(document.spec(), "components"))) {
        catalog
            .item(String.valueOf(component.get("item")))
            .ifPresent(
                item ->
                    render(
                        String.valueOf(component.get("id")),
                        item,
                        componentNamespaces(base, item, component.get("values")),
                        output,
                        actions));
      }
    }
    return new PreviewResult(
        document.kind().apiName(),
        document.id(),
        FormView.of(document.definition()),
        formErrors,
        actions);
  }

  /** A bundle component's {@code .current}: its item's defaults and fixed values, then the form. */
  private static Namespaces componentNamespaces(
      Namespaces bundle, CatalogDocument item, Object values) {
    return new Namespaces(
        FormData.overlay(FormData.componentBase(item, values), bundle.current()),
        bundle.output(),
        bundle.metadata(),
        bundle.system(),
        bundle.sensitiveCurrentPaths());
  }

  private void render(
      String component,
      CatalogDocument item,
      Namespaces base,
      Map<String, Object> output,
      List<PreviewResult.RenderedAction> rendered) {
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
                  name, engine.renderTree(value, namespaces, escaping(name, value)).maskedValue());
            } catch (TemplateException e) {
              problems.add(name + ": " + e.toProblem());
            }
          });
      if (action.get("outputs") instanceof Map<?, ?> outputs) {
        outputs.keySet().forEach(key -> output.put(String.valueOf(key), "<" + key + ">"));
      }
      rendered.add(
          new PreviewResult.RenderedAction(
              component,
              item.id(),
              String.valueOf(action.get("id")),
              String.valueOf(action.get("type")),
              result,
              problems));
    }
  }

  private static Escaping escaping(String key, Object value) {
    if (key.equals("url")) {
      return Escaping.URL_COMPONENT;
    }
    if (key.equals("body")) {
      return value instanceof String ? Escaping.JSON_DOCUMENT : Escaping.JSON_STRING;
    }
    return Escaping.TEXT;
  }

  private static Map<String, Object> withDefaults(
      Map<String, Object> form, Map<String, Object> data, List<PreviewResult.FormError> errors) {
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
          errors.add(new PreviewResult.FormError(field.path(), "required"));
        }
        continue;
      }
      target.put(parts[parts.length - 1], value);
      FieldValueRules.check(field.definition(), value)
          .ifPresent(issue -> errors.add(new PreviewResult.FormError(field.path(), issue)));
    }
    data.keySet().stream()
        .filter(key -> !known.contains(key))
        .forEach(key -> errors.add(new PreviewResult.FormError(key, "not a field of this form")));
    return current;
  }

  private static Map<String, Object> metadata(CatalogSnapshot catalog, CatalogDocument document) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    catalog.items().forEach(item -> metadata.put(item.id(), metadataOf(item)));
    if (document.kind() == DocumentKind.ITEM) {
      metadata.put(document.id(), metadataOf(document));
    }
    return metadata;
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

  private Map<String, Object> system() {
    CurrentUser caller = user.get();
    Map<String, Object> userValues = new LinkedHashMap<>();
    userValues.put("email", caller.email());
    userValues.put("name", caller.name() == null ? "" : caller.name());
    userValues.put("teams", caller.teams());
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("requestId", "00000000-0000-0000-0000-000000000000");
    values.put("correlationId", Correlation.current());
    values.put("timestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    values.put("user", userValues);
    values.put("platform", Map.of("region", region, "environment", environment));
    return values;
  }
}
