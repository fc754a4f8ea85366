package dev.pao.serviceaccount.application;

import dev.pao.security.CurrentUser;
import dev.pao.security.Role;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A pipeline's identity: a registered public key, the teams it acts for and, optionally, the only
 * catalog items it may request. A revoked account keeps its row for the audit log.
 */
public record ServiceAccount(
    UUID id,
    String name,
    String keyId,
    String algorithm,
    String publicKey,
    List<String> teams,
    List<String> items,
    String description,
    Instant createdAt,
    String createdBy,
    Instant revokedAt,
    String revokedBy) {

  /** The domain of service accounts' synthetic e-mail addresses. */
  public static final String EMAIL_DOMAIN = "service-accounts.pao";

  public ServiceAccount {
    teams = List.copyOf(teams);
    items = List.copyOf(items);
  }

  public boolean revoked() {
    return revokedAt != null;
  }

  /** The subject its calls carry: {@code sa:<id>}. */
  public String subject() {
    return "sa:" + id;
  }

  /** The address its requests and audit events carry: {@code <name>@service-accounts.pao}. */
  public String email() {
    return name + "@" + EMAIL_DOMAIN;
  }

  /** The caller its signed calls authenticate as: its teams, the developer role only. */
  public CurrentUser asCaller() {
    return new CurrentUser(subject(), email(), name, teams, Set.of(Role.DEVELOPER));
  }

  /** Whether it may request the catalog item: any its teams may when no items are listed. */
  public boolean mayRequest(String catalogItemId) {
    return items.isEmpty() || items.contains(catalogItemId);
  }
}
