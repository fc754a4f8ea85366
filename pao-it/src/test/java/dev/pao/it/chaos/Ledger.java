package dev.pao.it.chaos;

import dev.pao.local.EmbeddedDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the database says about one scenario's requests (those of its requester): final states and
 * their reasons, requests written only in part, attempts run more than once, and how often the
 * watchdog called one stuck. Read with the schema owner, straight from PostgreSQL.
 */
final class Ledger {
  private final EmbeddedDatabase database;
  private final String email;

  Ledger(EmbeddedDatabase database, String email) {
    this.database = database;
    this.email = email;
  }

  /** Requests by status. */
  Map<String, Integer> statuses() {
    return grouped(
        "SELECT status, count(*) FROM requests WHERE requester_email = ? GROUP BY status");
  }

  /** Why the requests in {@code status} are there (their last status reason). */
  Map<String, Integer> reasons(String status) {
    return grouped(
        "SELECT coalesce(status_reason, '-'), count(*) FROM requests"
            + " WHERE requester_email = ? AND status = '"
            + status
            + "' GROUP BY 1");
  }

  /** Requests not in a final state. */
  int unfinished() {
    return count(
        "SELECT count(*) FROM requests WHERE requester_email = ?"
            + " AND status NOT IN ('completed', 'failed', 'aborted', 'escalated', 'stuck')");
  }

  /**
   * Requests written in part: without their actions, or without the outbox message of their first
   * action (the submission's one transaction writes all of them).
   */
  int halfWritten() {
    return count(
        "SELECT count(*) FROM requests r WHERE r.requester_email = ? AND (NOT EXISTS (SELECT 1"
            + " FROM request_actions a WHERE a.request_id = r.id) OR NOT EXISTS (SELECT 1 FROM"
            + " outbox o WHERE o.request_id = r.id AND o.action_index = 0))");
  }

  /** Attempts of an action that were started more than once (a redelivery ran the action again). */
  int attemptsRunAgain() {
    return count(
        "SELECT count(*) FROM (SELECT 1 FROM action_attempts t JOIN requests r ON r.id ="
            + " t.request_id WHERE r.requester_email = ? GROUP BY t.request_id, t.action_index,"
            + " t.attempt HAVING count(*) > 1) again");
  }

  /** How often the watchdog (or a dead letter) turned one of the requests stuck. */
  int stuckTransitions() {
    return count(
        "SELECT count(*) FROM audit_events e JOIN requests r ON r.id = e.request_id"
            + " WHERE r.requester_email = ? AND e.to_status = 'stuck'");
  }

  /** Requests of the scenario in the database (the ones clients were told about, or more). */
  int requests() {
    return count("SELECT count(*) FROM requests WHERE requester_email = ?");
  }

  /** The ids of the requests in {@code status}. */
  java.util.List<String> ids(String status) {
    java.util.List<String> ids = new java.util.ArrayList<>();
    query(
        "SELECT CAST(id AS text) FROM requests WHERE requester_email = ? AND status = '"
            + status
            + "'",
        rows -> ids.add(rows.getString(1)));
    return ids;
  }

  /** Output {@code key} of the completed requests, by request id. */
  Map<String, String> outputs(String key) {
    Map<String, String> values = new TreeMap<>();
    query(
        "SELECT CAST(id AS text), outputs ->> '"
            + key
            + "' FROM requests WHERE requester_email = ? AND status = 'completed'",
        rows -> values.put(rows.getString(1), rows.getString(2)));
    return values;
  }

  /** How many of {@code ids} are not final yet. */
  int unfinishedAmong(java.util.Collection<String> ids) {
    if (ids.isEmpty()) {
      return 0;
    }
    return count(
        "SELECT count(*) FROM requests WHERE requester_email = ? AND CAST(id AS text) IN ('"
            + String.join("','", ids)
            + "') AND status NOT IN ('completed', 'failed', 'aborted', 'escalated', 'stuck')");
  }

  /** Request id by idempotency key, as stored. */
  Map<String, String> idsByKey() {
    Map<String, String> ids = new TreeMap<>();
    query(
        "SELECT idempotency_key, CAST(id AS text) FROM requests WHERE requester_email = ?",
        rows -> ids.put(rows.getString(1), rows.getString(2)));
    return ids;
  }

  private Map<String, Integer> grouped(String sql) {
    Map<String, Integer> counts = new TreeMap<>();
    query(sql, rows -> counts.put(rows.getString(1), rows.getInt(2)));
    return counts;
  }

  private int count(String sql) {
    int[] value = {0};
    query(sql, rows -> value[0] = rows.getInt(1));
    return value[0];
  }

  private interface Row {
    void read(ResultSet rows) throws SQLException;
  }

  private void query(String sql, Row row) {
    try (Connection connection =
            DriverManager.getConnection(
                database.jdbcUrl(), EmbeddedDatabase.OWNER, EmbeddedDatabase.OWNER_PASSWORD);
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, email);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          row.read(rows);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }
}
