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
 * The readiness answer of the API: the readiness checks (what this instance needs to take requests)
 * and the dependencies whose state is shown but does not make the instance unready (the queue).
 * Everyone learns which are up or down; only an authenticated admin also learns why ({@code
 * problem}), since the reasons carry database error text and queue URLs (with the cloud account
 * id).
 */
final class ReadinessReport {
  private ReadinessReport() {}

  /**
   * Runs every check and looks at every dependency.
   *
   * @return {@code checks} and {@code dependencies}, each entry {@code {name, status}} (plus {@code
   *     problem} when detailed)
   * @throws ApiException {@code UNAVAILABLE} naming the readiness checks that are down
   */
  static Map<String, Object> run(
      Iterable<? extends DetailedCheck> checks,
      Iterable<? extends DetailedCheck> dependencies,
      boolean detailed) {
    List<Map<String, Object>> entries = new ArrayList<>();
    List<ErrorDetail> failures = new ArrayList<>();
    for (DetailedCheck check : checks) {
      Optional<String> problem = check.problem();
      entries.add(entry(check, problem, detailed));
      problem.ifPresent(
          text -> failures.add(new ErrorDetail(check.name(), detailed ? text : "down")));
    }
    if (!failures.isEmpty()) {
      throw new ApiException(ErrorCode.UNAVAILABLE, "The service is not ready", failures);
    }
    List<Map<String, Object>> others = new ArrayList<>();
    for (DetailedCheck dependency : dependencies) {
      others.add(entry(dependency, dependency.problem(), detailed));
    }
    return Map.of("status", "UP", "checks", entries, "dependencies", others);
  }

  private static Map<String, Object> entry(
      DetailedCheck check, Optional<String> problem, boolean detailed) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("name", check.name());
    entry.put("status", problem.isEmpty() ? "UP" : "DOWN");
    if (detailed) {
      problem.ifPresent(text -> entry.put("problem", text));
    }
    return entry;
  }
}
