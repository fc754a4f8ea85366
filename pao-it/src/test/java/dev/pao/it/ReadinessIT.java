package dev.pao.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pao.local.EmbeddedDatabase;
import jakarta.json.JsonArray;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Readiness follows the database (the queue is not a readiness condition): 503 while PostgreSQL is
 * down, naming only the database, and 200 once it is back.
 */
class ReadinessIT {
  private final Api api = TestStack.api();

  @Test
  void turnsUnavailableWhileThePostgresServerIsStoppedAndRecovers() {
    EmbeddedDatabase database = TestStack.get().database();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> api.get("/api/v1/health/ready").status() == 200);
    database.stop();
    try {
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> api.get("/api/v1/health/ready").status() == 503);
      Api.Answer down = api.get("/api/v1/health/ready");
      assertEquals("UNAVAILABLE", down.errorCode());
      JsonArray details = down.json().getJsonObject("error").getJsonArray("details");
      assertEquals(1, details.size(), details.toString());
      assertEquals("database", details.getJsonObject(0).getString("field"));
    } finally {
      database.start();
    }
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> api.get("/api/v1/health/ready").status() == 200);
  }
}
