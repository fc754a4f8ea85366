package dev.pao.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bearer JWTs: required, verified, and turned into the caller's identity and roles. */
class AuthenticationIT {
  private final Api api = TestStack.api();

  @Test
  void noTokenIsUnauthenticated() {
    Api.Answer answer = api.get("/api/v1/me");
    assertEquals(401, answer.status(), answer.raw());
    assertEquals("UNAUTHENTICATED", answer.errorCode());
  }

  @Test
  void aTokenSignedWithAnotherKeyIsUnauthenticated() {
    Api.Answer answer = api.get("/api/v1/me", Tokens.forged());
    assertEquals(401, answer.status(), answer.raw());
  }

  @Test
  void anExpiredTokenIsUnauthenticated() {
    Path key = TestStack.get().settings().home().resolve("dev-jwt/private.pem");
    Api.Answer answer = api.get("/api/v1/me", Tokens.expired(key));
    assertEquals(401, answer.status(), answer.raw());
  }

  @Test
  void garbageIsUnauthenticated() {
    assertEquals(401, api.get("/api/v1/me", "not.a.jwt").status());
  }

  @Test
  void aValidTokenNamesTheCallerTheirTeamsAndRoles() {
    String token = api.token("ada@example.com", List.of("team-data", "platform"), List.of());
    Api.Answer answer = api.get("/api/v1/me", token);
    assertEquals(200, answer.status(), answer.raw());
    JsonObject me = answer.json().getJsonObject("data");
    assertEquals("ada@example.com", me.getString("email"));
    assertEquals(List.of("platform", "team-data"), strings(me, "teams"));
    assertEquals(
        List.of("developer", "platform"),
        strings(me, "roles"),
        "platform role from membership of the platform team");
  }

  @Test
  void rolesClaimGrantsAdmin() {
    String token = api.token("op@example.com", List.of(), List.of("admin"));
    List<String> roles =
        strings(api.get("/api/v1/me", token).json().getJsonObject("data"), "roles");
    assertTrue(roles.containsAll(List.of("developer", "admin")), roles.toString());
  }

  private static List<String> strings(JsonObject object, String key) {
    return object.getJsonArray(key).getValuesAs(JsonString.class).stream()
        .map(JsonString::getString)
        .toList();
  }
}
