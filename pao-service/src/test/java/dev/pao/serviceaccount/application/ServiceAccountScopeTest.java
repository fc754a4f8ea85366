package dev.pao.serviceaccount.application;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pao.security.CurrentUser;
import dev.pao.security.Role;
import dev.pao.shared.api.ApiException;
import dev.pao.shared.api.ErrorCode;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The item scope of a service account's submissions. */
class ServiceAccountScopeTest {
  private final ServiceAccount scoped = account(List.of("kafka-topic"));

  @Test
  void allowsListedItemsAndRefusesOthersWith403() {
    assertDoesNotThrow(() -> ServiceAccountScope.check(scoped, scoped.asCaller(), "kafka-topic"));
    ApiException refused =
        assertThrows(
            ApiException.class,
            () -> ServiceAccountScope.check(scoped, scoped.asCaller(), "postgres-database"));
    assertEquals(ErrorCode.FORBIDDEN, refused.code());
    assertTrue(refused.getMessage().contains("item scope"), refused.getMessage());
  }

  @Test
  void anAccountWithoutItemsMayRequestAnyAndUsersHaveNoScope() {
    ServiceAccount open = account(List.of());
    assertDoesNotThrow(() -> ServiceAccountScope.check(open, open.asCaller(), "anything"));
    CurrentUser person =
        new CurrentUser("u1", "dev@example.com", "dev", List.of("team-a"), Set.of(Role.DEVELOPER));
    assertDoesNotThrow(() -> ServiceAccountScope.check(null, person, "postgres-database"));
  }

  @Test
  void callsAsADeveloperOfItsTeamsWithASyntheticAddress() {
    CurrentUser caller = scoped.asCaller();
    assertEquals("sa:" + scoped.id(), caller.subject());
    assertEquals("ci@service-accounts.pao", caller.email());
    assertEquals(List.of("team-a"), caller.teams());
    assertEquals(Set.of(Role.DEVELOPER), caller.roles());
  }

  private static ServiceAccount account(List<String> items) {
    return new ServiceAccount(
        UUID.randomUUID(),
        "ci",
        "sa-ci-1",
        "ed25519",
        "pem",
        List.of("team-a"),
        items,
        null,
        Instant.now(),
        "admin@example.com",
        null,
        null);
  }
}
