/**
 * The request aggregate and its language: requests ({@link dev.pao.request.domain.Request}, whose
 * intent-named methods are the only way its status changes), their planned actions and attempt log,
 * the state machine ({@link dev.pao.request.domain.RequestStatus}), the request id, the domain's
 * refusals, and the ports its persistence hides behind ({@link
 * dev.pao.request.domain.RequestRepository} for writers, {@link
 * dev.pao.request.domain.RequestReads} for readers, {@link dev.pao.request.domain.IdleRequests},
 * {@link dev.pao.request.domain.RetentionStore}, {@link dev.pao.request.domain.IdempotencyClaims}).
 */
package dev.pao.request.domain;
