package dev.pao.request.application;

import dev.pao.catalog.authoring.PreviewRenderer;
import dev.pao.catalog.authoring.PreviewResult;
import dev.pao.catalog.document.CatalogDocument;
import dev.pao.catalog.document.CatalogSnapshot;
import dev.pao.catalog.sync.CatalogService;
import dev.pao.catalog.validation.FormFields;
import dev.pao.shared.domain.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * What a submission would do, without doing it: the form data is checked exactly as {@link
 * RequestSubmission} checks it (every problem at once), then every action of the item or bundle is
 * rendered as the runner will render it, with sensitive values masked. Nothing is stored.
 */
@ApplicationScoped
public class RequestPreview {
  @Inject CatalogService catalog;
  @Inject PreviewRenderer renderer;

  public PreviewResult preview(String catalogItemId, Map<String, Object> submittedForm) {
    if (catalogItemId == null || catalogItemId.isBlank()) {
      throw ValidationException.of("catalog_item_id is required", "catalog_item_id", "required");
    }
    CatalogSnapshot snapshot = catalog.served();
    CatalogDocument document =
        snapshot
            .find(catalogItemId)
            .orElseThrow(
                () ->
                    ValidationException.of(
                        "No catalog item or bundle '" + catalogItemId + "'",
                        "catalog_item_id",
                        "unknown catalog item"));
    Map<String, Object> submitted = submittedForm == null ? Map.of() : submittedForm;
    FormDataValidator.validate(FormFields.formOf(document.definition()), submitted);
    return renderer.preview(document, snapshot, submitted, null);
  }
}
