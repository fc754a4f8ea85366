package dev.pao.it.server;

import dev.pao.queue.domain.QueueMessage;
import dev.pao.queue.domain.QueueMessageHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** {@code test.echo}: keeps every message it is handed, for the in-server test to take. */
@ApplicationScoped
public class EchoHandler implements QueueMessageHandler {
  static final String TYPE = "test.echo";

  private final BlockingQueue<QueueMessage> received = new LinkedBlockingQueue<>();

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public void handle(QueueMessage message) {
    received.add(message);
  }

  /** The next message handed over, waiting at most {@code seconds}; {@code null} if none came. */
  QueueMessage next(long seconds) throws InterruptedException {
    return received.poll(seconds, TimeUnit.SECONDS);
  }
}
