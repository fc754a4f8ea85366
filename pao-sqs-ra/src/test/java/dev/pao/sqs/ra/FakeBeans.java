package dev.pao.sqs.ra;

import jakarta.jms.JMSException;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.transaction.xa.XAResource;

/**
 * The message-driven bean side: an endpoint factory whose endpoints are {@link MessageListener}s
 * running the test's handler on each message body, and that record what they were given.
 */
final class FakeBeans implements MessageEndpointFactory {
  private volatile Consumer<String> handler = body -> {};
  private volatile Consumer<jakarta.jms.Message> messageHandler = message -> {};
  private final Map<String, CountDownLatch> held = new ConcurrentHashMap<>();

  final List<String> started = new CopyOnWriteArrayList<>();
  final List<String> finished = new CopyOnWriteArrayList<>();
  final List<String> redelivered = new CopyOnWriteArrayList<>();
  final AtomicInteger created = new AtomicInteger();
  final AtomicInteger released = new AtomicInteger();

  /** What every bean does with a message body; throwing means the bean failed. */
  void handle(Consumer<String> handler) {
    this.handler = handler;
  }

  /** What every bean does with the JMS message itself, before the body handler runs. */
  void handleMessage(Consumer<jakarta.jms.Message> messageHandler) {
    this.messageHandler = messageHandler;
  }

  /**
   * Makes the bean handling {@code body} wait in {@code onMessage} until {@link #finish} is called.
   */
  void hold(String body) {
    held.put(body, new CountDownLatch(1));
  }

  void finish(String body) {
    held.get(body).countDown();
  }

  void finishAll() {
    held.values().forEach(CountDownLatch::countDown);
  }

  @Override
  public MessageEndpoint createEndpoint(XAResource xaResource) throws UnavailableException {
    created.incrementAndGet();
    return new Bean();
  }

  @Override
  public MessageEndpoint createEndpoint(XAResource xaResource, long timeout)
      throws UnavailableException {
    return createEndpoint(xaResource);
  }

  @Override
  public boolean isDeliveryTransacted(Method method) {
    return false;
  }

  @Override
  public String getActivationName() {
    return "fake-beans";
  }

  @Override
  public Class<?> getEndpointClass() {
    return Bean.class;
  }

  private final class Bean implements MessageEndpoint, MessageListener {
    @Override
    public void onMessage(jakarta.jms.Message message) {
      String body;
      try {
        body = ((TextMessage) message).getText();
        if (message.getJMSRedelivered()) {
          redelivered.add(body);
        }
      } catch (JMSException e) {
        throw new IllegalStateException(e);
      }
      started.add(body);
      CountDownLatch latch = held.get(body);
      if (latch != null) {
        awaitQuietly(latch);
      }
      messageHandler.accept(message);
      handler.accept(body);
      finished.add(body);
    }

    @Override
    public void beforeDelivery(Method method) {}

    @Override
    public void afterDelivery() {}

    @Override
    public void release() {
      released.incrementAndGet();
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
