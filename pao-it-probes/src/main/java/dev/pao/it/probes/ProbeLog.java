package dev.pao.it.probes;

import dev.pao.queue.domain.QueueMessage;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Writes and reads the probes' deliveries ({@code queue_probe_deliveries}), each with the server
 * that recorded it (its HTTP port).
 */
@ApplicationScoped
public class ProbeLog {
  private static final Logger LOG = Logger.getLogger(ProbeLog.class.getName());
  private static final String SERVER = System.getenv().getOrDefault("PAO_HTTP_PORT", "9080");

  @Resource(lookup = "jdbc/pao")
  DataSource dataSource;

  void announce(@Observes @Initialized(ApplicationScoped.class) Object started) {
    LOG.warning("Queue test probes (probe.* message handlers) are deployed; never in production");
  }

  /** Records one outcome of one delivery of a probe message. */
  void record(QueueMessage message, String outcome) {
    String sql =
        "INSERT INTO queue_probe_deliveries (run_id, probe_key, probe, message_id, group_id,"
            + " delivery_count, outcome, server) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, text(message, "run"));
      statement.setString(2, text(message, "key"));
      statement.setString(3, message.type());
      statement.setString(4, message.messageId());
      statement.setString(5, message.groupId());
      statement.setInt(6, message.deliveryCount());
      statement.setString(7, outcome);
      statement.setString(8, SERVER);
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not record a probe delivery", e);
    }
  }

  /** How many deliveries of this probe key ended with the given outcome. */
  int count(QueueMessage message, String outcome) {
    String sql =
        "SELECT count(*) FROM queue_probe_deliveries WHERE run_id = ? AND probe_key = ?"
            + " AND outcome = ?";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, text(message, "run"));
      statement.setString(2, text(message, "key"));
      statement.setString(3, outcome);
      try (ResultSet result = statement.executeQuery()) {
        result.next();
        return result.getInt(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read probe deliveries", e);
    }
  }

  private static String text(QueueMessage message, String field) {
    Object value = message.body().get(field);
    return value == null ? "" : value.toString();
  }
}
