package dev.pao.serviceaccount.application;

import dev.pao.audit.application.AuditLog;
import dev.pao.audit.domain.AuditEvent;
import dev.pao.security.CurrentUser;
import dev.pao.serviceaccount.signature.SignatureAlgorithm;
import dev.pao.shared.correlation.Correlation;
import dev.pao.shared.domain.NotFoundException;
import dev.pao.shared.domain.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Registers, lists and revokes service accounts (administrators only), each change with its audit
 * event ({@code service_account.registered}, {@code service_account.revoked}) in the same
 * transaction.
 */
@ApplicationScoped
public class ServiceAccountRegistry {
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");
  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject ServiceAccounts accounts;
  @Inject AuditLog audit;

  /** What an administrator asks for. */
  public record Registration(
      String name, String publicKey, List<String> teams, List<String> items, String description) {}

  @Transactional
  public ServiceAccount register(Registration registration, CurrentUser admin) {
    List<ValidationException.Violation> problems = new ArrayList<>();
    String name = registration.name();
    if (name == null || !NAME.matcher(name).matches()) {
      problems.add(
          new ValidationException.Violation(
              "name",
              "2 to 63 lower-case letters, digits and dashes, starting with one of the first two"));
    }
    SignatureAlgorithm.Key key = null;
    try {
      key = SignatureAlgorithm.read(registration.publicKey());
    } catch (IllegalArgumentException e) {
      problems.add(new ValidationException.Violation("public_key", e.getMessage()));
    }
    List<String> teams = registration.teams() == null ? List.of() : registration.teams();
    if (teams.isEmpty() || teams.stream().anyMatch(t -> t == null || t.isBlank())) {
      problems.add(new ValidationException.Violation("teams", "one or more team names"));
    }
    List<String> items = registration.items() == null ? List.of() : registration.items();
    if (items.stream().anyMatch(i -> i == null || i.isBlank())) {
      problems.add(new ValidationException.Violation("items", "catalog item ids"));
    }
    if (problems.isEmpty() && accounts.nameTaken(name)) {
      problems.add(new ValidationException.Violation("name", "already registered"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationException("The service account is invalid", problems);
    }
    Instant now = Instant.now();
    ServiceAccount account =
        new ServiceAccount(
            UUID.randomUUID(),
            name,
            "sa-" + name + "-" + HexFormat.of().formatHex(randomBytes()),
            key.algorithm().wireName(),
            registration.publicKey().strip(),
            teams,
            items,
            registration.description(),
            now,
            admin.email(),
            null,
            null);
    accounts.add(account);
    Map<String, Object> payload = describe(account);
    audit.append(event("service_account.registered", admin.email(), payload, now));
    return account;
  }

  public List<ServiceAccount> all() {
    return accounts.all();
  }

  public ServiceAccount get(UUID id) {
    return accounts.byId(id).orElseThrow(() -> new NotFoundException("No service account " + id));
  }

  /** Revokes the account (its row stays); revoking it again changes nothing. */
  @Transactional
  public ServiceAccount revoke(UUID id, CurrentUser admin) {
    ServiceAccount account = get(id);
    Instant now = Instant.now();
    if (accounts.revoke(id, admin.email(), now)) {
      audit.append(event("service_account.revoked", admin.email(), describe(account), now));
    }
    return get(id);
  }

  static Map<String, Object> describe(ServiceAccount account) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("service_account_id", account.id().toString());
    payload.put("name", account.name());
    payload.put("key_id", account.keyId());
    payload.put("algorithm", account.algorithm());
    payload.put("teams", account.teams());
    payload.put("items", account.items());
    return payload;
  }

  static AuditEvent event(String type, String actor, Map<String, Object> payload, Instant now) {
    return new AuditEvent(
        type, AuditEvent.Actor.user(actor), null, Correlation.current(), null, payload, now);
  }

  private static byte[] randomBytes() {
    byte[] bytes = new byte[8];
    RANDOM.nextBytes(bytes);
    return bytes;
  }
}
