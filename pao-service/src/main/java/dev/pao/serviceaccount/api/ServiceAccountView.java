package dev.pao.serviceaccount.api;

import dev.pao.serviceaccount.application.ServiceAccount;
import java.util.List;

/** A service account as the API shows it: everything but the public key itself. */
public record ServiceAccountView(
    String id,
    String name,
    String keyId,
    String algorithm,
    String email,
    List<String> teams,
    List<String> items,
    String description,
    String createdAt,
    String createdBy,
    String revokedAt,
    String revokedBy) {

  static ServiceAccountView of(ServiceAccount account) {
    return new ServiceAccountView(
        account.id().toString(),
        account.name(),
        account.keyId(),
        account.algorithm(),
        account.email(),
        account.teams(),
        account.items(),
        account.description(),
        account.createdAt().toString(),
        account.createdBy(),
        account.revokedAt() == null ? null : account.revokedAt().toString(),
        account.revokedBy());
  }
}
