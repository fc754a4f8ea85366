package dev.pao.catalog.authoring;

import dev.pao.catalog.document.CatalogDocument;
import dev.pao.catalog.document.Rejection;
import dev.pao.catalog.sync.CatalogService;
import dev.pao.catalog.validation.DocumentValidator;
import dev.pao.shared.api.ApiException;
import dev.pao.shared.api.ErrorDetail;
import dev.pao.shared.json.Jsons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a posted catalog document exactly as a sync would (schema, then semantics against the
 * current catalog) and previews one. The posted document is never published.
 */
@ApplicationScoped
public class CatalogDocumentTools {
  static final String POSTED = "posted";

  @Inject CatalogService catalog;
  @Inject PreviewRenderer renderer;

  private final DocumentValidator validator = new DocumentValidator();

  /** The document if it is valid, and its problems. */
  record Checked(Optional<CatalogDocument> document, DocumentCheck verdict) {}

  public DocumentCheck validate(String text) {
    return check(text).verdict();
  }

  public PreviewResult preview(PreviewRequest request) {
    if (request == null || request.document() == null) {
      throw ApiException.validation(
          "A document is required",
          List.of(new ErrorDetail("document", "required: YAML or JSON text, or a JSON object")));
    }
    String text =
        request.document() instanceof String string
            ? string
            : Jsons.PLAIN.toJson(request.document());
    Checked checked = check(text);
    if (checked.document().isEmpty()) {
      List<ErrorDetail> details = new ArrayList<>();
      for (DocumentCheck.Error error : checked.verdict().errors()) {
        String where = "document:" + error.line() + ":" + error.column();
        details.add(
            new ErrorDetail(
                error.path().isEmpty() ? where : where + " " + error.path(), error.message()));
      }
      throw ApiException.validation("The document is not valid", details);
    }
    return renderer.preview(
        checked.document().get(),
        catalog.current(),
        request.formData() == null ? Map.of() : request.formData(),
        request.system());
  }

  private Checked check(String text) {
    if (text == null || text.isBlank()) {
      throw ApiException.validation(
          "A document is required", List.of(new ErrorDetail("body", "a YAML or JSON document")));
    }
    DocumentValidator.ParseResult parsed = validator.parse(POSTED, text, POSTED);
    if (parsed.parsed() == null) {
      return new Checked(Optional.empty(), verdict(null, null, parsed.rejections()));
    }
    Map<String, CatalogDocument> items = new HashMap<>();
    catalog.current().items().forEach(item -> items.put(item.id(), item));
    DocumentValidator.Outcome outcome = validator.check(parsed.parsed(), Optional.empty(), items);
    String kind = parsed.parsed().kind().apiName();
    return new Checked(
        outcome.document(), verdict(kind, parsed.parsed().id(), outcome.rejections()));
  }

  private static DocumentCheck verdict(String kind, String id, List<Rejection> rejections) {
    List<DocumentCheck.Error> errors = new ArrayList<>();
    for (Rejection rejection : rejections) {
      errors.add(
          new DocumentCheck.Error(
              rejection.reason(), rejection.line(), rejection.column(), rejection.path()));
    }
    return new DocumentCheck(errors.isEmpty(), kind, id, errors);
  }
}
