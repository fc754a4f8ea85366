package dev.pao.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pao.local.EmbeddedDatabase;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A sensitive form value is stored sealed: the row in PostgreSQL never holds it in plain text. */
class SensitiveValuesAtRestIT {
  private static final String PASSWORD = "Plain-Admin-Pass-" + UUID.randomUUID();

  private final Api api = TestStack.api();

  @Test
  void theRequestRowHoldsNoPlainSensitiveValue() throws Exception {
    String token = api.token("sealer@example.com", List.of("team-data"), List.of());
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> api.get("/api/v1/catalog/postgres-database", token).status() == 200);
    Api.Answer submitted =
        api.send(
            api.request("/api/v1/requests")
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"catalog_item_id\": \"postgres-database\", \"form_data\": {\"name\":"
                            + " \"sealed-db\", \"adminPassword\": \""
                            + PASSWORD
                            + "\", \"network\": {\"vpc\": \"vpc-0a1b2c3d\"}}}")));
    assertEquals(202, submitted.status(), submitted.raw());
    String id = submitted.json().getJsonObject("data").getString("id");

    String stored = formDataRow(id);
    assertFalse(stored.contains(PASSWORD), stored);
    assertTrue(stored.contains("pao:sealed:v1:local:"), stored);
    assertTrue(stored.contains("sealed-db"), "only sensitive fields are sealed: " + stored);
    String read = api.get("/api/v1/requests/" + id, token).raw();
    assertFalse(read.contains(PASSWORD), read);
    assertFalse(read.contains("pao:sealed"), "the API shows ***, not the sealed value: " + read);
  }

  private static String formDataRow(String id) throws Exception {
    EmbeddedDatabase database = TestStack.get().database();
    try (Connection connection =
            DriverManager.getConnection(
                database.jdbcUrl(), EmbeddedDatabase.OWNER, EmbeddedDatabase.OWNER_PASSWORD);
        PreparedStatement query =
            connection.prepareStatement("SELECT form_data::text FROM requests WHERE id = ?")) {
      query.setObject(1, UUID.fromString(id));
      try (ResultSet row = query.executeQuery()) {
        assertTrue(row.next(), "request row " + id);
        return row.getString(1);
      }
    }
  }
}
