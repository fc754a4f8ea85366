package dev.pao.queue.admin;

import dev.pao.shared.domain.UnavailableException;
import dev.pao.shared.domain.ValidationException;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The main queue's contents as the database records them: outbox rows (pending or sent) whose
 * action attempt has not finished (for a waiting action, only its queued check). Reading them never
 * touches the queue.
 */
@ApplicationScoped
public class OutboxQueueListing {
  static final String UNFINISHED =
      " FROM outbox o JOIN requests r ON r.id = o.request_id"
          + " LEFT JOIN request_actions a"
          + " ON a.request_id = o.request_id AND a.action_index = o.action_index"
          + " WHERE r.status NOT IN ('completed', 'failed', 'aborted', 'escalated', 'stuck')"
          + " AND (a.id IS NULL OR (a.attempt = o.attempt"
          + " AND a.status IN ('pending', 'queued', 'in_progress', 'waiting')"
          // A waiting action has no message on the queue until its next check is queued, and
          // within a wait only the attempt's newest message (that check) is still there.
          + " AND NOT (a.status = 'waiting' AND a.next_check_at IS NOT NULL)"
          + " AND (a.wait_check = 0 OR NOT EXISTS (SELECT 1 FROM outbox n"
          + " WHERE n.request_id = o.request_id AND n.action_index = o.action_index"
          + " AND n.attempt = o.attempt AND n.id > o.id))))";
  private static final String COLUMNS =
      "SELECT o.id, o.message_id, o.message_group_id, o.deduplication_id, o.request_id,"
          + " o.action_index, o.attempt, o.status, a.status AS action_status, r.status AS"
          + " request_status, o.created_at, o.sent_at, o.send_attempts, o.last_error";

  @Resource(lookup = "jdbc/pao")
  DataSource dataSource;

  /** One page, newest first; the cursor leads to the next page. */
  public Page page(int limit, String cursor) {
    Optional<Cursor> after = Optional.ofNullable(cursor).map(Cursor::decode);
    String sql =
        COLUMNS
            + UNFINISHED
            + (after.isPresent() ? " AND (o.created_at, o.id) < (?, ?)" : "")
            + " ORDER BY o.created_at DESC, o.id DESC LIMIT ?";
    List<Row> rows =
        query(
            sql,
            statement -> {
              int index = 1;
              if (after.isPresent()) {
                statement.setTimestamp(index++, Timestamp.from(after.get().createdAt()));
                statement.setLong(index++, after.get().id());
              }
              statement.setInt(index, limit + 1);
            });
    String next = null;
    if (rows.size() > limit) {
      rows = rows.subList(0, limit);
      Row last = rows.get(limit - 1);
      next = new Cursor(last.message().createdAt(), last.id()).encode();
    }
    return new Page(rows.stream().map(Row::message).toList(), next);
  }

  /** The unfinished messages of one group, in queue order (at most {@code limit}). */
  public List<QueuedMessage> group(String messageGroupId, int limit) {
    String sql =
        COLUMNS + UNFINISHED + " AND o.message_group_id = ? ORDER BY o.created_at, o.id LIMIT ?";
    return query(
            sql,
            statement -> {
              statement.setString(1, messageGroupId);
              statement.setInt(2, limit);
            })
        .stream()
        .map(Row::message)
        .toList();
  }

  /** The oldest message sent and not yet finished, if any. */
  public Optional<Instant> oldestSent() {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                "SELECT min(o.sent_at)" + UNFINISHED + " AND o.status = 'sent'");
        ResultSet result = statement.executeQuery()) {
      result.next();
      return Optional.ofNullable(result.getTimestamp(1)).map(Timestamp::toInstant);
    } catch (SQLException e) {
      throw databaseDown();
    }
  }

  private List<Row> query(String sql, Binder binder) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      binder.bind(statement);
      List<Row> rows = new ArrayList<>();
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          rows.add(new Row(result.getLong("id"), message(result)));
        }
      }
      return rows;
    } catch (SQLException e) {
      throw databaseDown();
    }
  }

  private static QueuedMessage message(ResultSet result) throws SQLException {
    String state =
        "pending".equals(result.getString("status"))
            ? "pending"
            : "in_progress".equals(result.getString("action_status")) ? "in_progress" : "queued";
    Timestamp sentAt = result.getTimestamp("sent_at");
    return new QueuedMessage(
        result.getString("message_id"),
        result.getString("message_group_id"),
        result.getString("deduplication_id"),
        result.getObject("request_id", UUID.class),
        result.getInt("action_index"),
        result.getInt("attempt"),
        state,
        result.getString("request_status"),
        result.getTimestamp("created_at").toInstant(),
        sentAt == null ? null : sentAt.toInstant(),
        result.getInt("send_attempts"),
        result.getString("last_error"));
  }

  static UnavailableException databaseDown() {
    return new UnavailableException("The database is unreachable", "database", null);
  }

  /** A page of messages and the cursor of the next one (null on the last page). */
  public record Page(List<QueuedMessage> messages, String nextCursor) {}

  private record Row(long id, QueuedMessage message) {}

  @FunctionalInterface
  private interface Binder {
    void bind(PreparedStatement statement) throws SQLException;
  }

  private record Cursor(Instant createdAt, long id) {
    String encode() {
      String raw = createdAt + "|" + id;
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static Cursor decode(String value) {
      try {
        String raw = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
        int bar = raw.indexOf('|');
        return new Cursor(
            Instant.parse(raw.substring(0, bar)), Long.parseLong(raw.substring(bar + 1)));
      } catch (RuntimeException e) {
        throw ValidationException.of("Invalid cursor", "cursor", "not a cursor of this list");
      }
    }
  }
}
