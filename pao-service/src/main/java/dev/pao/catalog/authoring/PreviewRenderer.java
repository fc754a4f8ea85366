package dev.pao.catalog.authoring;

import dev.pao.catalog.api.FormView;
import dev.pao.catalog.document.CatalogDocument;
import dev.pao.catalog.document.CatalogSnapshot;
import dev.pao.catalog.preview.ActionPreview;
import dev.pao.security.CurrentUser;
import dev.pao.shared.correlation.Correlation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Renders a valid document's actions with sample form data, the way the request runner will ({@link
 * ActionPreview} of pao-core, shared with devctl), with the caller's {@code .system}.
 */
@ApplicationScoped
public class PreviewRenderer {

  @Inject Instance<CurrentUser> user;

  @Inject
  @ConfigProperty(name = "pao.platform.region", defaultValue = "local")
  String region;

  @Inject
  @ConfigProperty(name = "pao.platform.environment", defaultValue = "development")
  String environment;

  public PreviewResult preview(
      CatalogDocument document,
      CatalogSnapshot catalog,
      Map<String, Object> formData,
      Map<String, Object> system) {
    Map<String, CatalogDocument> items = new LinkedHashMap<>();
    catalog.items().forEach(item -> items.put(item.id(), item));
    ActionPreview.Result result =
        new ActionPreview().preview(document, items, formData, system == null ? system() : system);
    return new PreviewResult(
        document.kind().apiName(),
        document.id(),
        FormView.of(document.definition()),
        result.formErrors().stream()
            .map(error -> new PreviewResult.FormError(error.field(), error.issue()))
            .toList(),
        result.actions().stream()
            .map(
                action ->
                    new PreviewResult.RenderedAction(
                        action.component(),
                        action.item(),
                        action.id(),
                        action.type(),
                        action.rendered(),
                        action.problems()))
            .toList());
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
