package dev.pao.security;

import java.util.List;
import java.util.Set;

/**
 * The authenticated caller, as every service sees it: identity from the token's {@code sub}, {@code
 * email} and {@code name} claims, teams from {@code groups}, and the roles derived from them.
 */
public record CurrentUser(
    String subject, String email, String name, List<String> teams, Set<Role> roles) {

  public CurrentUser {
    teams = List.copyOf(teams);
    roles = Set.copyOf(roles);
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  /** Whether the caller belongs to the given team. */
  public boolean memberOf(String team) {
    return teams.contains(team);
  }
}
