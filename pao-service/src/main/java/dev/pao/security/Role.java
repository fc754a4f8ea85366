package dev.pao.security;

import java.util.Locale;
import java.util.Optional;

/** What a caller may do. Every authenticated caller is a developer. */
public enum Role {
  /** Requests items and acts on their own and their teams' requests. */
  DEVELOPER,
  /** Platform-team member: catalog refresh and the catalog authoring tools. */
  PLATFORM,
  /** Operator: queue and DLQ operations, any request. */
  ADMIN;

  public String claimValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Role> fromClaim(String value) {
    for (Role role : values()) {
      if (role.claimValue().equalsIgnoreCase(value)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }
}
