package dev.pao.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
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
    Api.Answer answer = api.get("/api/v1/me", Tokens.expired(devKey()));
    assertEquals(401, answer.status(), answer.raw());
  }

  @Test
  void aTokenForAnotherAudienceIsUnauthenticated() {
    Api.Answer answer = api.get("/api/v1/me", Tokens.forAudience(devKey(), "another-app"));
    assertEquals(401, answer.status(), answer.raw());
    assertEquals("UNAUTHENTICATED", answer.errorCode(), answer.raw());
  }

  @Test
  void aTokenWithoutAudienceIsUnauthenticated() {
    Api.Answer answer = api.get("/api/v1/me", Tokens.forAudience(devKey(), null));
    assertEquals(401, answer.status(), answer.raw());
    assertEquals("UNAUTHENTICATED", answer.errorCode(), answer.raw());
  }

  @Test
  void theRequiredAudienceIsAccepted() {
    Api.Answer answer = api.get("/api/v1/me", Tokens.forAudience(devKey(), Tokens.AUDIENCE));
    assertEquals(200, answer.status(), answer.raw());
  }

  @Test
  void aGenericRolesClaimGrantsNoPaoRole() {
    String token =
        Tokens.withClaims(
            devKey(),
            Json.createObjectBuilder()
                .add("aud", Tokens.AUDIENCE)
                .add("sub", "eve@example.com")
                .add("upn", "eve@example.com")
                .add("roles", Json.createArrayBuilder().add("admin").add("platform")));
    Api.Answer me = api.get("/api/v1/me", token);
    assertEquals(200, me.status(), me.raw());
    assertEquals(List.of("developer"), strings(me.json().getJsonObject("data"), "roles"));
    assertEquals(403, api.get("/api/v1/queue/stats", token).status());
  }

  @Test
  void onlyTeamGroupsAreTeams() {
    String token = api.token("bo@example.com", List.of("all-engineering", "team-data"), List.of());
    JsonObject me = api.get("/api/v1/me", token).json().getJsonObject("data");
    assertEquals(List.of("team-data"), strings(me, "teams"));
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
    assertEquals(
        List.of("team-data"), strings(me, "teams"), "the platform role group is not a team");
    assertEquals(
        List.of("developer", "platform"),
        strings(me, "roles"),
        "platform role from membership of the platform team");
  }

  @Test
  void paoRolesOfADevelopmentTokenGrantAdmin() {
    String token = api.token("op@example.com", List.of(), List.of("admin"));
    List<String> roles =
        strings(api.get("/api/v1/me", token).json().getJsonObject("data"), "roles");
    assertTrue(roles.containsAll(List.of("developer", "admin")), roles.toString());
  }

  private static Path devKey() {
    return TestStack.get().settings().home().resolve("dev-jwt/private.pem");
  }

  private static List<String> strings(JsonObject object, String key) {
    return object.getJsonArray(key).getValuesAs(JsonString.class).stream()
        .map(JsonString::getString)
        .toList();
  }
}
