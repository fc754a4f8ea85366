package dev.pao.queue.worker;

import dev.pao.queue.domain.QueueMessage;
import dev.pao.queue.domain.QueueMessageHandler;
import dev.pao.queue.domain.RedeliverLaterException;
import dev.pao.queue.infra.SqsSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hands each decoded message to the {@link QueueMessageHandler} of its type. A type without a
 * handler, and any failure of a handler, leaves the message for redelivery (after the delay a
 * {@link RedeliverLaterException} asks for).
 */
@ApplicationScoped
public class QueueMessageDispatcher {
  private static final Logger LOG = Logger.getLogger(QueueMessageDispatcher.class.getName());

  @Inject Instance<QueueMessageHandler> handlers;
  @Inject QueueMetrics metrics;
  @Inject SqsSettings settings;

  private final Map<String, QueueMessageHandler> byType = new HashMap<>();

  @PostConstruct
  void index() {
    handlers.forEach(this::add);
  }

  private void add(QueueMessageHandler handler) {
    QueueMessageHandler previous = byType.putIfAbsent(handler.type(), handler);
    if (previous != null) {
      throw new IllegalStateException("Two handlers for queue message type " + handler.type());
    }
  }

  /** Runs the message's handler; throws {@link MessageNotProcessedException} unless it is done. */
  public void dispatch(QueueMessage message) {
    long started = System.nanoTime();
    try {
      metrics.received(message);
      QueueMessageHandler handler = byType.get(message.type());
      if (handler == null) {
        throw new MessageNotProcessedException(
            "No handler for queue message type '" + message.type() + "'", null);
      }
      handler.handle(message);
      metrics.handled(message, System.nanoTime() - started);
    } catch (RuntimeException e) {
      metrics.failed(message, System.nanoTime() - started);
      LOG.log(
          Level.WARNING,
          "Message {0} (group {1}, delivery {2}) left for redelivery: {3}",
          new Object[] {
            message.messageId(), message.groupId(), message.deliveryCount(), e.getMessage()
          });
      throw e instanceof MessageNotProcessedException notProcessed
          ? notProcessed
          : new MessageNotProcessedException(
              "Handler failed: " + e.getMessage(), e, redeliveryDelay(message, e));
    }
  }

  /**
   * The delay a handler asked for, unless this was the message's last receive: then it goes to the
   * dead-letter queue on its next receive, and waiting would only hide that the request is stuck.
   */
  private Duration redeliveryDelay(QueueMessage message, RuntimeException e) {
    if (!(e instanceof RedeliverLaterException later)
        || message.deliveryCount() >= settings.maxReceiveCount()) {
      return null;
    }
    return later.delay();
  }
}
