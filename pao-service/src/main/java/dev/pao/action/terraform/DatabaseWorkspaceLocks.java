package dev.pao.action.terraform;

import dev.pao.action.spi.TransientActionException;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Workspace locks as PostgreSQL session advisory locks ({@code pg_try_advisory_lock}) on the
 * service's database, so every server shares them. The lock lives on one pooled connection kept for
 * the (short) time it is held; if the server dies the connection closes and the lock is gone.
 */
@ApplicationScoped
public class DatabaseWorkspaceLocks implements WorkspaceLocks {
  @Resource(lookup = "jdbc/pao")
  DataSource dataSource;

  @Override
  public Optional<Held> tryLock(String name) {
    long key = key(name);
    Connection connection = null;
    try {
      connection = dataSource.getConnection();
      if (!query(connection, "select pg_try_advisory_lock(?)", key)) {
        connection.close();
        return Optional.empty();
      }
      Connection locked = connection;
      return Optional.of(() -> unlock(locked, key));
    } catch (SQLException e) {
      closeQuietly(connection);
      throw new TransientActionException("Cannot take the lock of " + name + ": " + e, e);
    }
  }

  private static void unlock(Connection connection, long key) {
    try (connection) {
      query(connection, "select pg_advisory_unlock(?)", key);
    } catch (SQLException e) {
      // A failed unlock means a broken connection: the pool discards it, which ends the session
      // and so its advisory locks.
    }
  }

  private static boolean query(Connection connection, String sql, long key) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, key);
      try (ResultSet result = statement.executeQuery()) {
        return result.next() && result.getBoolean(1);
      }
    }
  }

  private static void closeQuietly(Connection connection) {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // nothing more to release
      }
    }
  }

  /** A stable 64-bit key for a lock name (the first bytes of its SHA-256). */
  static long key(String name) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
      long key = 0;
      for (int i = 0; i < 8; i++) {
        key = (key << 8) | (digest[i] & 0xff);
      }
      return key;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
