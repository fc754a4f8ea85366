package dev.pao.request.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The request row's own columns that a status poll needs, read without building the aggregate (no
 * form data, plan or outputs decoded, no actions read): a poll costs one indexed row read.
 */
public record RequestRow(
    UUID id,
    RequestStatus status,
    String statusReason,
    String correlationId,
    String catalogItemId,
    String catalogItemVersion,
    String catalogKind,
    String catalogCommit,
    String requesterSubject,
    List<String> requesterTeams,
    Instant createdAt,
    Instant updatedAt,
    Instant finishedAt) {

  public RequestRow {
    requesterTeams = List.copyOf(requesterTeams);
  }
}
