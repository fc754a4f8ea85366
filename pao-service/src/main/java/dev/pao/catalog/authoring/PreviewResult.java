package dev.pao.catalog.authoring;

import java.util.List;
import java.util.Map;

/**
 * What a request for a document would look like: its form (as {@code GET /catalog/{id}/form}), the
 * problems of the sample form data, and every action fully rendered with sensitive values masked
 * (for a bundle, the actions of each component in run order).
 */
public record PreviewResult(
    String kind,
    String id,
    Map<String, Object> form,
    List<FormError> formErrors,
    List<RenderedAction> actions) {

  /** A problem of the sample form data. */
  public record FormError(String field, String issue) {}

  /**
   * One action as it would run: its component (bundles), id, type and rendered configuration, whose
   * keys are the document's own.
   */
  public record RenderedAction(
      String component,
      String item,
      String id,
      String type,
      Map<String, Object> rendered,
      List<String> problems) {}
}
