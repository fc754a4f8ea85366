package dev.pao.request.domain;

import dev.pao.shared.persistence.JsonObjectConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One delivery of one attempt of an action, for the execution log: when it ran, the payload it sent
 * (sensitive values masked), a summary of the response, and the error if any.
 */
@Entity
@Table(name = "action_attempts")
public class ActionAttempt {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "request_id", nullable = false)
  private UUID requestId;

  @Column(name = "action_index", nullable = false)
  private int actionIndex;

  @Column(nullable = false)
  private int attempt;

  @Column(nullable = false)
  private int delivery;

  @Column(name = "started_at", nullable = false)
  private Instant startedAt;

  @Column(name = "finished_at")
  private Instant finishedAt;

  @Column(nullable = false)
  private String outcome;

  @Convert(converter = JsonObjectConverter.class)
  private Map<String, Object> rendered;

  @Convert(converter = JsonObjectConverter.class)
  private Map<String, Object> response;

  @Convert(converter = JsonObjectConverter.class)
  private Map<String, Object> error;

  protected ActionAttempt() {}

  public ActionAttempt(
      UUID requestId,
      int actionIndex,
      int attempt,
      int delivery,
      Map<String, Object> rendered,
      Instant now) {
    this.requestId = requestId;
    this.actionIndex = actionIndex;
    this.attempt = attempt;
    this.delivery = delivery;
    this.rendered = rendered == null ? null : new LinkedHashMap<>(rendered);
    this.startedAt = now;
    this.outcome = "running";
  }

  /** Ends the attempt: {@code completed}, {@code failed} or {@code transient}. */
  public void finish(
      String result,
      Map<String, Object> responseSummary,
      Map<String, Object> failure,
      Instant now) {
    outcome = result;
    response = responseSummary == null ? null : new LinkedHashMap<>(responseSummary);
    error = failure == null ? null : new LinkedHashMap<>(failure);
    finishedAt = now;
  }

  public UUID requestId() {
    return requestId;
  }

  public int actionIndex() {
    return actionIndex;
  }

  public int attempt() {
    return attempt;
  }

  public int delivery() {
    return delivery;
  }

  public Instant startedAt() {
    return startedAt;
  }

  public Instant finishedAt() {
    return finishedAt;
  }

  public String outcome() {
    return outcome;
  }

  public Map<String, Object> rendered() {
    return rendered == null ? null : Collections.unmodifiableMap(rendered);
  }

  public Map<String, Object> response() {
    return response == null ? null : Collections.unmodifiableMap(response);
  }

  public Map<String, Object> error() {
    return error == null ? null : Collections.unmodifiableMap(error);
  }
}
