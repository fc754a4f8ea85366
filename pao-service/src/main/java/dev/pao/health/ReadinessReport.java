package dev.pao.health;

import dev.pao.shared.api.ApiException;
import dev.pao.shared.api.ErrorCode;
import dev.pao.shared.api.ErrorDetail;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The readiness answer of the API. Everyone learns which checks are up or down; only an
 * authenticated admin also learns why ({@code problem}), since the reasons carry database error
 * text and queue URLs (with the cloud account id).
 */
final class ReadinessReport {
  private ReadinessReport() {}

  /**
   * Runs every check.
   *
   * @return the checks, each {@code {name, status}} (plus {@code problem} when detailed)
   * @throws ApiException {@code UNAVAILABLE} naming the checks that are down
   */
  static Map<String, Object> run(Iterable<? extends DetailedCheck> checks, boolean detailed) {
    List<Map<String, Object>> entries = new ArrayList<>();
    List<ErrorDetail> failures = new ArrayList<>();
    for (DetailedCheck check : checks) {
      Optional<String> problem = check.problem();
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("name", check.name());
      entry.put("status", problem.isEmpty() ? "UP" : "DOWN");
      if (detailed) {
        problem.ifPresent(text -> entry.put("problem", text));
      }
      entries.add(entry);
      problem.ifPresent(
          text -> failures.add(new ErrorDetail(check.name(), detailed ? text : "down")));
    }
    if (!failures.isEmpty()) {
      throw new ApiException(ErrorCode.UNAVAILABLE, "The service is not ready", failures);
    }
    return Map.of("status", "UP", "checks", entries);
  }
}
