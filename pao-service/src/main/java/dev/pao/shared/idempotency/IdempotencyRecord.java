package dev.pao.shared.idempotency;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/**
 * A caller's claimed {@code Idempotency-Key} (table {@code idempotency_keys}): the hash of the body
 * it was first used with and the request that use created, until it expires, so a repeat with the
 * same body gets the same request and a different body is refused. Submissions claim keys with one
 * SQL statement ({@code dev.pao.request.application.IdempotencyKeys}); this maps the same rows.
 */
@Entity
@Table(name = "idempotency_keys")
@IdClass(IdempotencyRecord.Key.class)
public class IdempotencyRecord {
  @Id
  @Column(name = "owner_subject")
  private String ownerSubject;

  @Id
  @Column(name = "endpoint")
  private String endpoint;

  @Id
  @Column(name = "idempotency_key")
  private String idempotencyKey;

  @Column(name = "request_hash", nullable = false)
  private String requestHash;

  @Column(name = "request_id")
  private UUID requestId;

  @Column(name = "response_status")
  private Integer responseStatus;

  @Column(name = "response_body")
  private String responseBody;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  protected IdempotencyRecord() {}

  public IdempotencyRecord(
      Key key, String requestHash, UUID requestId, Instant now, Instant expiresAt) {
    this.ownerSubject = key.ownerSubject;
    this.endpoint = key.endpoint;
    this.idempotencyKey = key.idempotencyKey;
    this.requestHash = requestHash;
    this.requestId = requestId;
    this.createdAt = now;
    this.expiresAt = expiresAt;
  }

  /** Sets the optional response columns ({@code response_status}, {@code response_body}). */
  public void answer(int status, String body) {
    this.responseStatus = status;
    this.responseBody = body;
  }

  public boolean sameBody(String hash) {
    return requestHash.equals(hash);
  }

  public UUID requestId() {
    return requestId;
  }

  public Integer responseStatus() {
    return responseStatus;
  }

  public String responseBody() {
    return responseBody;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  /**
   * Keys are per caller and endpoint ({@code "POST /requests"}, {@code "POST
   * /requests/{id}/retry"}): two callers, or two endpoints, may use the same key string.
   */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;

    private String ownerSubject;
    private String endpoint;
    private String idempotencyKey;

    protected Key() {}

    public Key(String ownerSubject, String endpoint, String idempotencyKey) {
      this.ownerSubject = ownerSubject;
      this.endpoint = endpoint;
      this.idempotencyKey = idempotencyKey;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key
          && ownerSubject.equals(key.ownerSubject)
          && endpoint.equals(key.endpoint)
          && idempotencyKey.equals(key.idempotencyKey);
    }

    @Override
    public int hashCode() {
      return (ownerSubject.hashCode() * 31 + endpoint.hashCode()) * 31 + idempotencyKey.hashCode();
    }
  }
}
