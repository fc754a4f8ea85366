package dev.pao.shared.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import javax.transaction.xa.XAException;
import org.junit.jupiter.api.Test;

/** Which failures mean the database is away (503), and which are defects (500). */
class DatabaseOutageTest {
  @Test
  void aConnectionFailureWrappedByThePersistenceProviderIsAnOutage() {
    SQLException refused = new SQLException("Connection to localhost:5432 refused", "08001");
    assertTrue(DatabaseOutage.causedBy(new PersistenceException("commit", refused)));
  }

  @Test
  void anAdministratorShutdownAndAnExhaustedPoolAreOutages() {
    assertTrue(
        DatabaseOutage.causedBy(
            new RuntimeException(new SQLException("terminating connection", "57P01"))));
    assertTrue(
        DatabaseOutage.causedBy(new SQLTransientConnectionException("J2CA0045E: not available")));
    assertTrue(DatabaseOutage.causedBy(new RuntimeException(new XAException("XA commit"))));
  }

  @Test
  void aConstraintViolationOrAProgrammingErrorIsNot() {
    assertFalse(
        DatabaseOutage.causedBy(
            new PersistenceException(new SQLException("duplicate key", "23505"))));
    assertFalse(DatabaseOutage.causedBy(new IllegalStateException("bug")));
  }

  @Test
  void theFallbackAnswers503Unavailable() {
    Response answer =
        new FallbackExceptionMapper()
            .toResponse(new PersistenceException(new SQLException("refused", "08006")));
    assertEquals(503, answer.getStatus());
    assertEquals("UNAVAILABLE", ((ErrorBody) answer.getEntity()).error().code());
  }
}
