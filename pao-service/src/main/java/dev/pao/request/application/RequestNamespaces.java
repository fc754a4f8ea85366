package dev.pao.request.application;

import dev.pao.catalog.document.FormData;
import dev.pao.request.domain.Request;
import dev.pao.shared.crypto.DataKeys;
import dev.pao.template.Namespaces;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The four template namespaces of a request's action: {@code .current} the form data, {@code
 * .output} the outputs so far, {@code .metadata} the pinned metadata of the items involved, {@code
 * .system} the request's own context and the platform's region and environment.
 */
final class RequestNamespaces {
  private RequestNamespaces() {}

  /**
   * The namespaces of one action: in a bundle, {@code .current} is the action's component base (its
   * item's defaults and the bundle's fixed values) overlaid by the request's form data.
   */
  static Namespaces of(Request request, String component, String region, String environment) {
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("email", request.requester().email());
    user.put("name", request.requester().name() == null ? "" : request.requester().name());
    user.put("teams", request.requester().teams());
    Map<String, Object> system = new LinkedHashMap<>();
    system.put("requestId", request.id().toString());
    system.put("correlationId", request.correlationId());
    system.put("timestamp", request.createdAt().toString());
    system.put("user", user);
    system.put("platform", Map.of("region", region, "environment", environment));
    Object metadata = request.plan().get("metadata");
    @SuppressWarnings("unchecked")
    Map<String, Object> metadataMap =
        metadata instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    // Sensitive values are sealed at rest (SealedFormData); templates see the real values.
    Map<String, Object> formData =
        SealedFormData.open(DataKeys::cipher, request.id(), request.formData());
    Map<String, Object> current = formData;
    if (component != null
        && request.plan().get("componentValues") instanceof Map<?, ?> bases
        && bases.get(component) instanceof Map<?, ?> base) {
      current = FormData.overlay(base, formData);
    }
    return new Namespaces(
        current, request.outputs(), metadataMap, system, new HashSet<>(request.sensitivePaths()));
  }
}
