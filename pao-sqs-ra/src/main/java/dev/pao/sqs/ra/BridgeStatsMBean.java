package dev.pao.sqs.ra;

/**
 * Counters of one activation, published over JMX as {@code
 * dev.pao.sqs:type=InboundQueue,name=<queue name>} so the application can turn them into metrics.
 */
public interface BridgeStatsMBean {
  /** Messages received from the queue. */
  long getReceived();

  /** Messages deleted after the bean returned normally. */
  long getAcknowledged();

  /** Messages left for redelivery because the bean threw. */
  long getReleased();

  /** Messages received while stopping and put back at once, undelivered. */
  long getReturnedAtStop();

  /** Deliveries whose message had been received before (receive count above 1). */
  long getRedelivered();

  /** Visibility extensions made while beans were working. */
  long getVisibilityExtensions();

  /** Calls to the queue that failed (receive, delete, visibility). */
  long getQueueErrors();

  /** Messages being processed right now. */
  int getInFlight();

  /** Whether the queue is currently unreachable. */
  boolean isQueueUnreachable();
}
