package dev.pao.request.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pao.request.domain.Request;
import dev.pao.request.domain.RequestAction;
import dev.pao.shared.crypto.DataCipher;
import dev.pao.shared.crypto.DataKeys;
import dev.pao.shared.json.JsonCodec;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Sensitive form values are sealed when stored and opened only to render the action. */
class SealedFormDataTest {
  private static final String PASSWORD = "Plain-Admin-Pass-42";
  private static final DataCipher CIPHER = new DataCipher("k1", Map.of("k1", key()));

  private final Orchestration core = new Orchestration();

  @BeforeAll
  static void installKey() {
    DataKeys.install(CIPHER);
  }

  @Test
  void onlySensitiveFieldsAreSealedTopLevelOrInAGroup() {
    UUID id = UUID.randomUUID();
    Map<String, Object> sealed =
        SealedFormData.seal(
            () -> CIPHER,
            id,
            Map.of("name", "orders", "adminPassword", PASSWORD, "db", Map.of("token", 1234)),
            List.of("adminPassword", "db.token"));
    String stored = JsonCodec.write(sealed);
    assertFalse(stored.contains(PASSWORD), stored);
    assertFalse(stored.contains("1234"), stored);
    assertEquals("orders", sealed.get("name"));
    assertEquals(
        Map.of("name", "orders", "adminPassword", PASSWORD, "db", Map.of("token", 1234L)),
        normalise(SealedFormData.open(() -> CIPHER, id, sealed)));
  }

  @Test
  void theActionIsRenderedWithTheRealValue() {
    UUID id = UUID.randomUUID();
    Map<String, Object> stored =
        SealedFormData.seal(
            () -> CIPHER,
            id,
            Map.of("name", "orders", "adminPassword", PASSWORD),
            List.of("adminPassword"));
    Request request =
        new Request(
            id,
            new Request.CatalogRef("item", "postgres-database", "1.0.0"),
            new Request.Requester("dev-1", "dev@example.com", "Dev", List.of("team-a")),
            stored,
            "corr-" + id,
            Orchestration.NOW);
    request.pin("abc", Map.of("sensitive", List.of("adminPassword")), null);
    RequestAction action =
        new RequestAction(
            id,
            0,
            new RequestAction.Step(null, "postgres-database", "create", "rest"),
            Map.of(
                "id", "create",
                "type", "rest",
                "url", "https://api.example.com/databases",
                "body",
                    Map.of("name", "{{.current.name}}", "password", "{{.current.adminPassword}}")),
            List.of());
    action.queue(1);
    core.requests.add(request, List.of(action));
    assertFalse(JsonCodec.write(request.formData()).contains(PASSWORD), "stored sealed");

    Optional<RunSteps.Started> started = core.steps.begin(core.messageFor(request, 0), 1);

    assertTrue(started.isPresent());
    assertEquals(
        Map.of("name", "orders", "password", PASSWORD), started.get().call().spec().get("body"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> normalise(Map<String, Object> data) {
    return (Map<String, Object>) JsonCodec.parse(JsonCodec.write(data));
  }

  private static byte[] key() {
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) 7);
    return key;
  }
}
