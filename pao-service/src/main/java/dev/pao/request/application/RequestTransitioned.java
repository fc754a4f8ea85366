package dev.pao.request.application;

import dev.pao.request.domain.Request;
import dev.pao.request.domain.StatusChange;

/**
 * A request changed status: fired by {@link RequestTransitions#record} and observed synchronously,
 * inside the transaction of the change (e.g. to write the notifications it calls for with it).
 */
public record RequestTransitioned(Request request, StatusChange change) {}
