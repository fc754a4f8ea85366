package dev.pao.health;

import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * A health check whose reason for being down is kept apart from its up/down answer: the reason
 * (database error text, queue URLs with the account id) is for authenticated admins only, so the
 * public MicroProfile Health answer carries none.
 */
interface DetailedCheck extends HealthCheck {
  String name();

  /** Why the dependency is not usable now; empty when it is. */
  Optional<String> problem();

  @Override
  default HealthCheckResponse call() {
    return new HealthCheckResponse(
        name(),
        problem().isEmpty() ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN,
        Optional.empty());
  }
}
