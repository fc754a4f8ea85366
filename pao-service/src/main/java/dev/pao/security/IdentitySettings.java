package dev.pao.security;

import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * How a verified token's claims become teams and roles.
 *
 * @param teamPrefixes a {@code groups} value starting with one of these is a team ({@code
 *     pao.security.team-prefixes}, default {@code team-})
 * @param teams further {@code groups} values that are teams though they lack a prefix ({@code
 *     pao.security.teams}, default none)
 * @param platformTeams groups whose members get the {@code platform} role
 * @param adminTeams groups whose members get the {@code admin} role
 */
public record IdentitySettings(
    List<String> teamPrefixes,
    Set<String> teams,
    Set<String> platformTeams,
    Set<String> adminTeams) {

  /** The token claim that names PAO roles directly; a generic {@code roles} claim never does. */
  public static final String ROLES_CLAIM = "pao_roles";

  static final String DEFAULT_TEAM_PREFIX = "team-";

  public IdentitySettings {
    teamPrefixes = List.copyOf(teamPrefixes);
    teams = Set.copyOf(teams);
    platformTeams = Set.copyOf(platformTeams);
    adminTeams = Set.copyOf(adminTeams);
  }

  /** The settings as configured now. */
  static IdentitySettings fromConfig() {
    Config config = ConfigProvider.getConfig();
    return new IdentitySettings(
        config
            .getOptionalValues("pao.security.team-prefixes", String.class)
            .orElse(List.of(DEFAULT_TEAM_PREFIX)),
        values(config, "pao.security.teams"),
        values(config, "pao.security.platform-teams"),
        values(config, "pao.security.admin-teams"));
  }

  /**
   * Whether an identity-provider group counts as a team (shares its members' requests). Broad
   * groups such as {@code all-engineering} must not, so only prefixed or listed groups do.
   */
  boolean isTeam(String group) {
    return teams.contains(group) || teamPrefixes.stream().anyMatch(group::startsWith);
  }

  private static Set<String> values(Config config, String key) {
    return config.getOptionalValues(key, String.class).map(Set::copyOf).orElse(Set.of());
  }
}
