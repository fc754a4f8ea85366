package dev.pao.shared.api;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.HashSet;
import java.util.Set;

/**
 * Recognises a failure that means "the database cannot be reached", wherever the persistence
 * provider, the transaction manager or the connection pool wrapped it: a connection exception
 * (SQLState class {@code 08}), an operator intervention such as a shutdown ({@code 57P}), the pool
 * out of connections, or the transaction manager unable to talk to the database (an XA or system
 * exception). Such a call answers {@code 503 UNAVAILABLE}: its transaction rolled back, so nothing
 * was half-written, and the same call succeeds once the database is back.
 */
final class DatabaseOutage {
  private DatabaseOutage() {}

  static boolean causedBy(Throwable thrown) {
    Set<Throwable> seen = new HashSet<>();
    for (Throwable cause = thrown; cause != null && seen.add(cause); cause = cause.getCause()) {
      if (cause instanceof SQLTransientConnectionException
          || cause instanceof SQLNonTransientConnectionException) {
        return true;
      }
      if (cause instanceof SQLException sql && unreachable(sql.getSQLState())) {
        return true;
      }
      if (cause instanceof javax.transaction.xa.XAException
          || cause instanceof jakarta.transaction.SystemException) {
        return true;
      }
      if (cause instanceof SQLException sql && sql.getNextException() != null) {
        if (causedBy(sql.getNextException())) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean unreachable(String state) {
    return state != null && (state.startsWith("08") || state.startsWith("57P"));
  }
}
