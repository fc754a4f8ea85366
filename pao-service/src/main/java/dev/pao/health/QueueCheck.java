package dev.pao.health;

import dev.pao.queue.infra.QueueTopology;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the FIFO action queue and its DLQ exist with the expected redrive policy. */
@Readiness
@ApplicationScoped
public class QueueCheck implements HealthCheck {
  static final String NAME = "queue";

  @Inject QueueTopology topology;

  @Override
  public HealthCheckResponse call() {
    QueueTopology.Report report = topology.current();
    if (report.ok()) {
      return HealthCheckResponse.named(NAME).up().build();
    }
    return HealthCheckResponse.named(NAME)
        .down()
        .withData("problem", String.join("; ", report.problems()))
        .build();
  }
}
