package dev.pao.queue.worker;

import dev.pao.queue.domain.QueueMessage;
import dev.pao.queue.infra.SqsSettings;
import dev.pao.shared.correlation.Correlation;
import dev.pao.shared.tracing.MessageTracing;
import dev.pao.shared.tracing.TracedScope;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.time.Duration;

/**
 * The action queue's message-driven bean (activation spec {@code pao/ActionMessageBean} in
 * server.xml). A thin adapter: decode, dispatch to the handler of the message's type, done.
 * Returning normally lets the adapter delete the message; a {@link MessageNotProcessedException}
 * leaves it for redelivery, no earlier than the message's JMS delivery time, which the bean sets
 * when the handler asked for a delay. Handlers manage their own transactions. The handling is the
 * CONSUMER span of the trace the message carries.
 */
@MessageDriven(name = "ActionMessageBean")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ActionMessageBean implements MessageListener {
  @Inject QueueMessageDecoder decoder;
  @Inject QueueMessageDispatcher dispatcher;
  @Inject MessageTracing tracing;
  @Inject SqsSettings settings;

  @Override
  public void onMessage(Message message) {
    QueueMessage decoded;
    try {
      decoded = decoder.decode(message);
    } catch (RuntimeException e) {
      throw e instanceof MessageNotProcessedException notProcessed
          ? notProcessed
          : new MessageNotProcessedException("Undecodable message: " + e.getMessage(), e);
    }
    String correlationId = decoded.correlationId().orElse(decoded.messageId());
    Correlation.Scope scope = Correlation.open(correlationId);
    TracedScope span = consumerSpan(decoded, correlationId);
    try {
      dispatcher.dispatch(decoded);
    } catch (MessageNotProcessedException e) {
      span.failed(e);
      e.redeliverAfter().ifPresent(delay -> redeliverNoEarlierThan(message, delay));
      throw e;
    } finally {
      span.close();
      scope.close();
    }
  }

  private TracedScope consumerSpan(QueueMessage decoded, String correlationId) {
    String queueUrl = settings.queueUrl();
    return tracing.consume(
        queueUrl.substring(queueUrl.lastIndexOf('/') + 1),
        decoded.type(),
        decoded.messageId(),
        decoded.traceContext(),
        correlationId,
        decoded.requestId().orElse(null));
  }

  /**
   * Asks the adapter to keep the message hidden for {@code delay}: the JMS delivery time of the
   * message it handed over is when it may be delivered again.
   */
  private static void redeliverNoEarlierThan(Message message, Duration delay) {
    try {
      message.setJMSDeliveryTime(System.currentTimeMillis() + delay.toMillis());
    } catch (JMSException e) {
      // The adapter's default redelivery delay applies.
    }
  }
}
