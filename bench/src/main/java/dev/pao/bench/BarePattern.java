package dev.pao.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The bare pattern under a request, as a minimal program against the same PostgreSQL and broker:
 * per request a 3-row insert transaction (request, action, outbox row), a FIFO send (group = the
 * request), a receive, a 2-row update transaction (action and request finished) and a batched
 * delete. No framework, no audit, no templates, no HTTP: the ceiling the service is compared with.
 */
final class BarePattern {
  private static final int PRODUCERS = 20;
  private static final int CONSUMERS = 10;

  private final String jdbcUrl;
  private final SqsClient sqs;
  private String queueUrl;

  BarePattern(String jdbcUrl, String brokerEndpoint) {
    this.jdbcUrl = jdbcUrl;
    this.sqs = QueueBridgeBench.client(brokerEndpoint);
  }

  BarePattern prepare() throws SQLException {
    try (Connection connection = connect();
        Statement sql = connection.createStatement()) {
      sql.execute(
          "CREATE TABLE IF NOT EXISTS bare_requests (id uuid PRIMARY KEY, status text NOT NULL,"
              + " created_at timestamptz NOT NULL, finished_at timestamptz)");
      sql.execute(
          "CREATE TABLE IF NOT EXISTS bare_actions (request_id uuid NOT NULL, idx int NOT NULL,"
              + " status text NOT NULL, PRIMARY KEY (request_id, idx))");
      sql.execute(
          "CREATE TABLE IF NOT EXISTS bare_outbox (id bigserial PRIMARY KEY, request_id uuid NOT"
              + " NULL, body text NOT NULL)");
    }
    queueUrl =
        sqs.createQueue(
                r ->
                    r.queueName("bare-pattern.fifo")
                        .attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true")))
            .queueUrl();
    return this;
  }

  /** Runs producers and consumers for {@code seconds}; answers the completed requests/s. */
  double run(double seconds) throws Exception {
    AtomicBoolean producing = new AtomicBoolean(true);
    AtomicLong sent = new AtomicLong();
    AtomicLong done = new AtomicLong();
    ExecutorService threads = Executors.newFixedThreadPool(PRODUCERS + CONSUMERS);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int i = 0; i < CONSUMERS; i++) {
        work.add(threads.submit(() -> consume(producing, sent, done)));
      }
      long start = System.nanoTime();
      long doneAtStart = done.get();
      for (int i = 0; i < PRODUCERS; i++) {
        work.add(threads.submit(() -> produce(producing, sent)));
      }
      Thread.sleep((long) (seconds * 1000));
      double rate = (done.get() - doneAtStart) / ((System.nanoTime() - start) / 1e9);
      producing.set(false);
      for (Future<?> future : work) {
        future.get();
      }
      return rate;
    } finally {
      threads.shutdownNow();
    }
  }

  private Void produce(AtomicBoolean producing, AtomicLong sent) throws SQLException {
    try (Connection connection = connect();
        PreparedStatement request =
            connection.prepareStatement(
                "INSERT INTO bare_requests (id, status, created_at) VALUES (?, 'queued', now())");
        PreparedStatement action =
            connection.prepareStatement(
                "INSERT INTO bare_actions (request_id, idx, status) VALUES (?, 0, 'queued')");
        PreparedStatement outbox =
            connection.prepareStatement(
                "INSERT INTO bare_outbox (request_id, body) VALUES (?, ?)")) {
      connection.setAutoCommit(false);
      while (producing.get()) {
        UUID id = UUID.randomUUID();
        request.setObject(1, id);
        request.executeUpdate();
        action.setObject(1, id);
        action.executeUpdate();
        outbox.setObject(1, id);
        outbox.setString(2, "{\"request_id\": \"" + id + "\", \"action_index\": 0}");
        outbox.executeUpdate();
        connection.commit();
        sqs.sendMessage(
            r ->
                r.queueUrl(queueUrl)
                    .messageGroupId(id.toString())
                    .messageDeduplicationId(id + "-0-1")
                    .messageBody(id.toString()));
        sent.incrementAndGet();
      }
    }
    return null;
  }

  private Void consume(AtomicBoolean producing, AtomicLong sent, AtomicLong done)
      throws SQLException {
    try (Connection connection = connect();
        PreparedStatement action =
            connection.prepareStatement(
                "UPDATE bare_actions SET status = 'completed' WHERE request_id = ? AND idx = 0");
        PreparedStatement request =
            connection.prepareStatement(
                "UPDATE bare_requests SET status = 'completed', finished_at = now() WHERE id = ?")) {
      connection.setAutoCommit(false);
      while (producing.get() || done.get() < sent.get()) {
        List<Message> messages =
            sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
                .messages();
        if (messages.isEmpty()) {
          continue;
        }
        List<DeleteMessageBatchRequestEntry> deletes = new ArrayList<>();
        for (Message message : messages) {
          UUID id = UUID.fromString(message.body());
          action.setObject(1, id);
          action.executeUpdate();
          request.setObject(1, id);
          request.executeUpdate();
          connection.commit();
          deletes.add(
              DeleteMessageBatchRequestEntry.builder()
                  .id(String.valueOf(deletes.size()))
                  .receiptHandle(message.receiptHandle())
                  .build());
        }
        sqs.deleteMessageBatch(r -> r.queueUrl(queueUrl).entries(deletes));
        done.addAndGet(messages.size());
      }
    }
    return null;
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl, "pao", "pao");
  }
}
