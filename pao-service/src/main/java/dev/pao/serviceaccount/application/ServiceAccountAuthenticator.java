package dev.pao.serviceaccount.application;

import dev.pao.audit.application.AuditLog;
import dev.pao.audit.application.AuditRecorder;
import dev.pao.audit.domain.AuditEvent;
import dev.pao.serviceaccount.signature.SignatureAlgorithm;
import dev.pao.serviceaccount.signature.SignatureException;
import dev.pao.serviceaccount.signature.SignatureInput;
import dev.pao.serviceaccount.signature.SignatureVerifier;
import dev.pao.serviceaccount.signature.SignedMessage;
import dev.pao.shared.correlation.Correlation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Authenticates a signed call as its service account, and audits it: {@code service_account.used}
 * for every accepted call, {@code service_account.rejected} (with the reason) for every refused
 * one. A signature seen before within the allowed skew is a replay and refused, on any instance
 * (the database remembers signatures for twice the skew).
 */
@ApplicationScoped
public class ServiceAccountAuthenticator {
  @Inject ServiceAccounts accounts;
  @Inject AuditLog audit;
  @Inject AuditRecorder recorder;
  @Inject ServiceAccountAuthenticator self;

  @Inject
  @ConfigProperty(name = "pao.service-accounts.max-skew-seconds", defaultValue = "300")
  long maxSkewSeconds;

  /**
   * The account that signed the call.
   *
   * @throws SignatureException naming what was wrong (also recorded in the audit log)
   */
  public ServiceAccount authenticate(
      String signatureInput, String signature, SignedMessage message, byte[] body) {
    Instant now = Instant.now();
    Duration skew = Duration.ofSeconds(maxSkewSeconds);
    String[] keyId = new String[1];
    try {
      SignatureVerifier.Verified verified =
          new SignatureVerifier(skew)
              .verify(
                  signatureInput,
                  signature,
                  message,
                  body,
                  now,
                  id -> {
                    keyId[0] = id;
                    return accounts.byKeyId(id).map(ServiceAccountAuthenticator::registered);
                  });
      ServiceAccount account = accounts.byKeyId(verified.input().keyId()).orElseThrow();
      if (!self.recordUse(account, verified, message, now, skew)) {
        throw new SignatureException("the same signature was already used (a replay)");
      }
      return account;
    } catch (SignatureException refused) {
      reject(
          keyId[0] != null ? keyId[0] : keyIdOf(signatureInput),
          message,
          refused.getMessage(),
          now);
      throw refused;
    }
  }

  /** The signature's first sighting and the {@code service_account.used} event, together. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean recordUse(
      ServiceAccount account,
      SignatureVerifier.Verified verified,
      SignedMessage message,
      Instant now,
      Duration skew) {
    if (!accounts.firstSighting(
        account.keyId(), verified.signature(), now, now.minus(skew.multipliedBy(2)))) {
      return false;
    }
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("service_account_id", account.id().toString());
    payload.put("key_id", account.keyId());
    payload.put("method", message.method());
    payload.put("path", message.path());
    audit.append(
        new AuditEvent(
            "service_account.used",
            AuditEvent.Actor.user(account.email()),
            null,
            Correlation.current(),
            null,
            payload,
            now));
    return true;
  }

  private void reject(String keyId, SignedMessage message, String reason, Instant now) {
    Optional<ServiceAccount> account = keyId == null ? Optional.empty() : accounts.byKeyId(keyId);
    Map<String, Object> payload = new LinkedHashMap<>();
    if (keyId != null) {
      payload.put("key_id", keyId);
    }
    account.ifPresent(known -> payload.put("service_account_id", known.id().toString()));
    payload.put("method", message.method());
    payload.put("path", message.path());
    payload.put("reason", reason);
    recorder.record(
        new AuditEvent(
            "service_account.rejected",
            AuditEvent.Actor.user(account.map(ServiceAccount::email).orElse("unknown")),
            null,
            Correlation.current(),
            null,
            payload,
            now));
  }

  private static String keyIdOf(String signatureInput) {
    try {
      return SignatureInput.parse(signatureInput).keyId();
    } catch (SignatureException e) {
      return null;
    }
  }

  private static SignatureVerifier.RegisteredKey registered(ServiceAccount account) {
    return new SignatureVerifier.RegisteredKey(
        account.keyId(), SignatureAlgorithm.read(account.publicKey()), account.revoked());
  }
}
