package dev.pao.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class CurrentUsersTest {
  private static final IdentitySettings DEFAULTS =
      new IdentitySettings(List.of("team-"), Set.of(), Set.of("platform"), Set.of("admin"));

  private final CurrentUsers users = new CurrentUsers(() -> DEFAULTS);

  @Test
  void aGenericRolesClaimGrantsNoPaoRole() {
    CurrentUser user = user(Map.of("roles", Set.of("admin", "platform")));
    assertEquals(Set.of(Role.DEVELOPER), user.roles());
  }

  @Test
  void thePaoRolesClaimGrantsTheRolesItNames() {
    CurrentUser user = user(Map.of(IdentitySettings.ROLES_CLAIM, Set.of("admin")));
    assertTrue(user.has(Role.ADMIN));
    assertFalse(user.has(Role.PLATFORM));
  }

  @Test
  void aConfiguredGroupGrantsItsRoleWithoutBeingATeam() {
    CurrentUser user = user(Map.of("groups", Set.of("platform", "team-data")));
    assertTrue(user.has(Role.PLATFORM));
    assertEquals(List.of("team-data"), user.teams());
  }

  @Test
  void aBroadGroupIsNoTeam() {
    CurrentUser user = user(Map.of("groups", Set.of("all-engineering", "team-data", "team-ops")));
    assertEquals(List.of("team-data", "team-ops"), user.teams());
    assertFalse(user.memberOf("all-engineering"));
  }

  @Test
  void listedGroupsAreTeamsWhateverTheirName() {
    CurrentUsers listed =
        new CurrentUsers(
            () -> new IdentitySettings(List.of("squad-"), Set.of("sre"), Set.of(), Set.of()));
    CurrentUser user =
        listed.from(token(Map.of("groups", Set.of("sre", "squad-pay", "team-data")))).orElseThrow();
    assertEquals(List.of("squad-pay", "sre"), user.teams());
  }

  private CurrentUser user(Map<String, Object> claims) {
    return users.from(token(claims)).orElseThrow();
  }

  private static JsonWebToken token(Map<String, Object> extra) {
    Map<String, Object> claims = new HashMap<>(extra);
    claims.put("raw_token", "header.payload.signature");
    claims.put("sub", "ada@example.com");
    claims.put("upn", "ada@example.com");
    return new JsonWebToken() {
      @Override
      public String getName() {
        return "ada@example.com";
      }

      @Override
      public Set<String> getClaimNames() {
        return claims.keySet();
      }

      @Override
      @SuppressWarnings("unchecked")
      public <T> T getClaim(String name) {
        return (T) claims.get(name);
      }
    };
  }
}
