package dev.pao.request.application;

import dev.pao.request.domain.Request;
import dev.pao.template.Namespaces;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The four template namespaces of a request: {@code .current} the form data, {@code .output} the
 * outputs so far, {@code .metadata} the pinned metadata of the items involved, {@code .system} the
 * request's own context and the platform's region and environment.
 */
final class RequestNamespaces {
  private RequestNamespaces() {}

  static Namespaces of(Request request, String region, String environment) {
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
    return new Namespaces(
        request.formData(),
        request.outputs(),
        metadataMap,
        system,
        new HashSet<>(request.sensitivePaths()));
  }
}
