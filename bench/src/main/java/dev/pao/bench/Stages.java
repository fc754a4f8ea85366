package dev.pao.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Where a request's time went on the server, from its rows: submitted to sent (the outbox relay),
 * sent to started (the queue and a worker taking the message up), the action's attempt (rendering,
 * the call, until its result is recorded), and submitted to completed. Medians and 95th percentiles
 * of the requests created since {@code from}.
 */
final class Stages {
  private Stages() {}

  static void print(String jdbcUrl, Instant from) throws SQLException {
    String sql =
        """
        WITH t AS (
          SELECT r.created_at AS submitted, o.sent_at AS sent, a.started_at AS started,
                 a.finished_at AS ran, r.finished_at AS completed
          FROM requests r
          JOIN outbox o ON o.request_id = r.id AND o.action_index = 0 AND o.attempt = 1
          JOIN action_attempts a ON a.request_id = r.id AND a.action_index = 0 AND a.delivery = 1
          WHERE r.created_at >= ? AND r.status = 'completed')
        SELECT %s FROM t
        """
            .formatted(
                String.join(
                    ", ",
                    percentiles("sent - submitted"),
                    percentiles("started - sent"),
                    percentiles("ran - started"),
                    percentiles("completed - submitted")));
    try (Connection connection = DriverManager.getConnection(jdbcUrl, "pao", "pao");
        PreparedStatement query = connection.prepareStatement(sql)) {
      query.setTimestamp(1, Timestamp.from(from));
      try (ResultSet row = query.executeQuery()) {
        row.next();
        System.out.printf(
            "server-side stages, p50/p95 ms: submitted to sent (outbox relay) %d/%d, sent to"
                + " started (queue, worker) %d/%d, action started to finished %d/%d, submitted"
                + " to completed %d/%d%n",
            row.getLong(1),
            row.getLong(2),
            row.getLong(3),
            row.getLong(4),
            row.getLong(5),
            row.getLong(6),
            row.getLong(7),
            row.getLong(8));
      }
    }
  }

  private static String percentiles(String interval) {
    String millis = "extract(epoch FROM " + interval + ") * 1000";
    return "round(percentile_cont(0.5) WITHIN GROUP (ORDER BY "
        + millis
        + ")), round(percentile_cont(0.95) WITHIN GROUP (ORDER BY "
        + millis
        + "))";
  }
}
