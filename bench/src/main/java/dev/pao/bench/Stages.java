package dev.pao.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Where a request's time went on the server, from its audit trail: submitted to queued (the outbox
 * relay's send), queued to in progress (until a worker received the message), in progress to
 * completed (rendering, the action's call, recording the result). Medians and 95th percentiles of
 * the requests created since {@code from}.
 */
final class Stages {
  private Stages() {}

  static void print(String jdbcUrl, Instant from) throws SQLException {
    String sql =
        """
        WITH t AS (
          SELECT e.request_id,
                 min(e.occurred_at) FILTER (WHERE e.to_status = 'submitted') AS submitted,
                 min(e.occurred_at) FILTER (WHERE e.to_status = 'queued') AS queued,
                 min(e.occurred_at) FILTER (WHERE e.to_status = 'in_progress') AS started,
                 min(e.occurred_at) FILTER (WHERE e.to_status = 'completed') AS completed
          FROM audit_events e JOIN requests r ON r.id = e.request_id
          WHERE r.created_at >= ? GROUP BY e.request_id)
        SELECT %s FROM t WHERE completed IS NOT NULL
        """
            .formatted(
                String.join(
                    ", ",
                    percentiles("queued - submitted"),
                    percentiles("started - queued"),
                    percentiles("completed - started"),
                    percentiles("completed - submitted")));
    try (Connection connection = DriverManager.getConnection(jdbcUrl, "pao", "pao");
        PreparedStatement query = connection.prepareStatement(sql)) {
      query.setTimestamp(1, Timestamp.from(from));
      try (ResultSet row = query.executeQuery()) {
        row.next();
        System.out.printf(
            "server-side stages, p50/p95 ms: outbox relay %d/%d, waiting for a worker %d/%d,"
                + " running %d/%d, submitted to completed %d/%d%n",
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
