package dev.pao.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pao.shared.api.ApiException;
import dev.pao.shared.api.ErrorCode;
import dev.pao.shared.api.ErrorDetail;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

class ReadinessReportTest {
  private static final String DB_PROBLEM =
      "database unreachable: Connection to db-7.internal:5432 refused";
  private static final String QUEUE_PROBLEM =
      "https://sqs.eu-west-1.amazonaws.com/123456789012/pao-actions.fifo does not exist";

  private final List<DetailedCheck> downChecks =
      List.of(check("database", DB_PROBLEM), check("migrations", "V12 failed"));
  private final List<DetailedCheck> queueDown = List.of(check("queue", QUEUE_PROBLEM));

  @Test
  void thePublicAnswerNamesTheChecksThatAreDownWithoutTheirReasons() {
    ApiException down =
        assertThrows(ApiException.class, () -> ReadinessReport.run(downChecks, queueDown, false));
    assertEquals(ErrorCode.UNAVAILABLE, down.code());
    assertEquals(
        List.of(new ErrorDetail("database", "down"), new ErrorDetail("migrations", "down")),
        down.details());
    String everything = down.getMessage() + down.details();
    assertFalse(everything.contains("db-7.internal"), everything);
    assertFalse(everything.contains("123456789012"), everything);
  }

  @Test
  void anAdminLearnsWhyAChecksIsDown() {
    ApiException down =
        assertThrows(ApiException.class, () -> ReadinessReport.run(downChecks, queueDown, true));
    assertEquals(
        List.of(
            new ErrorDetail("database", DB_PROBLEM), new ErrorDetail("migrations", "V12 failed")),
        down.details());
  }

  @Test
  void aDependencyThatIsDownIsShownButLeavesTheInstanceReady() {
    List<DetailedCheck> databaseUp = List.of(check("database", null));

    Map<String, Object> ready = ReadinessReport.run(databaseUp, queueDown, false);

    assertEquals("UP", ready.get("status"));
    assertEquals(List.of(Map.of("name", "queue", "status", "DOWN")), ready.get("dependencies"));
    assertFalse(ready.toString().contains("123456789012"), ready.toString());
    Map<String, Object> forAdmin = ReadinessReport.run(databaseUp, queueDown, true);
    assertEquals(
        List.of(Map.of("name", "queue", "status", "DOWN", "problem", QUEUE_PROBLEM)),
        forAdmin.get("dependencies"));
  }

  @Test
  void theMicroProfileHealthAnswerCarriesNoReason() {
    HealthCheckResponse response = check("queue", QUEUE_PROBLEM).call();
    assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
    assertTrue(response.getData().isEmpty(), String.valueOf(response.getData()));
  }

  @Test
  void readyChecksAreListedUp() {
    Map<String, Object> ready =
        ReadinessReport.run(List.of(check("database", null)), List.of(check("queue", null)), false);
    assertEquals(List.of(Map.of("name", "database", "status", "UP")), ready.get("checks"));
    assertEquals(List.of(Map.of("name", "queue", "status", "UP")), ready.get("dependencies"));
  }

  private static DetailedCheck check(String name, String problem) {
    return new DetailedCheck() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Optional<String> problem() {
        return Optional.ofNullable(problem);
      }
    };
  }
}
