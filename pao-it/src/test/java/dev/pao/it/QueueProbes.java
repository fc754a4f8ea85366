package dev.pao.it;

import dev.pao.local.EmbeddedDatabase;
import dev.pao.local.LocalStack;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Drives the queue probes of the server under test: sends probe messages straight to the stack's
 * ElasticMQ and reads what the probes recorded from its database. Each test uses its own run id.
 */
final class QueueProbes {
  private static SqsClient sqs;

  private QueueProbes() {}

  /** One recorded outcome of one delivery, with when and by which server (its HTTP port). */
  record Delivery(
      long id,
      String key,
      String groupId,
      String messageId,
      int deliveryCount,
      String outcome,
      String server,
      Instant recordedAt) {}

  static synchronized SqsClient sqs() {
    if (sqs == null) {
      sqs =
          SqsClient.builder()
              .endpointOverride(URI.create(TestStack.get().broker().endpoint()))
              .region(Region.US_EAST_1)
              .credentialsProvider(
                  StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
              .httpClient(UrlConnectionHttpClient.create())
              .build();
    }
    return sqs;
  }

  static String queueUrl() {
    return TestStack.get().broker().queueUrl(LocalStack.QUEUE_NAME);
  }

  static String dlqUrl() {
    return TestStack.get().broker().queueUrl(LocalStack.DLQ_NAME);
  }

  static String newRun() {
    return UUID.randomUUID().toString();
  }

  /** Sends a probe message and answers its message id. */
  static String send(String type, String run, String key, String group, Map<String, Number> extra) {
    JsonObjectBuilder body =
        Json.createObjectBuilder().add("type", type).add("run", run).add("key", key);
    extra.forEach((name, value) -> body.add(name, value.longValue()));
    return sendRaw(group, body.build().toString());
  }

  static String sendRaw(String group, String body) {
    return sqs()
        .sendMessage(
            r ->
                r.queueUrl(queueUrl())
                    .messageGroupId(group)
                    .messageDeduplicationId(UUID.randomUUID().toString())
                    .messageBody(body))
        .messageId();
  }

  static long queueCount(String url, QueueAttributeName attribute) {
    return Long.parseLong(
        sqs()
            .getQueueAttributes(r -> r.queueUrl(url).attributeNames(attribute))
            .attributes()
            .get(attribute));
  }

  /** Everything the probes recorded for a run, in the order recorded. */
  static List<Delivery> deliveries(String run) {
    String sql =
        "SELECT id, probe_key, group_id, message_id, delivery_count, outcome, server, recorded_at"
            + " FROM queue_probe_deliveries WHERE run_id = ? ORDER BY id";
    try (Connection connection = connect();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, run);
      List<Delivery> deliveries = new ArrayList<>();
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          deliveries.add(
              new Delivery(
                  result.getLong(1),
                  result.getString(2),
                  result.getString(3),
                  result.getString(4),
                  result.getInt(5),
                  result.getString(6),
                  result.getString(7),
                  result.getTimestamp(8).toInstant()));
        }
      }
      return deliveries;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<Delivery> deliveries(String run, String outcome) {
    return deliveries(run).stream().filter(d -> d.outcome().equals(outcome)).toList();
  }

  static Connection connect() throws SQLException {
    return DriverManager.getConnection(
        TestStack.get().database().jdbcUrl(),
        EmbeddedDatabase.OWNER,
        EmbeddedDatabase.OWNER_PASSWORD);
  }
}
