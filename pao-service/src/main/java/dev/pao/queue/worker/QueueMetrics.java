package dev.pao.queue.worker;

import dev.pao.queue.domain.QueueMessage;
import dev.pao.queue.infra.SqsSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * Counters and timers of the message path (application scope, {@code /metrics}): received,
 * acknowledged (handler returned; the adapter deletes it), redelivered (seen before), failed (left
 * for redelivery), dead-lettered (failed on the last receive the queue allows, so the queue moves
 * it to the DLQ), and handler duration. Queue depth and message age gauges are in {@link
 * QueueGauges}.
 */
@ApplicationScoped
public class QueueMetrics {
  static final Duration RATE_WINDOW = Duration.ofMinutes(5);

  @Inject MetricRegistry registry;
  @Inject SqsSettings settings;

  private final ProcessingRate rate = new ProcessingRate(RATE_WINDOW);
  private Counter received;
  private Counter acknowledged;
  private Counter redelivered;
  private Counter failed;
  private Counter deadLettered;
  private Metadata handlerDuration;

  @PostConstruct
  void describe() {
    received = counter("pao.queue.messages.received", "Messages handed to the message-driven bean");
    acknowledged = counter("pao.queue.messages.acknowledged", "Messages handled and acknowledged");
    redelivered = counter("pao.queue.messages.redelivered", "Messages delivered more than once");
    failed = counter("pao.queue.messages.failed", "Messages left for redelivery");
    deadLettered =
        counter("pao.queue.messages.dead.lettered", "Messages that failed their last receive");
    handlerDuration =
        Metadata.builder()
            .withName("pao.queue.handler.duration")
            .withDescription("Time the message handler took, by message type and outcome")
            .build();
  }

  private Counter counter(String name, String description) {
    return registry.counter(Metadata.builder().withName(name).withDescription(description).build());
  }

  void received(QueueMessage message) {
    received.inc();
    if (message.redelivered()) {
      redelivered.inc();
    }
  }

  void handled(QueueMessage message, long nanos) {
    acknowledged.inc();
    timer(message, "handled").update(Duration.ofNanos(nanos));
    rate.record(Instant.now().getEpochSecond());
  }

  void failed(QueueMessage message, long nanos) {
    failed.inc();
    if (message.deliveryCount() >= settings.maxReceiveCount()) {
      deadLettered.inc();
    }
    timer(message, "failed").update(Duration.ofNanos(nanos));
  }

  private Timer timer(QueueMessage message, String outcome) {
    return registry.timer(
        handlerDuration,
        new Tag("type", message.type().replaceAll("[^A-Za-z0-9_.]", "_")),
        new Tag("outcome", outcome));
  }

  /** Messages this instance processed per minute over the last {@link #RATE_WINDOW}. */
  public double processedPerMinute() {
    return rate.perMinute(Instant.now().getEpochSecond());
  }

  public Duration rateWindow() {
    return rate.window();
  }
}
