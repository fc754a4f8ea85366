package dev.pao.catalog.authoring;

import java.util.Map;

/**
 * A document to preview (YAML or JSON text, or a JSON object) with sample form data and, if wanted,
 * sample {@code .system} values (defaults: the caller and a preview request id).
 */
public record PreviewRequest(
    Object document, Map<String, Object> formData, Map<String, Object> system) {}
