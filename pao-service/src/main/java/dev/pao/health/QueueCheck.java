package dev.pao.health;

import dev.pao.queue.infra.QueueTopology;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the FIFO action queue and its DLQ exist with the expected redrive policy. */
@Readiness
@ApplicationScoped
public class QueueCheck implements DetailedCheck {
  static final String NAME = "queue";

  @Inject QueueTopology topology;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Optional<String> problem() {
    QueueTopology.Report report = topology.current();
    return report.ok() ? Optional.empty() : Optional.of(String.join("; ", report.problems()));
  }
}
