package dev.pao.catalog.rules;

import dev.pao.catalog.document.ReadOnly;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A set of people named by team and role, as {@code access} and {@code approval.approvers} write
 * it: anyone in one of the teams or holding one of the roles.
 */
public record Principals(List<String> teams, List<String> roles) {
  public Principals {
    teams = List.copyOf(teams);
    roles = List.copyOf(roles);
  }

  /** The principals a document's {@code {teams: [...], roles: [...]}} names. */
  public static Principals of(Map<String, Object> spec) {
    return new Principals(strings(spec, "teams"), strings(spec, "roles"));
  }

  /** Whether a caller with these teams and roles is one of them. */
  public boolean include(Collection<String> callerTeams, Collection<String> callerRoles) {
    return teams.stream().anyMatch(callerTeams::contains)
        || roles.stream().anyMatch(callerRoles::contains);
  }

  /** "team team-data or role admin", for messages. */
  public String describe() {
    List<String> parts = new ArrayList<>();
    if (!teams.isEmpty()) {
      parts.add((teams.size() == 1 ? "team " : "teams ") + String.join(", ", teams));
    }
    if (!roles.isEmpty()) {
      parts.add((roles.size() == 1 ? "role " : "roles ") + String.join(", ", roles));
    }
    return String.join(" or ", parts);
  }

  static List<String> strings(Map<String, Object> spec, String key) {
    List<String> values = new ArrayList<>();
    ReadOnly.listAt(spec, key).forEach(value -> values.add(String.valueOf(value)));
    return values;
  }
}
