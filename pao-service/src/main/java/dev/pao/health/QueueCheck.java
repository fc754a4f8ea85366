package dev.pao.health;

import dev.pao.queue.infra.QueueTopology;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Up when the FIFO action queue and its DLQ exist with the expected redrive policy. Not a readiness
 * check: while the queue is down the instance still takes requests (submissions wait in the outbox
 * and are relayed once it answers), so the API's readiness answer lists it as a dependency only.
 */
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
