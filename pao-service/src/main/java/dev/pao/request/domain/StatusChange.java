package dev.pao.request.domain;

import java.time.Instant;

/**
 * A status change a request accepted: from, to, why and when. The aggregate answers one from each
 * intent-named method; the application records it as the transition's audit event.
 */
public record StatusChange(RequestStatus from, RequestStatus to, String reason, Instant at) {}
