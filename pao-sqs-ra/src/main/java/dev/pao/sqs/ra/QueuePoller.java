package dev.pao.sqs.ra;

import jakarta.jms.JMSException;
import jakarta.jms.MessageListener;
import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * One poller: receives a single message, hands it to the bean, then passes it on to be deleted (the
 * bean returned) or makes it visible again after the redelivery delay (the bean threw; a bean that
 * set the message's JMS delivery time before throwing gets its message back no earlier than then).
 * Receiving one message at a time means a failed message's group successor is never received early;
 * several pollers give different groups in parallel.
 */
final class QueuePoller implements Runnable {
  private static final Logger LOG = Logger.getLogger(QueuePoller.class.getName());

  /** SQS keeps a received message hidden for at most 12 hours (less a margin). */
  private static final Duration LONGEST_HIDDEN = Duration.ofHours(12).minusMinutes(1);

  private final InboundQueue queue;
  private final BridgeSettings settings;
  private final Backoff backoff = new Backoff();
  private MessageEndpoint endpoint;

  QueuePoller(InboundQueue queue) {
    this.queue = queue;
    this.settings = queue.settings();
  }

  @Override
  public void run() {
    try {
      while (queue.running()) {
        pollOnce();
      }
    } finally {
      discardEndpoint();
      queue.pollerDone();
    }
  }

  /**
   * One receive and its message. Whatever goes wrong is logged and backed off from: a poller that
   * ended would silently leave the queue to fewer pollers, or to none.
   */
  private void pollOnce() {
    try {
      if (endpointReady()) {
        receive().forEach(this::process);
      }
    } catch (RuntimeException | LinkageError e) {
      queue.stats().queueErrors.increment();
      LOG.log(
          Level.WARNING,
          "A poller of " + settings.queueName() + " failed unexpectedly; it carries on",
          e);
      queue.pause(backoff.next());
    }
  }

  private boolean endpointReady() {
    if (endpoint != null) {
      return true;
    }
    try {
      endpoint = queue.factory().createEndpoint(null);
      return true;
    } catch (UnavailableException e) {
      // The application is not ready yet: wait without receiving anything.
      queue.pause(Duration.ofMillis(500));
      return false;
    }
  }

  private List<Message> receive() {
    Instant started = Instant.now();
    try {
      List<Message> messages =
          queue
              .sqs()
              .receiveMessage(
                  r ->
                      r.queueUrl(settings.queueUrl())
                          .maxNumberOfMessages(1)
                          .waitTimeSeconds((int) settings.waitTime().toSeconds())
                          .visibilityTimeout((int) settings.visibilityTimeout().toSeconds())
                          .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                          .messageAttributeNames("All"))
              .messages();
      queue.outage().succeeded(started);
      backoff.reset();
      return messages;
    } catch (SdkException e) {
      failedCall(e);
      return List.of();
    }
  }

  private void process(Message message) {
    if (!queue.running()) {
      makeVisible(message, Duration.ZERO);
      queue.stats().returnedAtStop.increment();
      return;
    }
    BridgeStats stats = queue.stats();
    stats.received.increment();
    if (receiveCount(message) > 1) {
      stats.redelivered.increment();
    }
    stats.inFlight.incrementAndGet();
    queue.heartbeat().track(message.receiptHandle());
    Instant received = Instant.now(queue.clock());
    DeliveredTextMessage jms = null;
    boolean delivered = false;
    try {
      jms = new DeliveredTextMessage(settings.queueUrl(), message);
      delivered = deliver(message, jms);
    } catch (JMSException | RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Message {0} cannot be read and will be redelivered: {1}",
          new Object[] {message.messageId(), e.getMessage()});
    } finally {
      stats.inFlight.decrementAndGet();
      if (delivered) {
        // Stays tracked (hidden) until the delete went through.
        queue.acknowledgements().submit(message);
      } else {
        queue.heartbeat().untrack(message.receiptHandle());
        makeVisible(message, redeliveryDelay(jms, received));
        stats.released.increment();
      }
    }
  }

  /**
   * How long a message whose bean threw stays hidden: until the JMS delivery time the bean set, if
   * it is later than the configured redelivery delay (at most until the 12 hours SQS allows after a
   * receive). While stopping there is no delay of its own: another instance takes the message at
   * once.
   */
  private Duration redeliveryDelay(DeliveredTextMessage jms, Instant received) {
    Instant now = Instant.now(queue.clock());
    long asked = jms == null ? 0 : jms.getJMSDeliveryTime();
    Duration delay = queue.running() ? settings.redeliveryDelay() : Duration.ZERO;
    if (asked > now.toEpochMilli()) {
      Duration until = Duration.ofMillis(asked - now.toEpochMilli());
      // Whole seconds, rounded up: never earlier than asked.
      Duration wanted = Duration.ofSeconds((until.toMillis() + 999) / 1000);
      if (wanted.compareTo(delay) > 0) {
        delay = wanted;
      }
    }
    Duration allowed = LONGEST_HIDDEN.minus(Duration.between(received, now));
    if (allowed.isNegative()) {
      return Duration.ZERO;
    }
    return delay.compareTo(allowed) > 0 ? allowed : delay;
  }

  private boolean deliver(Message message, DeliveredTextMessage jms) {
    try {
      queue.handle(() -> ((MessageListener) endpoint).onMessage(jms));
      return true;
    } catch (RuntimeException | Error e) {
      // The application reports the failure itself; this notes what the adapter does about it.
      LOG.log(
          Level.INFO,
          "Message {0} (group {1}, receive {2}) was not processed and will be redelivered: {3}",
          new Object[] {
            message.messageId(), groupId(message), receiveCount(message), rootMessage(e)
          });
      discardEndpoint();
      return false;
    }
  }

  private void makeVisible(Message message, Duration delay) {
    try {
      queue
          .sqs()
          .changeMessageVisibility(
              r ->
                  r.queueUrl(settings.queueUrl())
                      .receiptHandle(message.receiptHandle())
                      .visibilityTimeout((int) delay.toSeconds()));
    } catch (SdkException e) {
      // It becomes visible anyway when its visibility timeout ends.
      queue.stats().queueErrors.increment();
      LOG.log(
          Level.FINE,
          "Message {0} could not be made visible again: {1}",
          new Object[] {message.messageId(), e.getMessage()});
    }
  }

  private void failedCall(SdkException e) {
    queue.stats().queueErrors.increment();
    queue.outage().failed(e);
    queue.pause(backoff.next());
  }

  private void discardEndpoint() {
    if (endpoint != null) {
      endpoint.release();
      endpoint = null;
    }
  }

  private static int receiveCount(Message message) {
    String count = message.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT);
    return count == null ? 1 : Integer.parseInt(count);
  }

  private static String groupId(Message message) {
    return message.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID);
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}
